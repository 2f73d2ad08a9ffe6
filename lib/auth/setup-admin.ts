import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { createUser, createUserInput } from "@/lib/users/create-user";
import { createLoginSession } from "./login-sessions";
import { clearSetupTokens, consumeSetupToken } from "./setup-token";

const SETUP_MARKER = "setup.admin-created";

/**
 * First run only: creates the admin account while no user exists, for whoever holds the setup
 * token the server printed (lib/auth/setup-token.ts). The Setting row's primary key makes two
 * simultaneous setups agree on one winner.
 */
export async function setupAdmin(
  db: Db,
  input: { email: string; password: string; setupToken?: unknown },
  userAgent?: string | null,
) {
  if ((await db.user.count()) > 0) throw new AppError("conflict", "setup is already complete: sign in instead");
  // The form's mistakes are reported before the one-time token is spent.
  const parsed = createUserInput.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", issue.message, String(issue.path[0] ?? ""));
  }
  const restoreToken = await consumeSetupToken(db, input.setupToken);
  try {
    await db.setting.create({ data: { key: SETUP_MARKER, value: new Date().toISOString() } });
  } catch {
    throw new AppError("conflict", "setup is already complete: sign in instead");
  }
  try {
    const user = await createUser(db, { email: input.email, password: input.password, role: "admin" });
    await clearSetupTokens(db);
    return { user, session: await createLoginSession(db, user.id, userAgent) };
  } catch (error) {
    await db.setting.deleteMany({ where: { key: SETUP_MARKER } });
    await restoreToken();
    throw error;
  }
}
