import type { ModelPricing } from "./model-catalog-schema";

/** Token counts as Anthropic reports them: `inputTokens` excludes cache reads and writes. */
export type BillableUsage = {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  /** Per-TTL split of `cacheCreationInputTokens`, when the provider reports it. */
  cacheCreation?: { ephemeral5mInputTokens: number; ephemeral1hInputTokens: number };
};

/** Costs in US dollars. */
export type UsageCost = {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  total: number;
};

/**
 * Cost of one response. Without a per-TTL split every cache write is billed at the 5-minute
 * rate (the default TTL).
 */
export function computeUsageCost(usage: BillableUsage, pricing: ModelPricing): UsageCost {
  const perToken = (pricePerMillionTokens: number) => pricePerMillionTokens / 1_000_000;
  const write1hTokens = usage.cacheCreation?.ephemeral1hInputTokens ?? 0;
  const write5mTokens = usage.cacheCreation
    ? usage.cacheCreation.ephemeral5mInputTokens
    : usage.cacheCreationInputTokens;
  const input = usage.inputTokens * perToken(pricing.inputPerMillionTokens);
  const output = usage.outputTokens * perToken(pricing.outputPerMillionTokens);
  const cacheRead = usage.cacheReadInputTokens * perToken(pricing.cacheReadPerMillionTokens);
  const cacheWrite =
    write5mTokens * perToken(pricing.cacheWrite5mPerMillionTokens) +
    write1hTokens * perToken(pricing.cacheWrite1hPerMillionTokens);
  return { input, output, cacheRead, cacheWrite, total: input + output + cacheRead + cacheWrite };
}
