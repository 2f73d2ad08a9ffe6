import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordInput, verifyPassword } from "./password";
import { deleteOtherLoginSessions } from "./login-sessions";

export const changePasswordInput = z.object({
  currentPassword: passwordInput,
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});

/** Changes the password and signs every other browser out. */
export async function changePassword(
  db: Db,
  userId: string,
  input: z.infer<typeof changePasswordInput>,
  keepSessionToken: string | undefined,
) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("invalid_input", "current password is wrong", "currentPassword");
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  await deleteOtherLoginSessions(db, userId, keepSessionToken);
}
