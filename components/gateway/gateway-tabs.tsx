"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Route } from "next";
import { classNames } from "@/components/ui/class-names";

/** AI Gateway › BYOK | API keys | Logs | Usage | Quickstart. Members manage only their own keys, so they see no BYOK tab. */
export function GatewayTabs({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const tabs: Array<{ href: Route; label: string }> = [
    ...(isAdmin ? [{ href: "/gateway/byok" as const, label: "BYOK" }] : []),
    { href: "/gateway/api-keys", label: "API keys" },
    { href: "/gateway/logs", label: "Logs" },
    { href: "/gateway/usage", label: "Usage" },
    { href: "/gateway/quickstart", label: "Quickstart" },
  ];
  return (
    <div className="space-y-3">
      <p className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">AI Gateway</p>
      <nav aria-label="AI Gateway" className="flex gap-4 border-b border-zinc-200 text-sm dark:border-zinc-800">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <Link
              key={tab.href}
              href={tab.href}
              aria-current={active ? "page" : undefined}
              className={classNames(
                "-mb-px border-b-2 px-0.5 pb-2 transition-colors",
                active
                  ? "border-amber-500 font-medium text-zinc-900 dark:text-zinc-50"
                  : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
    </div>
  );
}
