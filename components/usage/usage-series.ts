import type { UsageSummary } from "@/lib/request-log/usage-summary";
import { cacheHitRatio } from "@/lib/request-log/cache-hit-ratio";

const MAX_GROUPS = 6;
export const OTHER_GROUP = "Other";

/** Days from `from` to today (UTC), so days without requests still show as zero. */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (cursor <= to) {
    days.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/**
 * Pure: the API's per-day, per-group buckets → rows for the charts. The costliest groups keep
 * their own series; the rest are summed into "Other" so a chart never has dozens of colours.
 */
export function toChartSeries(summary: UsageSummary, days: string[]) {
  const costByGroup = new Map<string, number>();
  for (const bucket of summary.buckets)
    costByGroup.set(bucket.group, (costByGroup.get(bucket.group) ?? 0) + bucket.costMicros + bucket.requests);
  const ranked = [...costByGroup.entries()].sort((a, b) => b[1] - a[1]).map(([group]) => group);
  const kept = ranked.slice(0, MAX_GROUPS);
  const groups = ranked.length > MAX_GROUPS ? [...kept, OTHER_GROUP] : kept;
  const seriesName = (group: string) => (kept.includes(group) ? group : OTHER_GROUP);

  const byDay = new Map(
    days.map((day) => [
      day,
      {
        day,
        requests: {} as Record<string, number>,
        costUsd: {} as Record<string, number>,
        inputTokens: 0,
        outputTokens: 0,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        savedUsd: 0,
        cacheHitPercent: 0,
        p50: null as number | null,
        p95: null as number | null,
      },
    ]),
  );
  for (const bucket of summary.buckets) {
    const row = byDay.get(bucket.day);
    if (!row) continue;
    const name = seriesName(bucket.group);
    row.requests[name] = (row.requests[name] ?? 0) + bucket.requests;
    row.costUsd[name] = (row.costUsd[name] ?? 0) + bucket.costMicros / 1e6;
    row.inputTokens += bucket.inputTokens;
    row.outputTokens += bucket.outputTokens;
    row.cacheReadTokens += bucket.cacheReadTokens;
    row.cacheWriteTokens += bucket.cacheWriteTokens;
    row.savedUsd += bucket.cacheSavingsMicros / 1e6;
  }
  for (const row of byDay.values()) row.cacheHitPercent = cacheHitRatio(row) * 100;
  for (const point of summary.latency) {
    const row = byDay.get(point.day);
    if (row) Object.assign(row, { p50: point.p50, p95: point.p95 });
  }
  const rows = [...byDay.values()].map((row) => ({
    ...row,
    label: row.day.slice(5),
    ...Object.fromEntries(groups.map((group) => [`requests:${group}`, row.requests[group] ?? 0])),
    ...Object.fromEntries(groups.map((group) => [`cost:${group}`, row.costUsd[group] ?? 0])),
  }));
  return { groups, rows };
}
