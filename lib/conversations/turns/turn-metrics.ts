import { z } from "zod";
import { computeUsageCost } from "@/lib/catalog/compute-cost";
import type { ModelPricing } from "@/lib/catalog/model-catalog-schema";
import type { TurnMetrics, TurnUsage } from "@/lib/conversations/document/conversation-document";

/** The gateway's Chat Completions `usage` (OpenAI's fields plus Anthropic's cache detail). Lenient. */
export const chatUsageSchema = z.looseObject({
  prompt_tokens: z.number().nullish(),
  completion_tokens: z.number().nullish(),
  cache_read_input_tokens: z.number().nullish(),
  cache_creation_input_tokens: z.number().nullish(),
  prompt_tokens_details: z
    .looseObject({ cached_tokens: z.number().nullish(), cache_write_tokens: z.number().nullish() })
    .nullish(),
  cache_creation: z
    .looseObject({ ephemeral_5m_input_tokens: z.number().nullish(), ephemeral_1h_input_tokens: z.number().nullish() })
    .nullish(),
});
export type ChatUsage = z.infer<typeof chatUsageSchema>;

/** Chat Completions usage → our per-turn token counts (`prompt_tokens` includes cache reads and writes). */
export function toTurnUsage(usage: ChatUsage): TurnUsage {
  const cacheReadTokens = usage.cache_read_input_tokens ?? usage.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWriteTokens = usage.cache_creation_input_tokens ?? usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  const cacheWrite1hTokens = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const cacheWrite5mTokens = usage.cache_creation?.ephemeral_5m_input_tokens ?? cacheWriteTokens - cacheWrite1hTokens;
  return {
    inputTokens: Math.max(0, (usage.prompt_tokens ?? 0) - cacheReadTokens - cacheWriteTokens),
    outputTokens: usage.completion_tokens ?? 0,
    cacheReadTokens,
    cacheWrite5mTokens,
    cacheWrite1hTokens,
  };
}

/** Cost of a turn and what caching saved (negative on a turn that only wrote the cache: writes cost more). */
export function priceTurn(
  usage: TurnUsage,
  pricing: ModelPricing | undefined,
): Pick<TurnMetrics, "costUsd" | "cacheSavingsUsd"> {
  if (!pricing) return { costUsd: null, cacheSavingsUsd: null };
  const cost = computeUsageCost(
    {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      cacheReadInputTokens: usage.cacheReadTokens,
      cacheCreationInputTokens: usage.cacheWrite5mTokens + usage.cacheWrite1hTokens,
      cacheCreation: {
        ephemeral5mInputTokens: usage.cacheWrite5mTokens,
        ephemeral1hInputTokens: usage.cacheWrite1hTokens,
      },
    },
    pricing,
  );
  const cachedTokens = usage.cacheReadTokens + usage.cacheWrite5mTokens + usage.cacheWrite1hTokens;
  const uncachedPrice = (cachedTokens * pricing.inputPerMillionTokens) / 1_000_000;
  return { costUsd: cost.total, cacheSavingsUsd: uncachedPrice - cost.cacheRead - cost.cacheWrite };
}

export type ConversationTotals = TurnUsage & { costUsd: number; cacheSavingsUsd: number; turns: number };

export function conversationTotals(metrics: ReadonlyArray<TurnMetrics | null>): ConversationTotals {
  const totals: ConversationTotals = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    costUsd: 0,
    cacheSavingsUsd: 0,
    turns: 0,
  };
  for (const turn of metrics) {
    if (!turn?.usage) continue;
    totals.turns += 1;
    totals.inputTokens += turn.usage.inputTokens;
    totals.outputTokens += turn.usage.outputTokens;
    totals.cacheReadTokens += turn.usage.cacheReadTokens;
    totals.cacheWrite5mTokens += turn.usage.cacheWrite5mTokens;
    totals.cacheWrite1hTokens += turn.usage.cacheWrite1hTokens;
    totals.costUsd += turn.costUsd ?? 0;
    totals.cacheSavingsUsd += turn.cacheSavingsUsd ?? 0;
  }
  return totals;
}
