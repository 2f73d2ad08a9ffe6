import { z } from "zod";

/** A gateway key's limits; null means unlimited. */
export type KeyLimits = {
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  monthlyBudgetMicros: number | null;
};

export function hasAnyLimit(limits: KeyLimits | null | undefined): limits is KeyLimits {
  return (
    !!limits &&
    (limits.requestsPerMinute !== null || limits.tokensPerMinute !== null || limits.monthlyBudgetMicros !== null)
  );
}

/** The ApiKey columns → limits (null when the key has none, so the hot path can skip them). */
export function keyLimitsFromRow(row: {
  rpmLimit: number | null;
  tpmLimit: number | null;
  monthlyBudgetMicros: bigint | number | null;
}): KeyLimits | null {
  const limits: KeyLimits = {
    requestsPerMinute: row.rpmLimit,
    tokensPerMinute: row.tpmLimit,
    monthlyBudgetMicros: row.monthlyBudgetMicros === null ? null : Number(row.monthlyBudgetMicros),
  };
  return hasAnyLimit(limits) ? limits : null;
}

const positiveWholeOrNull = (label: string) =>
  z.union([z.number().int(`${label} must be a whole number`).positive(`${label} must be positive`), z.null()]);

/** What the API and CLI accept: each limit a positive number, or null to remove it. Omitted = unchanged. */
export const keyLimitsInput = z.strictObject({
  requestsPerMinute: positiveWholeOrNull("requests per minute").optional(),
  tokensPerMinute: positiveWholeOrNull("tokens per minute").optional(),
  monthlyBudgetUsd: z
    .union([
      z.number().positive("the monthly budget must be positive").max(1e9, "the monthly budget is too large"),
      z.null(),
    ])
    .optional(),
  logBodies: z.boolean().optional(),
});

/** What screens show of a key's limits. */
export type KeyLimitsView = {
  requestsPerMinute: number | null;
  tokensPerMinute: number | null;
  monthlyBudgetUsd: number | null;
  logBodies: boolean;
};

/**
 * The columns to update for a limits change (a key's or a user's): omitted fields stay as they
 * are, null removes a limit, a budget in dollars is stored in micro-dollars.
 */
export function limitsUpdateData(limits: {
  requestsPerMinute?: number | null;
  tokensPerMinute?: number | null;
  monthlyBudgetUsd?: number | null;
}) {
  return {
    ...(limits.requestsPerMinute !== undefined ? { rpmLimit: limits.requestsPerMinute } : {}),
    ...(limits.tokensPerMinute !== undefined ? { tpmLimit: limits.tokensPerMinute } : {}),
    ...(limits.monthlyBudgetUsd !== undefined
      ? {
          monthlyBudgetMicros:
            limits.monthlyBudgetUsd === null ? null : BigInt(Math.round(limits.monthlyBudgetUsd * 1e6)),
        }
      : {}),
  };
}
