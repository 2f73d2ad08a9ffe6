import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";

export const LOGIN_COOKIE = "switchyard_session";
export const LOGIN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const REFRESH_AFTER_MS = 60 * 60 * 1000;

export type SignedInUser = { id: string; email: string; role: "admin" | "member" };

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createLoginSession(db: Db, userId: string, userAgent?: string | null) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LOGIN_TTL_MS);
  await db.authSession.create({
    data: { id: hashToken(token), userId, expiresAt, userAgent: userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

/** The session's user, or null when the token is unknown or expired. Slides expiry at most hourly. */
export async function getLoginUser(db: Db, token: string | undefined): Promise<SignedInUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const session = await db.authSession.findUnique({
    where: { id },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, role: true, disabledAt: true } },
    },
  });
  if (!session) return null;
  const now = Date.now();
  // A disabled user's sessions are deleted when they are disabled; this covers a race with that.
  if (session.expiresAt.getTime() <= now || session.user.disabledAt) {
    await db.authSession.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    await db.authSession.update({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + LOGIN_TTL_MS) },
    });
  }
  const { id: userId, email, role } = session.user;
  return { id: userId, email, role: role === "admin" ? "admin" : "member" };
}

export async function deleteLoginSession(db: Db, token: string | undefined) {
  if (token) await db.authSession.deleteMany({ where: { id: hashToken(token) } });
}

/** After a password change: every other browser signs in again. */
export async function deleteOtherLoginSessions(db: Db, userId: string, keepToken: string | undefined) {
  await db.authSession.deleteMany({
    where: { userId, ...(keepToken ? { NOT: { id: hashToken(keepToken) } } : {}) },
  });
}
