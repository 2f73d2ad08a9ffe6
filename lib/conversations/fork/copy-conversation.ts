import "server-only";
import type { Db } from "@/lib/db";
import type { MessagePart, ConversationDocument } from "@/lib/conversations/document/conversation-document";

type DocumentWithBytes = Omit<ConversationDocument, "id" | "attachments"> & {
  attachments: Array<ConversationDocument["attachments"][number] & { bytes: Uint8Array | null }>;
};

/**
 * Writes a conversation as a new session of `userId`: new ids for the session, its messages and
 * its attachments (bytes copied, so the copy outlives the original), attachment references
 * rewritten. Shared by fork, duplicate and import. A turn still marked streaming is written as
 * interrupted: the copy will never receive the rest of it.
 */
export async function writeSessionCopy(
  db: Db,
  userId: string,
  source: DocumentWithBytes,
  options: { title: string; titleEdited: boolean; forkedFromId: string | null },
): Promise<string> {
  return db.$transaction(async (tx) => {
    const session = await tx.playgroundSession.create({
      data: {
        userId,
        title: options.title,
        titleEdited: options.titleEdited,
        model: source.model,
        settings: JSON.stringify(source.settings),
        forkedFromId: options.forkedFromId,
        lastActivityAt: new Date(),
      },
      select: { id: true },
    });
    const newAttachmentId = new Map<string, string>();
    for (const attachment of source.attachments) {
      const row = await tx.playgroundAttachment.create({
        data: {
          userId,
          sessionId: session.id,
          kind: attachment.kind,
          mediaType: attachment.mediaType,
          fileName: attachment.fileName,
          byteSize: attachment.byteSize,
          pageCount: attachment.pageCount,
          sourceUrl: attachment.sourceUrl,
          data: attachment.bytes ? new Uint8Array(attachment.bytes) : null,
        },
        select: { id: true },
      });
      newAttachmentId.set(attachment.id, row.id);
    }
    const remap = (part: MessagePart): MessagePart =>
      part.type === "attachment"
        ? { ...part, attachmentId: newAttachmentId.get(part.attachmentId) ?? part.attachmentId }
        : part;
    if (source.messages.length > 0) {
      await tx.playgroundMessage.createMany({
        data: source.messages.map((message) => ({
          sessionId: session.id,
          position: message.position,
          role: message.role,
          parts: JSON.stringify(message.parts.map(remap)),
          cacheControl: message.cache ? JSON.stringify(message.cache) : null,
          status: message.status === "streaming" ? "interrupted" : message.status,
          request: message.request ? JSON.stringify(message.request) : null,
          metrics: message.metrics ? JSON.stringify(message.metrics) : null,
          error: message.error ? JSON.stringify(message.error) : null,
          createdAt: new Date(message.createdAt),
        })),
      });
    }
    return session.id;
  });
}

/** The session's document with its attachments' bytes, for any reader already authorised. */
export async function loadDocumentWithBytes(
  db: Db,
  document: Omit<ConversationDocument, "id">,
  sessionId: string,
): Promise<DocumentWithBytes> {
  const rows = await db.playgroundAttachment.findMany({ where: { sessionId }, select: { id: true, data: true } });
  const bytes = new Map(rows.map((row) => [row.id, row.data]));
  return {
    ...document,
    attachments: document.attachments.map((attachment) => ({ ...attachment, bytes: bytes.get(attachment.id) ?? null })),
  };
}
