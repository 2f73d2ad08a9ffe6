import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getSessionDocument } from "@/lib/conversations/store/conversation-store";
import type { ConversationDocument } from "@/lib/conversations/document/conversation-document";
import { findSharedSession } from "./conversation-shares";

/**
 * What a shared link shows: the conversation and its frozen settings. No owner, no session id,
 * no share metadata beyond the expiry: the page and its payload are built from this alone.
 */
export type SharedConversation = Omit<ConversationDocument, "id"> & { expiresAt: string | null };

const notFound = () => new AppError("not_found", "This link does not exist, has expired or was revoked.");

export async function getSharedSession(db: Db, token: string): Promise<SharedConversation> {
  const shared = await findSharedSession(db, token);
  if (!shared) throw notFound();
  const { id: _id, ...document } = await getSessionDocument(db, shared.ownerId, shared.sessionId);
  return { ...document, expiresAt: shared.expiresAt?.toISOString() ?? null };
}

/** An attachment of the shared session only, read through the link (never the owner's attachment API). */
export async function readSharedAttachment(db: Db, token: string, attachmentId: string) {
  const shared = await findSharedSession(db, token);
  if (!shared) throw notFound();
  const row = await db.playgroundAttachment.findFirst({
    where: { id: attachmentId, sessionId: shared.sessionId },
    select: { mediaType: true, fileName: true, data: true },
  });
  if (!row?.data) throw new AppError("not_found", "No such attachment.");
  return { mediaType: row.mediaType, fileName: row.fileName, data: row.data };
}
