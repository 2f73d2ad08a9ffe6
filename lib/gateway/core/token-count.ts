/**
 * The most tokens one usage field may count: 100× the largest context window, and small enough
 * that every field, and the cost at any catalog price, fits the log's 32-bit integer columns
 * on PostgreSQL once clamped there.
 */
export const MAX_TOKEN_COUNT = 100_000_000;

/**
 * A token count a provider reported, read as untrusted input: a non-negative whole number up
 * to {@link MAX_TOKEN_COUNT}. Fractions are rounded and huge values clamped (the request did
 * use tokens); anything that is not a finite, non-negative number is treated as absent.
 */
export function toTokenCount(value: unknown): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return undefined;
  return Math.min(MAX_TOKEN_COUNT, Math.round(value));
}
