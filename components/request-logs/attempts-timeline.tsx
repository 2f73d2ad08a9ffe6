import type { LoggedAttempt } from "@/lib/request-log/build-request-log-row";
import { formatMs } from "./format";

/** The fallback chain as a timeline: each attempt's model, provider, status and time, bars to scale. */
export function AttemptsTimeline({ attempts }: { attempts: LoggedAttempt[] }) {
  if (attempts.length === 0)
    return (
      <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
        No upstream attempt (the request was refused before routing).
      </p>
    );
  const longest = Math.max(1, ...attempts.map((attempt) => attempt.latencyMs));
  return (
    <ol aria-label="Attempts" className="space-y-2">
      {attempts.map((attempt, index) => {
        const ok = attempt.status < 400;
        return (
          <li key={index} className="grid grid-cols-[1.5rem_1fr] items-start gap-2 text-[13px]">
            <span
              aria-hidden
              className={`mt-0.5 flex size-5 items-center justify-center rounded-full text-[11px] font-semibold text-white ${ok ? "bg-emerald-600" : "bg-red-600"}`}
            >
              {index + 1}
            </span>
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs">{attempt.model}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{attempt.provider ?? "unknown provider"}</span>
                <span className={ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                  {attempt.status}
                  {attempt.error ? ` ${attempt.error}` : ""}
                </span>
                <span className="text-zinc-600 dark:text-zinc-400 tabular-nums">{formatMs(attempt.latencyMs)}</span>
              </p>
              <div className="h-1.5 rounded bg-zinc-100 dark:bg-zinc-800">
                <div
                  className={`h-1.5 rounded ${ok ? "bg-emerald-500" : "bg-red-500"}`}
                  style={{ width: `${Math.max(2, (attempt.latencyMs / longest) * 100)}%` }}
                />
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
