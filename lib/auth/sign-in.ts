import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, passwordInput, verifyPassword } from "./password";
import { createLoginSession } from "./login-sessions";
import { assertSignInAllowed, clearAccountFailures, recordSignInFailure, signInSubjects } from "./sign-in-throttle";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(320, "email is too long"),
  password: passwordInput,
});

// Verified against when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export type SignInContext = { ip: string; userAgent?: string | null; throttleWindowSeconds: number };

export async function signIn(db: Db, input: z.infer<typeof signInInput>, context: SignInContext) {
  const subjects = signInSubjects(input.email, context.ip);
  await assertSignInAllowed(db, subjects, context.throttleWindowSeconds);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) {
    await recordSignInFailure(db, subjects, context.throttleWindowSeconds);
    throw new AppError("unauthorized", "email or password is wrong");
  }
  await clearAccountFailures(db, subjects);
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (user.disabledAt) throw new AppError("forbidden", "this account is disabled; ask an admin");
  return createLoginSession(db, user.id, context.userAgent);
}
