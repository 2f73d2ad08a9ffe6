"use client";

import { useEffect, useState } from "react";
import type { CacheCheck } from "@/lib/conversations/settings/cache-breakpoints";
import type { CacheTimelineEntry } from "@/lib/conversations/settings/cache-timeline";
import { formatTokens } from "@/components/conversations/format";

function remaining(expiresAt: string, now: number): string {
  const seconds = Math.round((Date.parse(expiresAt) - now) / 1000);
  if (seconds <= 0) return "expired";
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, "0")}s left` : `${seconds}s left`;
}

/** Breakpoints of the next request (with the model's minimum) and when each cached prefix expires. */
export function CachePanel({
  check,
  minimumCacheableTokens,
  timeline,
}: {
  check: CacheCheck;
  minimumCacheableTokens: number;
  timeline: CacheTimelineEntry[];
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timeline.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [timeline.length]);
  return (
    <section aria-labelledby="cache-heading" className="space-y-2">
      <h2 id="cache-heading" className="text-sm font-medium">
        Prompt cache
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Up to 4 breakpoints; 1h before 5m. This model caches prefixes of at least {formatTokens(minimumCacheableTokens)}{" "}
        tokens.
      </p>
      {check.breakpoints.length === 0 ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          No breakpoints: mark the system prompt, a message or an attachment.
        </p>
      ) : (
        <ol aria-label="Cache breakpoints" className="space-y-1 text-xs">
          {check.breakpoints.map((breakpoint, index) => (
            <li key={index} className="flex justify-between gap-2">
              <span className="truncate">{breakpoint.label}</span>
              <span className="shrink-0 text-zinc-600 dark:text-zinc-400">
                {breakpoint.ttl} · ≈{formatTokens(breakpoint.estimatedPrefixTokens)} tok
              </span>
            </li>
          ))}
        </ol>
      )}
      {check.warnings.map((warning) => (
        <p key={warning} className="text-[11px] text-amber-700 dark:text-amber-300">
          {warning}
        </p>
      ))}
      {timeline.length > 0 && (
        <div>
          <h3 className="mt-2 text-xs font-medium">Cache timeline</h3>
          <ol aria-label="Cache timeline" className="mt-1 space-y-1.5">
            {timeline.map((entry) => {
              const total = entry.ttl === "1h" ? 3_600_000 : 300_000;
              const left = Math.max(0, Date.parse(entry.expiresAt) - now);
              return (
                <li key={`${entry.label}-${entry.ttl}`} className="text-xs">
                  <div className="flex flex-wrap justify-between gap-x-2">
                    <span className="min-w-0 break-words">
                      {entry.label} ({entry.ttl})
                    </span>
                    <span className="text-zinc-600 dark:text-zinc-400">
                      expires {new Date(entry.expiresAt).toLocaleTimeString()} · {remaining(entry.expiresAt, now)}
                    </span>
                  </div>
                  <div aria-hidden className="mt-0.5 h-1 rounded bg-zinc-200 dark:bg-zinc-800">
                    <div className="h-1 rounded bg-amber-500" style={{ width: `${(left / total) * 100}%` }} />
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </section>
  );
}
