import type { TurnMetrics } from "@/lib/conversations/document/conversation-document";
import { formatMs, formatTokens, formatUsd } from "./format";

/** A turn's tokens (cache writes split by TTL), cost, cache savings, time to first token and latency. */
export function TurnMetricsView({ metrics }: { metrics: TurnMetrics }) {
  const { usage } = metrics;
  const items: Array<[string, string]> = [];
  if (usage) {
    items.push(["Input", formatTokens(usage.inputTokens)], ["Output", formatTokens(usage.outputTokens)]);
    if (usage.cacheReadTokens) items.push(["Cache read", formatTokens(usage.cacheReadTokens)]);
    if (usage.cacheWrite5mTokens) items.push(["Cache write 5m", formatTokens(usage.cacheWrite5mTokens)]);
    if (usage.cacheWrite1hTokens) items.push(["Cache write 1h", formatTokens(usage.cacheWrite1hTokens)]);
  }
  if (metrics.costUsd !== null) items.push(["Cost", formatUsd(metrics.costUsd)]);
  if (
    metrics.cacheSavingsUsd !== null &&
    usage &&
    usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens > 0
  ) {
    items.push([
      metrics.cacheSavingsUsd >= 0 ? "Saved by cache" : "Cache write premium",
      formatUsd(Math.abs(metrics.cacheSavingsUsd)),
    ]);
  }
  if (metrics.timeToFirstTokenMs !== null) items.push(["First token", formatMs(metrics.timeToFirstTokenMs)]);
  if (metrics.latencyMs !== null) items.push(["Latency", formatMs(metrics.latencyMs)]);
  if (items.length === 0) return null;
  return (
    <dl aria-label="Turn usage" className="flex flex-wrap gap-x-4 gap-y-1 text-[11px] text-zinc-600 dark:text-zinc-400">
      {items.map(([label, value]) => (
        <div key={label} className="flex gap-1">
          <dt>{label}</dt>
          <dd className="font-medium text-zinc-700 tabular-nums dark:text-zinc-300">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
