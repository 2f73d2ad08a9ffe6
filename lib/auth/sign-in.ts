import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, verifyPassword } from "./password";
import { createSession } from "./sessions";

export const signInInput = z.object({ email: z.string().trim().toLowerCase(), password: z.string() });

// Verified against when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function signIn(db: Db, input: z.infer<typeof signInInput>, userAgent?: string | null) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  dummyHash ??= hashPassword("not-a-real-password");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) throw new AppError("unauthorized", "email or password is wrong");
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (user.disabledAt) throw new AppError("forbidden", "this account is disabled; ask an admin");
  return createSession(db, user.id, userAgent);
}
