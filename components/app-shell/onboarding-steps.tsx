import Link from "next/link";
import type { OnboardingStep } from "@/lib/onboarding/get-onboarding-progress";

const DESCRIPTIONS: Record<OnboardingStep["id"], string> = {
  "provider-key": "Your Anthropic, Bedrock or Vertex key: every request is billed to your own account.",
  playground: "Chat with Claude, with thinking, caching and attachments.",
  "api-key": "For your apps: the gateway speaks the OpenAI and Anthropic APIs.",
};

/** Getting started, in order, with what is already done ticked off. */
export function OnboardingSteps({ steps }: { steps: OnboardingStep[] }) {
  const doneCount = steps.filter((step) => step.done).length;
  const progressId = "onboarding-progress";
  return (
    <section
      aria-labelledby="onboarding-title"
      aria-describedby={progressId}
      className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="onboarding-title" className="text-lg font-semibold">
          Get started
        </h2>
        <p id={progressId} className="text-sm text-zinc-600 dark:text-zinc-400">
          {doneCount} of {steps.length} done
        </p>
      </div>
      <progress
        value={doneCount}
        max={steps.length}
        aria-label="Setup progress"
        className="mt-2 h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-zinc-200 dark:[&::-webkit-progress-bar]:bg-zinc-800 [&::-webkit-progress-value]:bg-amber-500"
      />
      <ol className="mt-4 grid gap-3 sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.id}>
            <Link
              href={step.href}
              className="flex h-full gap-3 rounded-md border border-zinc-200 p-3 hover:border-zinc-400 dark:border-zinc-800 dark:hover:border-zinc-600"
            >
              <span
                aria-hidden
                className={
                  step.done
                    ? "flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-600 text-xs font-semibold text-white"
                    : "flex size-6 shrink-0 items-center justify-center rounded-full border border-zinc-400 text-xs font-semibold text-zinc-700 dark:border-zinc-500 dark:text-zinc-300"
                }
              >
                {step.done ? "✓" : index + 1}
              </span>
              <span>
                <span className="font-medium">{step.title}</span>
                <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{step.done ? "Done" : "To do"}</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{DESCRIPTIONS[step.id]}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
