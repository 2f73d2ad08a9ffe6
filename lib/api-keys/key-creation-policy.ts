import type { Db } from "@/lib/db";

/** Whether members may create their own gateway keys (admins always may). On unless an admin turned it off. */
const SETTING_KEY = "api-keys.members-may-create";

export async function membersMayCreateKeys(db: Db): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY }, select: { value: true } });
  return row?.value !== "false";
}

export async function setMembersMayCreateKeys(db: Db, allowed: boolean): Promise<boolean> {
  const value = allowed ? "true" : "false";
  await db.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
  return allowed;
}
