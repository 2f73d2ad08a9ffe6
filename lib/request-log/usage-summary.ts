import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { getConfig } from "@/lib/env";
import { readLatencyPercentiles, readUsageBuckets } from "@/lib/db/request-log-queries";
import { cacheHitRatio } from "./cache-hit-ratio";
import { filterFor, type RequestLogQuery } from "./request-log-filters";

export type UsageGroupBy = "model" | "key";

/**
 * The usage dashboard's data for a time range: per-day sums per model or key, per-day latency
 * percentiles, and totals. Money stays in integer micro-dollars until the screen formats it,
 * so the totals equal the sum of the log's rows exactly.
 */
export async function summarizeUsage(db: Db, viewer: SignedInUser, query: RequestLogQuery, groupBy: UsageGroupBy) {
  const provider = getConfig().database.provider;
  const filter = filterFor(query, viewer);
  const [buckets, latency] = await Promise.all([
    readUsageBuckets(db, provider, filter, groupBy),
    readLatencyPercentiles(db, provider, filter),
  ]);
  const totals = buckets.reduce(
    (sum, bucket) => ({
      requests: sum.requests + bucket.requests,
      errors: sum.errors + bucket.errors,
      inputTokens: sum.inputTokens + bucket.inputTokens,
      outputTokens: sum.outputTokens + bucket.outputTokens,
      cacheReadTokens: sum.cacheReadTokens + bucket.cacheReadTokens,
      cacheWriteTokens: sum.cacheWriteTokens + bucket.cacheWriteTokens,
      costMicros: sum.costMicros + bucket.costMicros,
      cacheSavingsMicros: sum.cacheSavingsMicros + bucket.cacheSavingsMicros,
    }),
    {
      requests: 0,
      errors: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costMicros: 0,
      cacheSavingsMicros: 0,
    },
  );
  return { groupBy, buckets, latency, totals, cacheHitRatio: cacheHitRatio(totals) };
}

export type UsageSummary = Awaited<ReturnType<typeof summarizeUsage>>;
