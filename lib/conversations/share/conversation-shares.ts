import "server-only";
import { z } from "zod";
import { appSecretKey } from "@/lib/crypto/app-secret-key";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { generateShareToken, hashShareToken, isWellFormedShareToken, sharePath } from "./share-token";

/** What the owner sees about a session's link. */
export type ShareInfo = { path: string; expiresAt: string | null; createdAt: string };

export const createShareInput = z.strictObject({
  /** Days until the link stops working; null or absent: until revoked. */
  expiresInDays: z.number().int().min(1).max(365).nullish(),
});

async function assertOwnedLiveSession(db: Db, userId: string, sessionId: string) {
  const row = await db.playgroundSession.findFirst({
    where: { id: sessionId, userId, deletedAt: null },
    select: { id: true },
  });
  if (!row) throw new AppError("not_found", "This conversation does not exist (or is not yours).");
}

function toShareInfo(
  sessionId: string,
  row: { tokenSealed: string; expiresAt: Date | null; createdAt: Date },
): ShareInfo {
  return {
    path: sharePath(open(row.tokenSealed, appSecretKey(), sessionId)),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Creates the session's public link, replacing any earlier one (whose URL then 404s). The token
 * is stored as a hash for lookup and sealed so the owner can copy the link again.
 */
export async function createShare(db: Db, userId: string, sessionId: string, input: unknown): Promise<ShareInfo> {
  const { expiresInDays } = createShareInput.parse(input);
  await assertOwnedLiveSession(db, userId, sessionId);
  const token = generateShareToken();
  const data = {
    tokenHash: hashShareToken(token),
    tokenSealed: seal(token, appSecretKey(), sessionId),
    expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    createdAt: new Date(),
  };
  const row = await db.sessionShare.upsert({ where: { sessionId }, create: { sessionId, ...data }, update: data });
  return toShareInfo(sessionId, row);
}

export async function getShare(db: Db, userId: string, sessionId: string): Promise<ShareInfo | null> {
  await assertOwnedLiveSession(db, userId, sessionId);
  const row = await db.sessionShare.findUnique({ where: { sessionId } });
  return row ? toShareInfo(sessionId, row) : null;
}

/** Deletes the link: the next request for it is a 404 (nothing caches shared pages). */
export async function revokeShare(db: Db, userId: string, sessionId: string): Promise<void> {
  await assertOwnedLiveSession(db, userId, sessionId);
  await db.sessionShare.deleteMany({ where: { sessionId } });
}

/**
 * The session behind a live link, or null: unknown, malformed, expired, revoked, or a deleted
 * session all read the same, so a visitor learns nothing from the difference.
 */
export async function findSharedSession(
  db: Db,
  token: string,
): Promise<{ sessionId: string; ownerId: string; expiresAt: Date | null } | null> {
  if (!isWellFormedShareToken(token)) return null;
  const row = await db.sessionShare.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { sessionId: true, expiresAt: true, session: { select: { userId: true, deletedAt: true } } },
  });
  if (!row || row.session.deletedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return null;
  return { sessionId: row.sessionId, ownerId: row.session.userId, expiresAt: row.expiresAt };
}
