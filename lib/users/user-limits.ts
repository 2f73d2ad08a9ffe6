import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { AppError } from "@/lib/errors/app-error";
import { keyLimitsInput, limitsUpdateData, type KeyLimitsView } from "@/lib/rate-limits/key-limits";

/** A user's own limits take the same fields as a key's, body logging aside. */
export const userLimitsInput = keyLimitsInput.omit({ logBodies: true });

const USER_LIMITS_SELECT = {
  id: true,
  email: true,
  role: true,
  rpmLimit: true,
  tpmLimit: true,
  monthlyBudgetMicros: true,
} as const;

type Row = {
  id: string;
  email: string;
  role: string;
  rpmLimit: number | null;
  tpmLimit: number | null;
  monthlyBudgetMicros: bigint | null;
};

export type UserLimitsView = {
  id: string;
  email: string;
  role: string;
  limits: Omit<KeyLimitsView, "logBodies">;
};

function toView(row: Row): UserLimitsView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    limits: {
      requestsPerMinute: row.rpmLimit,
      tokensPerMinute: row.tpmLimit,
      monthlyBudgetUsd: row.monthlyBudgetMicros === null ? null : Number(row.monthlyBudgetMicros) / 1e6,
    },
  };
}

const assertAdmin = (viewer: SignedInUser | "operator") => {
  if (viewer !== "operator" && viewer.role !== "admin")
    throw new AppError("forbidden", "only an admin can see or change users' limits");
};

/** Every user with their limits, by email (admins and the CLI). */
export async function listUserLimits(db: Db, viewer: SignedInUser | "operator"): Promise<UserLimitsView[]> {
  assertAdmin(viewer);
  return (await db.user.findMany({ select: USER_LIMITS_SELECT, orderBy: { email: "asc" } })).map(toView);
}

/**
 * Sets a user's limits (by id or email): requests and tokens per minute and a monthly budget
 * that all of the user's keys share — the playground's internal key included — on top of each
 * key's own. Omitted fields stay; null removes a limit. Every instance applies the change
 * within a second (the key cache).
 */
export async function setUserLimits(db: Db, idOrEmail: string, input: unknown, viewer: SignedInUser | "operator") {
  assertAdmin(viewer);
  const limits = userLimitsInput.parse(input);
  const user = await db.user.findFirst({
    where: { OR: [{ id: idOrEmail }, { email: idOrEmail.trim().toLowerCase() }] },
    select: { id: true },
  });
  if (!user) throw new AppError("not_found", `no user ${idOrEmail}`);
  const row = await db.user.update({
    where: { id: user.id },
    data: {
      ...limitsUpdateData(limits),
    },
    select: USER_LIMITS_SELECT,
  });
  return toView(row);
}

/** What a new key of this user starts with: the user's limits (a key never starts looser). */
export async function inheritedKeyLimits(db: Db, userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { rpmLimit: true, tpmLimit: true, monthlyBudgetMicros: true },
  });
}
