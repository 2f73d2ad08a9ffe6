/**
 * The windows counters are kept in (pure). Requests and tokens count per fixed UTC minute, as
 * OpenAI's and Anthropic's per-minute limits do; spend per UTC calendar month. A fixed window
 * can let up to twice the limit through around a minute boundary — the price of one atomic
 * counter row per key and minute instead of a log of timestamps.
 */
export type CounterWindow = {
  /** Row key, e.g. `rpm:2026-11-23T12:18`, `spend:2026-11`. */
  id: string;
  resetsAt: Date;
  /** When the row may be pruned. */
  expiresAt: Date;
};

export function minuteWindow(kind: "rpm" | "tpm", now: Date): CounterWindow {
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  return {
    id: `${kind}:${new Date(start).toISOString().slice(0, 16)}`,
    resetsAt: new Date(start + 60_000),
    expiresAt: new Date(start + 120_000),
  };
}

export function monthWindow(now: Date): CounterWindow {
  const resetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return {
    id: `spend:${now.toISOString().slice(0, 7)}`,
    resetsAt,
    // Kept a while past the month so the keys screen can still show last month's spend.
    expiresAt: new Date(resetsAt.getTime() + 40 * 86_400_000),
  };
}

/** Whole seconds until `resetsAt`, at least 1 (a `retry-after` of 0 invites a hot loop). */
export function secondsUntil(resetsAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
}

/** OpenAI's `x-ratelimit-reset-*` format: `1s`, `6m0s`, `1h2m3s`. */
export function formatResetDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}
