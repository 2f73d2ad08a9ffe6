import "server-only";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getSessionDocument } from "@/lib/conversations/store/conversation-store";
import { loadDocumentWithBytes, writeSessionCopy } from "./copy-conversation";
import { findSharedSession } from "@/lib/conversations/share/conversation-shares";

/** A signed-in visitor's own deep copy of a shared session (attachments included). Returns the new id. */
export async function forkSharedSession(db: Db, userId: string, token: string): Promise<string> {
  const shared = await findSharedSession(db, token);
  if (!shared) throw new AppError("not_found", "This link does not exist, has expired or was revoked.");
  const { id, ...document } = await getSessionDocument(db, shared.ownerId, shared.sessionId);
  return writeSessionCopy(db, userId, await loadDocumentWithBytes(db, document, id), {
    title: document.title,
    titleEdited: document.titleEdited,
    forkedFromId: id,
  });
}

/** The owner's copy of their own session, titled "… (copy)". */
export async function duplicateSession(db: Db, userId: string, sessionId: string): Promise<string> {
  const { id, ...document } = await getSessionDocument(db, userId, sessionId);
  const title = `${document.title || "Untitled conversation"} (copy)`.slice(0, 200);
  return writeSessionCopy(db, userId, await loadDocumentWithBytes(db, document, id), {
    title,
    titleEdited: true,
    forkedFromId: id,
  });
}
