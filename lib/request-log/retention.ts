import { z } from "zod";
import type { Db } from "@/lib/db";
import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";

export const RETENTION_SETTING = "requestLog.retentionDays";
export const DEFAULT_RETENTION_DAYS = 30;

/** 0 keeps rows forever. */
export const retentionDaysInput = z.number().int("retention must be a whole number of days").min(0).max(3650);

export async function getRetentionDays(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: RETENTION_SETTING } });
  return retentionDaysOf(row?.value);
}

function retentionDaysOf(stored: string | undefined): number {
  const parsed = retentionDaysInput.safeParse(stored !== undefined ? Number(stored) : DEFAULT_RETENTION_DAYS);
  return parsed.success ? parsed.data : DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(db: Db, days: unknown): Promise<number> {
  const value = retentionDaysInput.parse(days);
  await db.setting.upsert({
    where: { key: RETENTION_SETTING },
    create: { key: RETENTION_SETTING, value: String(value) },
    update: { value: String(value) },
  });
  return value;
}

/**
 * Deletes log rows (and quarantined ones) older than the retention setting and rate-limit
 * counters whose window is over. Served by the [createdAt, id], [createdAt] and [expiresAt] indexes. Every instance runs it; running
 * it twice at once is harmless. On the data-plane client: the gateway's processes load no Prisma.
 */
export async function pruneRequestLog(
  db: DataPlaneDb,
  now = new Date(),
): Promise<{ logRows: number; counters: number }> {
  const [setting] = await db.query<{ value: string }>(`SELECT "value" FROM "Setting" WHERE "key" = ?`, [
    RETENTION_SETTING,
  ]);
  const days = retentionDaysOf(setting?.value);
  const before = new Date(now.getTime() - days * 86_400_000);
  const logRows = days > 0 ? await db.execute(`DELETE FROM "RequestLog" WHERE "createdAt" < ?`, [before]) : 0;
  if (days > 0) await db.execute(`DELETE FROM "RequestLogQuarantine" WHERE "createdAt" < ?`, [before]);
  const counters = await db.execute(`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < ?`, [now]);
  return { logRows, counters };
}
