import { join, sql } from "./generated/sqlite/internal/prismaNamespace";
import type { Db } from "./client";

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
 * lost. The `sql` helpers build a dialect-neutral template; each client renders its own
 * placeholders.
 */
export async function incrementCounters(
  db: Db,
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
  db: Db,
  increments: Array<{ subject: string; window: { id: string; expiresAt: Date }; by: number }>,
): Promise<Map<string, number>> {
  if (increments.length === 0) return new Map();
  const rows = increments.map(
    ({ subject, window, by }) => sql`(${subject}, ${window.id}, ${counterIncrement(by)}, ${window.expiresAt})`,
  );
  const result = await db.$queryRaw<Array<{ apiKeyId: string; window: string; value: bigint | number | string }>>(sql`
    INSERT INTO "RateLimitCounter" ("apiKeyId", "window", "value", "expiresAt")
    VALUES ${join(rows)}
    ON CONFLICT ("apiKeyId", "window") DO UPDATE SET "value" = "RateLimitCounter"."value" + excluded."value"
    RETURNING "apiKeyId", "window", "value"`);
  return new Map(result.map((row) => [`${row.apiKeyId} ${row.window}`, Number(row.value)]));
}

/**
 * Adds 1 to one counter and moves its expiry to `expiresAt` (a window that slides with every
 * bump, as sign-in failures are remembered from the last one), after dropping the row if it had
 * already expired (so an old streak starts over). Returns the new value.
 */
export async function bumpSlidingCounter(db: Db, subject: string, window: string, expiresAt: Date): Promise<number> {
  await db.rateLimitCounter.deleteMany({ where: { apiKeyId: subject, window, expiresAt: { lte: new Date() } } });
  const result = await db.$queryRaw<Array<{ value: bigint | number | string }>>(sql`
    INSERT INTO "RateLimitCounter" ("apiKeyId", "window", "value", "expiresAt")
    VALUES (${subject}, ${window}, ${BigInt(1)}, ${expiresAt})
    ON CONFLICT ("apiKeyId", "window") DO UPDATE SET "value" = "RateLimitCounter"."value" + 1, "expiresAt" = excluded."expiresAt"
    RETURNING "value"`);
  return Number(result[0]?.value ?? 1);
}
