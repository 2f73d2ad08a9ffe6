import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/**
 * First-run setup through the browser needs a one-time token printed to the server's console:
 * whoever can read that console owns the install, not whoever reaches /setup first. Only the
 * token's SHA-256 is stored, in a Setting row per token (so every instance's token works), with
 * its expiry. `switchyard user create --admin` needs no token: it runs with the server's access.
 */
const TOKEN_PREFIX = "setup.token:";
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** On startup: a token when no admin exists yet (SETUP_TOKEN's, or a new random one), else none. */
export async function issueSetupToken(db: Db, configured: string | undefined): Promise<string | undefined> {
  if ((await db.user.count({ where: { role: "admin" } })) > 0) {
    await db.setting.deleteMany({ where: { key: { startsWith: TOKEN_PREFIX } } });
    return undefined;
  }
  const token = configured ?? randomBytes(18).toString("base64url");
  const expiresAt = new Date(Date.now() + SETUP_TOKEN_TTL_MS).toISOString();
  await db.setting.upsert({
    where: { key: TOKEN_PREFIX + hashToken(token) },
    create: { key: TOKEN_PREFIX + hashToken(token), value: expiresAt },
    update: { value: expiresAt },
  });
  return token;
}

/** What the server prints on startup while setup is open. */
export function setupTokenAnnouncement(url: string, token: string, fromEnv: boolean): string {
  return fromEnv
    ? `First-run setup: open ${url}/setup and enter the token set in SETUP_TOKEN.\n`
    : `First-run setup: open ${url}/setup and enter this token: ${token}\n` +
        `(valid for 24 hours and once; restarting the server prints a new one)\n`;
}

/**
 * Uses up a setup token: 403 unless it is one the server printed and it has not expired or been
 * used. Returns a function that puts it back, for when setup then fails for another reason.
 */
export async function consumeSetupToken(db: Db, token: unknown): Promise<() => Promise<void>> {
  if (typeof token !== "string" || token.trim() === "" || token.length > 200) {
    throw new AppError(
      "forbidden",
      "first-run setup needs the setup token: the server printed it to its console when it started",
      "setupToken",
    );
  }
  const key = TOKEN_PREFIX + hashToken(token.trim());
  const row = await db.setting.findUnique({ where: { key }, select: { key: true, value: true } });
  // Looked up by hash, deleted before use: of two requests with one token, one gets it.
  const deleted = row ? (await db.setting.deleteMany({ where: { key } })).count : 0;
  if (!row || deleted !== 1 || !(new Date(row.value).getTime() > Date.now())) {
    throw new AppError(
      "forbidden",
      "this setup token is wrong, used or expired: use the one the server printed last (restart it for a new one)",
      "setupToken",
    );
  }
  return async () => {
    await db.setting.create({ data: row }).catch(() => {});
  };
}

/** Setup is done: no token opens it again. */
export async function clearSetupTokens(db: Db) {
  await db.setting.deleteMany({ where: { key: { startsWith: TOKEN_PREFIX } } });
}
