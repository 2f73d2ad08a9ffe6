import type { CanonicalUsage } from "@/lib/gateway/core/canonical";
import { computeUsageCost } from "@/lib/catalog/compute-cost";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";

export type UsageMoney = {
  /** Cost at the catalog's prices, rounded once per request to whole micro-dollars. */
  costMicros: number;
  /** What the cache reads would have cost as plain input, minus what they did cost. */
  cacheSavingsMicros: number;
};

const NO_MONEY: UsageMoney = { costMicros: 0, cacheSavingsMicros: 0 };

/**
 * Cost of one request in integer micro-dollars, from the catalog's prices for the model that
 * served it (lib/catalog/compute-cost.ts: cache writes 1.25× for 5m and 2× for 1h, reads 0.1×).
 * Integers so that sums over any number of rows are exact; a model the catalog does not price
 * costs 0 (the log still has its tokens).
 */
export function usageCostMicros(servedModel: string | null | undefined, usage: CanonicalUsage | undefined): UsageMoney {
  if (!servedModel || !usage) return NO_MONEY;
  const pricing = resolveGatewayModel(servedModel)?.entry?.pricing;
  if (!pricing) return NO_MONEY;
  const cost = computeUsageCost(usage, pricing);
  const savedPerToken = (pricing.inputPerMillionTokens - pricing.cacheReadPerMillionTokens) / 1_000_000;
  return {
    costMicros: Math.round(cost.total * 1_000_000),
    cacheSavingsMicros: Math.round(usage.cacheReadInputTokens * savedPerToken * 1_000_000),
  };
}
