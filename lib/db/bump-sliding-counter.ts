import { sql } from "./generated/sqlite/internal/prismaNamespace";
import type { Db } from "./client";

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
