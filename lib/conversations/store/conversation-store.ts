import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import {
  attachmentMetaSchema,
  cacheMarkSchema,
  messagePartSchema,
  messageRoleSchema,
  messageStatusSchema,
  playgroundSettingsSchema,
  turnErrorSchema,
  turnMetricsSchema,
  turnRequestSchema,
  type AttachmentMeta,
  type MessagePart,
  type ConversationDocument,
  type StoredMessage,
  titleFromText,
} from "@/lib/conversations/document/conversation-document";

/**
 * A message still marked "streaming" that has not been saved for this long lost its stream
 * (the server stopped mid-answer): it reads as interrupted. Saves happen at least every second.
 */
const STREAM_LOST_AFTER_MS = 15_000;

type MessageRow = {
  id: string;
  position: number;
  role: string;
  parts: string;
  cacheControl: string | null;
  status: string;
  request: string | null;
  metrics: string | null;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const json = <T extends z.ZodType>(schema: T, value: string | null): z.output<T> | null =>
  value === null ? null : schema.parse(JSON.parse(value));

export function toStoredMessage(row: MessageRow, now = Date.now()): StoredMessage {
  let status = messageStatusSchema.parse(row.status);
  if (status === "streaming" && now - row.updatedAt.getTime() > STREAM_LOST_AFTER_MS) status = "interrupted";
  return {
    id: row.id,
    position: row.position,
    role: messageRoleSchema.parse(row.role),
    parts: z.array(messagePartSchema).parse(JSON.parse(row.parts)),
    cache: json(cacheMarkSchema, row.cacheControl),
    status,
    request: json(turnRequestSchema, row.request),
    metrics: json(turnMetricsSchema, row.metrics),
    error: json(turnErrorSchema, row.error),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const ATTACHMENT_META_SELECT = {
  id: true,
  kind: true,
  mediaType: true,
  fileName: true,
  byteSize: true,
  pageCount: true,
  sourceUrl: true,
} as const;

export function toAttachmentMeta(row: {
  id: string;
  kind: string;
  mediaType: string;
  fileName: string;
  byteSize: number;
  pageCount: number | null;
  sourceUrl: string | null;
}): AttachmentMeta {
  const { id, kind, mediaType, fileName, byteSize, pageCount, sourceUrl } = row;
  return attachmentMetaSchema.parse({ id, kind, mediaType, fileName, byteSize, pageCount, sourceUrl });
}

type SessionRow = {
  id: string;
  title: string;
  titleEdited: boolean;
  model: string;
  settings: string;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
};

function toSummary(row: SessionRow) {
  return {
    id: row.id,
    title: row.title,
    titleEdited: row.titleEdited,
    model: row.model,
    settings: playgroundSettingsSchema.parse(JSON.parse(row.settings)),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

export const createSessionInput = z.strictObject({
  model: z.string().min(1),
  settings: playgroundSettingsSchema,
  title: z.string().trim().max(200).optional(),
});

export async function createSession(db: Db, userId: string, input: unknown): Promise<ConversationDocument> {
  const { model, settings, title } = createSessionInput.parse(input);
  const row = await db.playgroundSession.create({
    data: { userId, model, settings: JSON.stringify(settings), title: title ?? "", titleEdited: Boolean(title) },
  });
  return { version: 1, ...toSummary(row), messages: [], attachments: [] };
}

async function ownedSessionRow(db: Db, userId: string, sessionId: string): Promise<SessionRow> {
  const row = await db.playgroundSession.findFirst({ where: { id: sessionId, userId, deletedAt: null } });
  if (!row) throw new AppError("not_found", "This conversation does not exist (or is not yours).");
  return row;
}

/** The whole conversation (attachments without their bytes), for its owner only. */
export async function getSessionDocument(db: Db, userId: string, sessionId: string): Promise<ConversationDocument> {
  const row = await ownedSessionRow(db, userId, sessionId);
  const [messages, attachments] = await Promise.all([
    db.playgroundMessage.findMany({ where: { sessionId }, orderBy: { position: "asc" } }),
    db.playgroundAttachment.findMany({
      where: { sessionId },
      select: ATTACHMENT_META_SELECT,
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const now = Date.now();
  return {
    version: 1,
    ...toSummary(row),
    messages: messages.map((message) => toStoredMessage(message, now)),
    attachments: attachments.map(toAttachmentMeta),
  };
}

/** The conversation the playground reopens: the user's most recently active one. */
export async function latestSessionId(db: Db, userId: string): Promise<string | null> {
  const row = await db.playgroundSession.findFirst({
    where: { userId, deletedAt: null },
    orderBy: { lastActivityAt: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}

export const updateSessionInput = z.strictObject({
  model: z.string().min(1).optional(),
  settings: playgroundSettingsSchema.optional(),
  /** An empty title goes back to following the first message. */
  title: z.string().trim().max(200).optional(),
});

export async function updateSession(db: Db, userId: string, sessionId: string, input: unknown) {
  const changes = updateSessionInput.parse(input);
  await ownedSessionRow(db, userId, sessionId);
  let title: { title: string; titleEdited: boolean } | object = {};
  if (changes.title !== undefined) {
    title = changes.title
      ? { title: changes.title, titleEdited: true }
      : { title: await firstMessageTitle(db, sessionId), titleEdited: false };
  }
  const row = await db.playgroundSession.update({
    where: { id: sessionId },
    data: {
      ...(changes.model ? { model: changes.model } : {}),
      ...(changes.settings ? { settings: JSON.stringify(changes.settings) } : {}),
      ...title,
    },
  });
  return toSummary(row);
}

async function firstMessageTitle(db: Db, sessionId: string): Promise<string> {
  const first = await db.playgroundMessage.findFirst({
    where: { sessionId, role: "user" },
    orderBy: { position: "asc" },
  });
  if (!first) return "";
  return titleFromText(firstText(z.array(messagePartSchema).parse(JSON.parse(first.parts))));
}

export function firstText(parts: readonly MessagePart[]): string {
  return parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join(" ");
}
