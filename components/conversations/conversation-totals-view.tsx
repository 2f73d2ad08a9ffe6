import type { ConversationTotals } from "@/lib/conversations/turns/turn-metrics";
import { formatTokens, formatUsd } from "./format";

export function ConversationTotalsView({ totals }: { totals: ConversationTotals }) {
  const rows: Array<[string, string]> = [
    ["Turns", String(totals.turns)],
    ["Input tokens", formatTokens(totals.inputTokens)],
    ["Output tokens", formatTokens(totals.outputTokens)],
    ["Cache read", formatTokens(totals.cacheReadTokens)],
    ["Cache write 5m / 1h", `${formatTokens(totals.cacheWrite5mTokens)} / ${formatTokens(totals.cacheWrite1hTokens)}`],
    ["Cost", formatUsd(totals.costUsd)],
    ["Saved by cache", formatUsd(totals.cacheSavingsUsd)],
  ];
  return (
    <section aria-labelledby="totals-heading" className="space-y-1">
      <h2 id="totals-heading" className="text-sm font-medium">
        This conversation
      </h2>
      <dl className="grid grid-cols-2 gap-x-2 gap-y-0.5 text-xs">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="text-right font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
