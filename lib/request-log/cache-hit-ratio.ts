/** Share of prompt tokens served from the cache: reads / (uncached input + reads + writes). Pure (the browser uses it too). */
export function cacheHitRatio(usage: {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}): number {
  const prompt = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  return prompt === 0 ? 0 : usage.cacheReadTokens / prompt;
}
