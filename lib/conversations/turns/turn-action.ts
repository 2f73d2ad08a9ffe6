import { z } from "zod";
import {
  cacheMarkSchema,
  playgroundSettingsSchema,
  type MessagePart,
  type StoredMessage,
} from "@/lib/conversations/document/conversation-document";

/** What the user typed: text and attachments. */
export const userPartSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().max(2_000_000) }),
  z.strictObject({ type: z.literal("attachment"), attachmentId: z.string().min(1), cache: cacheMarkSchema.nullish() }),
]);

/** A user message's parts: at least some text or an attachment. */
export const userPartsSchema = z
  .array(userPartSchema)
  .min(1, "write a message or attach a file")
  .refine(
    (parts) => parts.some((part) => part.type === "attachment" || part.text.trim() !== ""),
    "write a message or attach a file",
  );

/** The next step of a conversation, as the playground asks for it. */
export const turnActionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("send"), parts: userPartsSchema, cache: cacheMarkSchema.nullable() }),
  /** Answer again from the assistant turn at `position` (it and everything after it are replaced). */
  z.strictObject({ type: z.literal("regenerate"), position: z.number().int().nonnegative() }),
  /** Replace the user turn at `position` (everything after it goes) and answer it. */
  z.strictObject({
    type: z.literal("edit"),
    position: z.number().int().nonnegative(),
    parts: userPartsSchema,
    cache: cacheMarkSchema.nullable(),
  }),
  /** Answer the last assistant turn's tool calls and continue. */
  z.strictObject({
    type: z.literal("tool_results"),
    results: z
      .array(
        z.strictObject({
          toolCallId: z.string().min(1),
          content: z.string().max(2_000_000),
          isError: z.boolean().optional(),
        }),
      )
      .min(1),
    cache: cacheMarkSchema.nullable(),
  }),
]);
export type TurnAction = z.infer<typeof turnActionSchema>;

/** A cache breakpoint set or cleared on an earlier message (`partIndex` null) or one of its attachments. */
export const cacheMarkChangeSchema = z.strictObject({
  position: z.number().int().nonnegative(),
  partIndex: z.number().int().nonnegative().nullable(),
  cache: cacheMarkSchema.nullable(),
});
export type CacheMarkChange = z.infer<typeof cacheMarkChangeSchema>;

export const turnRequestBodySchema = z.strictObject({
  model: z.string().min(1),
  settings: playgroundSettingsSchema,
  action: turnActionSchema,
  marks: z.array(cacheMarkChangeSchema).max(200).default([]),
});
export type TurnRequestBody = z.infer<typeof turnRequestBodySchema>;

export type TurnPlan = {
  /** Messages kept as they are (by position). */
  keep: StoredMessage[];
  /** The new user or tool message to append, if any. */
  append: { role: "user" | "tool"; parts: MessagePart[]; cache: StoredMessage["cache"] } | null;
};

export class TurnActionError extends Error {
  override name = "TurnActionError";
}

/** Pure: earlier messages with the cache breakpoint changes applied (unknown targets are ignored). */
export function applyCacheMarks(
  messages: readonly StoredMessage[],
  marks: readonly CacheMarkChange[],
): StoredMessage[] {
  return messages.map((message) => {
    const changes = marks.filter((mark) => mark.position === message.position);
    if (changes.length === 0) return message;
    let next = message;
    for (const change of changes) {
      if (change.partIndex === null) {
        next = { ...next, cache: change.cache };
        continue;
      }
      const part = next.parts[change.partIndex];
      if (part?.type !== "attachment") continue;
      next = {
        ...next,
        parts: next.parts.map((candidate, index) =>
          index === change.partIndex ? { ...part, cache: change.cache } : candidate,
        ),
      };
    }
    return next;
  });
}

/** Pure: which messages stay and what is appended before the new assistant turn. */
export function planTurn(messages: readonly StoredMessage[], action: TurnAction): TurnPlan {
  switch (action.type) {
    case "send": {
      const last = messages.at(-1);
      if (
        last?.role === "assistant" &&
        last.status === "complete" &&
        last.parts.some((part) => part.type === "tool_call")
      ) {
        throw new TurnActionError("The assistant is waiting for tool results: answer its tool calls first.");
      }
      return { keep: [...messages], append: { role: "user", parts: action.parts, cache: action.cache } };
    }
    case "regenerate": {
      const target = messages.find((message) => message.position === action.position);
      if (!target || target.role !== "assistant")
        throw new TurnActionError("Only an assistant turn can be regenerated.");
      return { keep: messages.filter((message) => message.position < action.position), append: null };
    }
    case "edit": {
      const target = messages.find((message) => message.position === action.position);
      if (!target || target.role !== "user") throw new TurnActionError("Only a user turn can be edited.");
      return {
        keep: messages.filter((message) => message.position < action.position),
        append: { role: "user", parts: action.parts, cache: action.cache },
      };
    }
    case "tool_results": {
      const last = messages.at(-1);
      const pending =
        last?.role === "assistant" ? last.parts.filter((part) => part.type === "tool_call").map((part) => part.id) : [];
      if (pending.length === 0) throw new TurnActionError("There are no tool calls to answer.");
      const answered = new Set(action.results.map((result) => result.toolCallId));
      const missing = pending.find((id) => !answered.has(id));
      if (missing) throw new TurnActionError(`Tool call ${missing} has no result: every tool call needs one.`);
      const unknown = action.results.find((result) => !pending.includes(result.toolCallId));
      if (unknown) throw new TurnActionError(`There is no tool call ${unknown.toolCallId}.`);
      return {
        keep: [...messages],
        append: {
          role: "tool",
          parts: action.results.map((result) => ({ type: "tool_result" as const, ...result })),
          cache: action.cache,
        },
      };
    }
    default: {
      const exhaustive: never = action;
      throw new Error(`unhandled action ${JSON.stringify(exhaustive)}`);
    }
  }
}
