import { z } from "zod";
import type { Db } from "@/lib/db";
import { hashPassword, newPasswordInput } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";

export const USER_ROLES = ["admin", "member"] as const;

export const createUserInput = z.object({
  email: z.email("email is not a valid address").transform((email) => email.trim().toLowerCase()),
  password: newPasswordInput,
  role: z.enum(USER_ROLES).default("member"),
});

export async function createUser(db: Db, input: z.input<typeof createUserInput>) {
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", issue.message, String(issue.path[0] ?? ""));
  }
  const { email, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.user.create({
      data: { email, passwordHash, role },
      select: { id: true, email: true, role: true, createdAt: true },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `a user with email ${email} already exists`, "email");
    }
    throw error;
  }
}
