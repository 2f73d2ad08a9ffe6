import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getConfig } from "@/lib/env";

export const SESSIONS_PAGE_SIZE = 25;

/** How long a deleted session can be restored; older ones are purged when the owner next lists. */
export const UNDO_WINDOW_MS = 10 * 60_000;

export const listSessionsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export type ConversationListItem = {
  id: string;
  title: string;
  model: string;
  lastActivityAt: string;
  createdAt: string;
  messageCount: number;
  shared: boolean;
};

export type ConversationListPage = { sessions: ConversationListItem[]; nextCursor: string | null };

/** Keyset cursor: the last row's (lastActivityAt, id), opaque to clients. */
const cursorSchema = z.tuple([z.iso.datetime(), z.string().min(1)]);
const encodeCursor = (lastActivityAt: Date, id: string) =>
  Buffer.from(JSON.stringify([lastActivityAt.toISOString(), id])).toString("base64url");
function decodeCursor(cursor: string): { lastActivityAt: Date; id: string } {
  try {
    const [at, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { lastActivityAt: new Date(at), id };
  } catch {
    throw new AppError("invalid_input", "cursor is not one this server handed out", "cursor");
  }
}

/**
 * Substring match, case-insensitive on both databases. Message parts are stored as JSON, so the
 * needle is JSON-escaped the same way (quotes, backslashes, newlines) to match inside them.
 */
function contains(needle: string) {
  return getConfig().database.provider === "postgresql"
    ? ({ contains: needle, mode: "insensitive" } as unknown as { contains: string })
    : { contains: needle };
}

/**
 * One page of a user's live sessions, most recently active first; keyset pagination over
 * (lastActivityAt, id) on the (userId, deletedAt, lastActivityAt, id) index, so page 200 costs
 * what page 1 does. `q` matches the title or any message's text.
 */
export async function listSessions(
  db: Db,
  userId: string,
  query: z.input<typeof listSessionsQuery>,
): Promise<ConversationListPage> {
  const { q, cursor, limit = SESSIONS_PAGE_SIZE } = listSessionsQuery.parse(query);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.playgroundSession.findMany({
    where: {
      userId,
      deletedAt: null,
      ...(after
        ? {
            OR: [
              { lastActivityAt: { lt: after.lastActivityAt } },
              { lastActivityAt: after.lastActivityAt, id: { lt: after.id } },
            ],
          }
        : {}),
      ...(q
        ? {
            AND: [
              {
                OR: [
                  { title: contains(q) },
                  { messages: { some: { parts: contains(JSON.stringify(q).slice(1, -1)) } } },
                ],
              },
            ],
          }
        : {}),
    },
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      title: true,
      model: true,
      lastActivityAt: true,
      createdAt: true,
      share: { select: { id: true } },
      _count: { select: { messages: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    sessions: page.map((row) => ({
      id: row.id,
      title: row.title,
      model: row.model,
      lastActivityAt: row.lastActivityAt.toISOString(),
      createdAt: row.createdAt.toISOString(),
      messageCount: row._count.messages,
      shared: row.share !== null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

/** Soft delete: gone from lists and links at once, restorable for {@link UNDO_WINDOW_MS}. */
export async function deleteSession(db: Db, userId: string, sessionId: string): Promise<void> {
  const { count } = await db.playgroundSession.updateMany({
    where: { id: sessionId, userId, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  if (count === 0) throw new AppError("not_found", "This conversation does not exist (or is not yours).");
}

export async function restoreSession(db: Db, userId: string, sessionId: string): Promise<void> {
  const { count } = await db.playgroundSession.updateMany({
    where: { id: sessionId, userId, deletedAt: { gt: new Date(Date.now() - UNDO_WINDOW_MS) } },
    data: { deletedAt: null },
  });
  if (count === 0) throw new AppError("not_found", "This conversation can no longer be restored.");
}

/** Removes the user's sessions deleted longer ago than the undo window (messages, attachments and links cascade). */
export async function purgeDeletedSessions(db: Db, userId: string, now = Date.now()): Promise<number> {
  const { count } = await db.playgroundSession.deleteMany({
    where: { userId, deletedAt: { lt: new Date(now - UNDO_WINDOW_MS) } },
  });
  return count;
}
