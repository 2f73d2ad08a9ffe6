import { z } from "zod";
import type { Db } from "@/lib/db";

export const RETENTION_SETTING = "requestLog.retentionDays";
export const DEFAULT_RETENTION_DAYS = 30;

/** 0 keeps rows forever. */
export const retentionDaysInput = z.number().int("retention must be a whole number of days").min(0).max(3650);

export async function getRetentionDays(db: Db): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: RETENTION_SETTING } });
  const parsed = retentionDaysInput.safeParse(row ? Number(row.value) : DEFAULT_RETENTION_DAYS);
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
 * it twice at once is harmless.
 */
export async function pruneRequestLog(db: Db, now = new Date()): Promise<{ logRows: number; counters: number }> {
  const days = await getRetentionDays(db);
  const before = { createdAt: { lt: new Date(now.getTime() - days * 86_400_000) } };
  const logRows = days > 0 ? (await db.requestLog.deleteMany({ where: before })).count : 0;
  if (days > 0) await db.requestLogQuarantine.deleteMany({ where: before });
  const counters = (await db.rateLimitCounter.deleteMany({ where: { expiresAt: { lt: now } } })).count;
  return { logRows, counters };
}
