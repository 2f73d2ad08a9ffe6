import type { DataPlaneDb } from "./data-plane/data-plane-db";

/**
 * The most one request may add to a counter: a million dollars in micro-dollars, ten thousand
 * times the most tokens a usage field may count. Far below BIGINT's 9.2e18, so no number of
 * charges in one window can overflow a counter row and make every later increment fail.
 */
export const MAX_COUNTER_INCREMENT = 1_000_000_000_000;

/** A whole, non-negative increment within bounds, whatever arithmetic produced it (NaN is 0). */
export function counterIncrement(by: number): bigint {
  if (Number.isNaN(by) || by <= 0) return 0n;
  return BigInt(Math.min(MAX_COUNTER_INCREMENT, Math.round(by)));
}

/**
 * Adds `by` (clamped: {@link counterIncrement}) to each of a key's counters in one atomic statement and returns the new values by
 * window id. `INSERT … ON CONFLICT DO UPDATE … RETURNING` is the same SQL on SQLite (3.35+) and
 * PostgreSQL, and concurrent callers — on any instance — serialize on the row, so no update is
 * lost. The gateway's data-plane client runs it (no Prisma on the hot path).
 */
export async function incrementCounters(
  db: DataPlaneDb,
  apiKeyId: string,
  increments: Array<{ window: { id: string; expiresAt: Date }; by: number }>,
): Promise<Map<string, number>> {
  const counts = await incrementSubjectCounters(
    db,
    increments.map((increment) => ({ subject: apiKeyId, ...increment })),
  );
  return new Map([...counts].map(([key, value]) => [key.slice(apiKeyId.length + 1), value]));
}

/**
 * The same for several subjects at once (a key and its user, say), still one statement.
 * Returns the new values by `${subject} ${window id}`.
 */
export async function incrementSubjectCounters(
  db: DataPlaneDb,
  increments: Array<{ subject: string; window: { id: string; expiresAt: Date }; by: number }>,
): Promise<Map<string, number>> {
  if (increments.length === 0) return new Map();
  const result = await db.query<{ apiKeyId: string; window: string; value: bigint | number | string }>(
    `INSERT INTO "RateLimitCounter" ("apiKeyId", "window", "value", "expiresAt")
    VALUES ${increments.map(() => "(?, ?, ?, ?)").join(", ")}
    ON CONFLICT ("apiKeyId", "window") DO UPDATE SET "value" = "RateLimitCounter"."value" + excluded."value"
    RETURNING "apiKeyId", "window", "value"`,
    increments.flatMap(({ subject, window, by }) => [subject, window.id, counterIncrement(by), window.expiresAt]),
  );
  return new Map(result.map((row) => [`${row.apiKeyId} ${row.window}`, Number(row.value)]));
}
