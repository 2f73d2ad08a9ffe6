import { z } from "zod";
import { chatDeltaSchema } from "@/lib/conversations/document/apply-chat-delta";
import {
  cacheMarkSchema,
  messagePartSchema,
  playgroundSettingsSchema,
  turnErrorSchema,
  turnMetricsSchema,
  type StoredMessage,
} from "@/lib/conversations/document/conversation-document";
import { cacheMarkChangeSchema, userPartsSchema } from "@/lib/conversations/turns/turn-action";

/**
 * The wire format of compare mode. A column runs the saved conversation plus one new user
 * message against its own model and settings, through the gateway like any turn, and is not
 * saved; promoting a column saves its user and assistant turn as if it had been a normal turn.
 */

/** The saved conversation a column ran on: how many messages it had and the last one's id. */
export const compareBaseSchema = z.strictObject({
  position: z.number().int().nonnegative(),
  lastMessageId: z.string().min(1).nullable(),
});
export type CompareBase = z.infer<typeof compareBaseSchema>;

/** The message every column answers (the cache breakpoint on it may differ by column). */
export const compareMessageSchema = z.strictObject({ parts: userPartsSchema, cache: cacheMarkSchema.nullable() });
export type CompareMessage = z.infer<typeof compareMessageSchema>;

/** POST /api/playground/sessions/:id/compare: one column. */
export const compareRequestBodySchema = z.strictObject({
  model: z.string().min(1),
  settings: playgroundSettingsSchema,
  message: compareMessageSchema,
  /** Cache breakpoint changes on earlier messages, not saved yet. */
  marks: z.array(cacheMarkChangeSchema).max(200).default([]),
});
export type CompareRequestBody = z.input<typeof compareRequestBodySchema>;

const ANSWER_PART_TYPES = new Set(["text", "reasoning", "redacted_reasoning", "tool_call"]);

/** A column's finished answer. Only what a model says: never attachments or tool results. */
export const compareAnswerSchema = z.strictObject({
  parts: z
    .array(
      messagePartSchema.refine(
        (part) => ANSWER_PART_TYPES.has(part.type),
        "an answer holds text, reasoning and tool calls only",
      ),
    )
    .max(10_000),
  status: z.enum(["complete", "interrupted", "error"]),
  error: turnErrorSchema.nullable(),
  metrics: turnMetricsSchema,
});
export type CompareAnswer = z.infer<typeof compareAnswerSchema>;

/** What a column streams, one JSON object per line: its base, the gateway's deltas, the answer. */
export const compareStreamEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), base: compareBaseSchema }),
  z.object({ type: z.literal("delta"), delta: chatDeltaSchema }),
  z.object({ type: z.literal("end"), answer: compareAnswerSchema }),
]);
export type CompareStreamEvent = z.infer<typeof compareStreamEventSchema>;

/** POST /api/playground/sessions/:id/compare/promote: save a column's turn to the conversation. */
export const promoteRequestBodySchema = z.strictObject({
  base: compareBaseSchema,
  model: z.string().min(1),
  settings: playgroundSettingsSchema,
  message: compareMessageSchema,
  marks: z.array(cacheMarkChangeSchema).max(200).default([]),
  answer: compareAnswerSchema,
});
export type PromoteRequestBody = z.input<typeof promoteRequestBodySchema>;

export function compareBaseOf(messages: ReadonlyArray<Pick<StoredMessage, "id">>): CompareBase {
  return { position: messages.length, lastMessageId: messages.at(-1)?.id ?? null };
}

/** Whether the conversation is still the one a column ran on (no turn added, replaced or removed since). */
export function isSameBase(messages: ReadonlyArray<Pick<StoredMessage, "id">>, base: CompareBase): boolean {
  const current = compareBaseOf(messages);
  return current.position === base.position && current.lastMessageId === base.lastMessageId;
}
