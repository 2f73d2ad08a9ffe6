import { z } from "zod";
import { chatDeltaSchema } from "@/lib/conversations/document/apply-chat-delta";
import { storedMessageSchema } from "@/lib/conversations/document/conversation-document";

/**
 * What POST /api/playground/sessions/:id/turns streams to the browser, one JSON object per line:
 * the saved conversation at the turn's start, the gateway's deltas as they arrive (the browser
 * folds them with the same `applyChatDelta` the server saves with), and the finished turn.
 */
export const playgroundStreamEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), messages: z.array(storedMessageSchema) }),
  z.object({ type: z.literal("delta"), delta: chatDeltaSchema }),
  z.object({ type: z.literal("end"), message: storedMessageSchema }),
]);
export type PlaygroundStreamEvent = z.infer<typeof playgroundStreamEventSchema>;

export const playgroundStreamHeaders = {
  "content-type": "application/x-ndjson; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;
