import { z } from "zod";
import { effortLevelSchema } from "@/lib/catalog/model-catalog-schema";

/**
 * The stored shape of a playground conversation. The database keeps a session row plus one
 * row per message with these schemas in JSON columns; `conversationDocumentSchema` is the whole
 * conversation in one object, the format export/import and shared links use.
 */

export const cacheTtlSchema = z.enum(["5m", "1h"]);
export type CacheTtl = z.infer<typeof cacheTtlSchema>;

/** A cache breakpoint (`cache_control: {type: "ephemeral", ttl}`). */
export const cacheMarkSchema = z.strictObject({ ttl: cacheTtlSchema });
export type CacheMark = z.infer<typeof cacheMarkSchema>;

export const thinkingSettingSchema = z.discriminatedUnion("mode", [
  z.strictObject({ mode: z.literal("off") }),
  z.strictObject({ mode: z.literal("adaptive"), effort: effortLevelSchema.nullable() }),
  z.strictObject({ mode: z.literal("manual"), budgetTokens: z.number().int().min(1024).max(64_000) }),
]);
export type ThinkingSetting = z.infer<typeof thinkingSettingSchema>;

export const parametersSchema = z.strictObject({
  maxTokens: z.number().int().positive().nullable(),
  temperature: z.number().min(0).max(1).nullable(),
  topP: z.number().min(0).max(1).nullable(),
  topK: z.number().int().positive().nullable(),
  stopSequences: z.array(z.string().min(1)).max(8),
});
export type Parameters = z.infer<typeof parametersSchema>;

const toolNameSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "tool names are 1–64 letters, digits, _ or -");

export const toolDefinitionSchema = z.strictObject({
  name: toolNameSchema,
  description: z.string().max(10_000),
  /** JSON Schema of the input object. */
  parameters: z.record(z.string(), z.unknown()),
});
export type ToolDefinition = z.infer<typeof toolDefinitionSchema>;

export const playgroundSettingsSchema = z.strictObject({
  systemPrompt: z.string().max(1_000_000),
  systemCache: cacheMarkSchema.nullable(),
  thinking: thinkingSettingSchema,
  parameters: parametersSchema,
  tools: z.array(toolDefinitionSchema).max(64),
});
export type PlaygroundSettings = z.infer<typeof playgroundSettingsSchema>;

export const defaultPlaygroundSettings: PlaygroundSettings = {
  systemPrompt: "",
  systemCache: null,
  thinking: { mode: "off" },
  parameters: { maxTokens: null, temperature: null, topP: null, topK: null, stopSequences: [] },
  tools: [],
};

export const messagePartSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string() }),
  z.strictObject({ type: z.literal("attachment"), attachmentId: z.string().min(1), cache: cacheMarkSchema.nullish() }),
  z.strictObject({
    type: z.literal("reasoning"),
    text: z.string(),
    /** Present when the provider signed the block; only signed blocks can be sent back. */
    signature: z.string().nullish(),
    /** Set once a later request carried this block back to the model. */
    sentBack: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal("redacted_reasoning"), data: z.string(), sentBack: z.boolean().optional() }),
  z.strictObject({ type: z.literal("tool_call"), id: z.string(), name: z.string(), arguments: z.string() }),
  z.strictObject({
    type: z.literal("tool_result"),
    toolCallId: z.string().min(1),
    content: z.string(),
    isError: z.boolean().optional(),
  }),
]);
export type MessagePart = z.infer<typeof messagePartSchema>;

export const messageRoleSchema = z.enum(["user", "assistant", "tool"]);

export const messageStatusSchema = z.enum(["complete", "streaming", "interrupted", "error"]);

export const turnUsageSchema = z.strictObject({
  /** Uncached input (Anthropic's `input_tokens`). */
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheReadTokens: z.number().int().nonnegative(),
  cacheWrite5mTokens: z.number().int().nonnegative(),
  cacheWrite1hTokens: z.number().int().nonnegative(),
});
export type TurnUsage = z.infer<typeof turnUsageSchema>;

export const turnMetricsSchema = z.strictObject({
  usage: turnUsageSchema.nullable(),
  /** US dollars, from the catalog's prices. */
  costUsd: z.number().nullable(),
  /** What the same tokens would have cost without caching, minus what they cost. */
  cacheSavingsUsd: z.number().nullable(),
  startedAt: z.iso.datetime(),
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  finishReason: z.string().nullable(),
  /** The model that answered (a fallback may differ from the requested one). */
  servedModel: z.string().nullable(),
});
export type TurnMetrics = z.infer<typeof turnMetricsSchema>;

export const turnErrorSchema = z.strictObject({
  message: z.string(),
  code: z.string().nullable(),
  status: z.number().int().nullable(),
  /** What the user can do about it. */
  hint: z.string(),
});
export type TurnError = z.infer<typeof turnErrorSchema>;

/** The request an assistant turn was generated with, frozen (settings may change later). */
export const turnRequestSchema = z.strictObject({
  model: z.string(),
  settings: playgroundSettingsSchema,
  /** Cache breakpoints in prompt order, for the cache timeline. */
  cacheBreakpoints: z.array(z.strictObject({ label: z.string(), ttl: cacheTtlSchema })),
});
export type TurnRequest = z.infer<typeof turnRequestSchema>;

export const storedMessageSchema = z.strictObject({
  id: z.string(),
  position: z.number().int().nonnegative(),
  role: messageRoleSchema,
  parts: z.array(messagePartSchema),
  cache: cacheMarkSchema.nullable(),
  status: messageStatusSchema,
  request: turnRequestSchema.nullable(),
  metrics: turnMetricsSchema.nullable(),
  error: turnErrorSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

export const attachmentKindSchema = z.enum(["image", "pdf"]);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

export const attachmentMetaSchema = z.strictObject({
  id: z.string(),
  kind: attachmentKindSchema,
  mediaType: z.string(),
  fileName: z.string(),
  byteSize: z.number().int().nonnegative(),
  pageCount: z.number().int().positive().nullable(),
  sourceUrl: z.string().nullable(),
});
export type AttachmentMeta = z.infer<typeof attachmentMetaSchema>;

export const sessionSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  titleEdited: z.boolean(),
  model: z.string(),
  settings: playgroundSettingsSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});

/** A whole conversation: what the playground loads, and the export/import format (with `data` filled in). */
export const conversationDocumentSchema = sessionSummarySchema.extend({
  version: z.literal(1),
  messages: z.array(storedMessageSchema),
  attachments: z.array(attachmentMetaSchema.extend({ data: z.base64().nullish() })),
});
export type ConversationDocument = z.infer<typeof conversationDocumentSchema>;

/** Title derived from the first user message until the owner renames the session. */
export function titleFromText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "";
  return line.length <= 60 ? line : `${line.slice(0, 57).trimEnd()}…`;
}
