import Link from "next/link";
import type { Route } from "next";
import { OnboardingSteps } from "@/components/app-shell/onboarding-steps";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { getOnboardingProgress } from "@/lib/onboarding/get-onboarding-progress";

const SECTIONS: Array<{ href: Route; title: string; text: string }> = [
  { href: "/playground", title: "Playground", text: "Chat, thinking, caching, attachments." },
  { href: "/sessions", title: "Sessions", text: "Saved conversations you can share." },
  { href: "/gateway", title: "AI Gateway", text: "Provider keys (BYOK) and gateway API keys." },
  { href: "/settings", title: "Settings", text: "Your account and password." },
];

export default async function HomePage() {
  const user = await requireUser();
  const steps = user.role === "admin" ? await getOnboardingProgress(getDb(), user.id) : null;
  return (
    <section aria-labelledby="home-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="home-title" className="text-3xl font-semibold tracking-tight">
          Your own gateway to Claude
        </h1>
        <p className="max-w-prose text-zinc-600 dark:text-zinc-400">
          Switchyard serves an OpenAI- and Anthropic-compatible API at{" "}
          <code className="font-mono text-sm">/v3/router</code>, with your own provider keys, and a playground to try
          every Claude feature.
        </p>
      </div>
      {steps && <OnboardingSteps steps={steps} />}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {SECTIONS.map((card) => (
          <li key={card.href}>
            <Link
              href={card.href}
              className="block h-full rounded-lg border border-zinc-200 p-4 hover:border-zinc-400 dark:border-zinc-800 dark:hover:border-zinc-600"
            >
              <span className="font-medium">{card.title}</span>
              <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{card.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
