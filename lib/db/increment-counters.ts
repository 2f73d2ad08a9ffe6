import { join, sql } from "./generated/sqlite/internal/prismaNamespace";
import type { Db } from "./client";

/**
 * Adds `by` to each of a key's counters in one atomic statement and returns the new values by
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
  if (increments.length === 0) return new Map();
  const rows = increments.map(
    ({ window, by }) => sql`(${apiKeyId}, ${window.id}, ${BigInt(Math.round(by))}, ${window.expiresAt})`,
  );
  const result = await db.$queryRaw<Array<{ window: string; value: bigint | number | string }>>(sql`
    INSERT INTO "RateLimitCounter" ("apiKeyId", "window", "value", "expiresAt")
    VALUES ${join(rows)}
    ON CONFLICT ("apiKeyId", "window") DO UPDATE SET "value" = "RateLimitCounter"."value" + excluded."value"
    RETURNING "window", "value"`);
  return new Map(result.map((row) => [row.window, Number(row.value)]));
}
