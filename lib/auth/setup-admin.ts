import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createUser } from "@/lib/users/create-user";
import { createSession } from "./sessions";

const SETUP_MARKER = "setup.admin-created";

/**
 * First run only: creates the admin account while no user exists. The Setting
 * row's primary key makes two simultaneous setups agree on one winner.
 */
export async function setupAdmin(db: Db, input: { email: string; password: string }, userAgent?: string | null) {
  if ((await db.user.count()) > 0) throw new AppError("conflict", "setup is already complete: sign in instead");
  try {
    await db.setting.create({ data: { key: SETUP_MARKER, value: new Date().toISOString() } });
  } catch {
    throw new AppError("conflict", "setup is already complete: sign in instead");
  }
  try {
    const user = await createUser(db, { ...input, role: "admin" });
    return { user, session: await createSession(db, user.id, userAgent) };
  } catch (error) {
    await db.setting.deleteMany({ where: { key: SETUP_MARKER } });
    throw error;
  }
}
