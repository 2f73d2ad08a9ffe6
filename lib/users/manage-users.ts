import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { hashPassword, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { createUser, USER_ROLES } from "./create-user";

export type UserListItem = {
  id: string;
  email: string;
  role: "admin" | "member";
  createdAt: string;
  disabledAt: string | null;
  /** When a browser of theirs was last seen (sessions slide hourly), if any session remains. */
  lastSeenAt: string | null;
};

const optionalPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200)
  .optional();

export const adminCreateUserInput = z.strictObject({
  email: z.string().max(320),
  role: z.enum(USER_ROLES).default("member"),
  /** Left out: one is generated and shown to the admin once. */
  password: optionalPassword,
});

export const updateUserInput = z
  .strictObject({ role: z.enum(USER_ROLES).optional(), disabled: z.boolean().optional() })
  .refine((input) => input.role !== undefined || input.disabled !== undefined, "give role or disabled");

export const resetPasswordInput = z.strictObject({ password: optionalPassword });

/** 18 random bytes, base64url: 24 characters an admin can paste. */
const generatePassword = () => randomBytes(18).toString("base64url");

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", issue.message, issue.path.length ? String(issue.path[0]) : undefined);
  }
  return parsed.data;
}

export async function listUsers(db: Db): Promise<UserListItem[]> {
  const rows = await db.user.findMany({
    orderBy: { createdAt: "asc" },
    take: 1000,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      disabledAt: true,
      sessions: { select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role === "admin" ? "admin" : "member",
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    lastSeenAt: row.sessions[0]?.lastSeenAt.toISOString() ?? null,
  }));
}

/** Creates a user; the password is returned only when it was generated, for the admin to hand over once. */
export async function adminCreateUser(db: Db, input: unknown) {
  const { email, role, password } = parse(adminCreateUserInput, input);
  const initialPassword = password ?? generatePassword();
  const user = await createUser(db, { email, role, password: initialPassword });
  return { user, generatedPassword: password ? null : initialPassword };
}

async function userOrThrow(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabledAt: true } });
  if (!user) throw new AppError("not_found", "no such user");
  return user;
}

/** An install must keep one admin who can sign in, or nobody could manage it from the UI again. */
async function assertAnotherActiveAdmin(db: Db, userId: string, change: string) {
  const others = await db.user.count({ where: { role: "admin", disabledAt: null, NOT: { id: userId } } });
  if (others === 0) throw new AppError("conflict", `${change}: this is the last active admin`);
}

/** Role change and disable/enable. Disabling ends the user's browser sessions at once. */
export async function updateUser(db: Db, actingUserId: string, userId: string, input: unknown) {
  const { role, disabled } = parse(updateUserInput, input);
  const user = await userOrThrow(db, userId);
  if (disabled && userId === actingUserId) throw new AppError("conflict", "you cannot disable your own account");
  const losesAdmin =
    user.role === "admin" && user.disabledAt === null && ((role && role !== "admin") || disabled === true);
  if (losesAdmin)
    await assertAnotherActiveAdmin(db, userId, role === "member" ? "cannot make a member" : "cannot disable");
  await db.user.update({
    where: { id: userId },
    data: {
      ...(role ? { role } : {}),
      ...(disabled === undefined ? {} : { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null }),
    },
  });
  if (disabled) await db.authSession.deleteMany({ where: { userId } });
}

/** Sets a new password (typed by the admin, or generated and returned once) and signs the user out everywhere. */
export async function resetUserPassword(db: Db, userId: string, input: unknown) {
  const { password } = parse(resetPasswordInput, input);
  await userOrThrow(db, userId);
  const newPassword = password ?? generatePassword();
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await db.authSession.deleteMany({ where: { userId } });
  return { generatedPassword: password ? null : newPassword };
}
