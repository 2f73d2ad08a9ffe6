import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { attachmentKindOf, attachmentLimits } from "@/lib/conversations/attachments/attachment-limits";
import {
  conversationDocumentSchema,
  type ConversationDocument,
} from "@/lib/conversations/document/conversation-document";
import { getSessionDocument } from "@/lib/conversations/store/conversation-store";
import { writeSessionCopy } from "@/lib/conversations/fork/copy-conversation";

/** The whole session as one JSON document (docs/session-format.md), attachments inlined as base64. */
export async function exportSession(db: Db, userId: string, sessionId: string): Promise<ConversationDocument> {
  const document = await getSessionDocument(db, userId, sessionId);
  const rows = await db.playgroundAttachment.findMany({ where: { sessionId }, select: { id: true, data: true } });
  const bytes = new Map(rows.map((row) => [row.id, row.data]));
  return {
    ...document,
    attachments: document.attachments.map((attachment) => {
      const data = bytes.get(attachment.id);
      return { ...attachment, data: data ? Buffer.from(data).toString("base64") : null };
    }),
  };
}

const MAX_REPORTED_ISSUES = 5;

function describeIssues(error: z.ZodError): string {
  const lines = error.issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(document)"}: ${issue.message}`);
  const more = error.issues.length - lines.length;
  return `This is not a Switchyard session export: ${lines.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}.`;
}

/** Checks what the schema cannot: references, positions, files. Returns the first problem, or null. */
function documentProblem(document: ConversationDocument): string | null {
  const attachmentIds = new Set(document.attachments.map((attachment) => attachment.id));
  for (const [index, message] of document.messages.entries()) {
    if (message.position !== index)
      return `messages.${index}.position: expected ${index}, found ${message.position} (messages must be in order, without gaps).`;
    for (const [partIndex, part] of message.parts.entries()) {
      if (part.type === "attachment" && !attachmentIds.has(part.attachmentId)) {
        return `messages.${index}.parts.${partIndex}: refers to attachment ${part.attachmentId}, which is not in "attachments".`;
      }
    }
  }
  for (const [index, attachment] of document.attachments.entries()) {
    const where = `attachments.${index} (${attachment.fileName})`;
    if (attachmentKindOf(attachment.mediaType) !== attachment.kind)
      return `${where}: kind "${attachment.kind}" does not match media type ${attachment.mediaType}.`;
    if (!attachment.data && !attachment.sourceUrl) return `${where}: has neither "data" nor "sourceUrl".`;
    if (attachment.data) {
      const size = Buffer.byteLength(attachment.data, "base64");
      const limit = attachment.kind === "image" ? attachmentLimits.imageBytes : attachmentLimits.requestBytes;
      if (size > limit)
        return `${where}: ${size} bytes is over the ${limit}-byte limit for a${attachment.kind === "image" ? "n image" : " PDF"}.`;
    }
  }
  return null;
}

/**
 * A session export (from this or another install) as a new session of `userId`: validated
 * against the schema and for consistency, then written with fresh ids. Errors name the field.
 */
export async function importSession(db: Db, userId: string, input: unknown): Promise<string> {
  const parsed = conversationDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const version = (input as { version?: unknown } | null)?.version;
    if (input && typeof input === "object" && version !== undefined && version !== 1) {
      throw new AppError(
        "invalid_input",
        `This export is format version ${JSON.stringify(version)}; this install reads version 1.`,
        "version",
      );
    }
    throw new AppError("invalid_input", describeIssues(parsed.error));
  }
  const document = parsed.data;
  const problem = documentProblem(document);
  if (problem) throw new AppError("invalid_input", `This session export is inconsistent: ${problem}`);
  return writeSessionCopy(
    db,
    userId,
    {
      ...document,
      attachments: document.attachments.map(({ data, ...attachment }) => {
        const bytes = data ? Buffer.from(data, "base64") : null;
        return { ...attachment, byteSize: bytes ? bytes.byteLength : attachment.byteSize, bytes };
      }),
    },
    { title: document.title, titleEdited: document.titleEdited, forkedFromId: null },
  );
}
