import { toTokenCount } from "../token-count";
import type { AnthropicStreamEvent, AnthropicUsage } from "./anthropic-api";

/**
 * What Anthropic sends back, checked by hand on the hot path: the zod schemas in anthropic-api.ts
 * describe the same wire format (and the tests hold these readers to them), but a zod parse of
 * every answer and event cost more CPU than the checks the decoders need. Each reader accepts
 * exactly what its schema accepts, returns the same shape (token counts through toTokenCount,
 * unknown fields kept), and `undefined` for what its schema rejects.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isNullishString = (value: unknown) => value === undefined || value === null || typeof value === "string";
/** Marks a rejected value apart from an accepted `undefined` or `null`. */
const REJECTED = Symbol("rejected");

/** `anthropicUsageSchema`: an object; counts clamped or dropped, a malformed `cache_creation` dropped. */
export function readUsage(value: unknown): AnthropicUsage | undefined {
  if (!isObject(value)) return undefined;
  const split = value.cache_creation;
  return {
    ...value,
    input_tokens: toTokenCount(value.input_tokens),
    output_tokens: toTokenCount(value.output_tokens),
    cache_creation_input_tokens: toTokenCount(value.cache_creation_input_tokens),
    cache_read_input_tokens: toTokenCount(value.cache_read_input_tokens),
    cache_creation:
      split === null
        ? null
        : isObject(split)
          ? {
              ...split,
              ephemeral_5m_input_tokens: toTokenCount(split.ephemeral_5m_input_tokens),
              ephemeral_1h_input_tokens: toTokenCount(split.ephemeral_1h_input_tokens),
            }
          : undefined,
  };
}

/** `anthropicUsageSchema.nullish()`. */
function readNullishUsage(value: unknown): AnthropicUsage | null | undefined | typeof REJECTED {
  if (value === undefined || value === null) return value;
  return readUsage(value) ?? REJECTED;
}

export type TextBlock = { type: "text"; text: string };
export type ThinkingBlock = { type: "thinking"; thinking: string; signature?: string | null };
export type RedactedThinkingBlock = { type: "redacted_thinking"; data: string };
export type ToolUseBlock = { type: "tool_use"; id: string; name: string; input: unknown };

/** The per-type block schemas: a block of a known type with its fields, or `undefined`. */
export function readContentBlock(
  block: Json,
): TextBlock | ThinkingBlock | RedactedThinkingBlock | ToolUseBlock | undefined {
  switch (block.type) {
    case "text":
      return typeof block.text === "string" ? (block as TextBlock) : undefined;
    case "thinking":
      return typeof block.thinking === "string" && isNullishString(block.signature)
        ? (block as ThinkingBlock)
        : undefined;
    case "redacted_thinking":
      return typeof block.data === "string" ? (block as RedactedThinkingBlock) : undefined;
    case "tool_use":
      // `input` must be there, whatever its value (z.unknown() on a required key).
      return typeof block.id === "string" && typeof block.name === "string" && "input" in block
        ? (block as ToolUseBlock)
        : undefined;
    default:
      return undefined;
  }
}

export type AnthropicMessage = Json & {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: Array<Json & { type: string }>;
  stop_reason?: string | null;
  stop_sequence?: string | null;
  usage: AnthropicUsage;
};

/** `anthropicMessageSchema`: a non-streaming Messages API response. */
export function readAnthropicMessage(json: unknown): AnthropicMessage | undefined {
  if (!isObject(json)) return undefined;
  const { id, type, role, model, content, stop_reason, stop_sequence } = json;
  if (typeof id !== "string" || type !== "message" || role !== "assistant" || typeof model !== "string")
    return undefined;
  if (!Array.isArray(content) || !content.every((block) => isObject(block) && typeof block.type === "string"))
    return undefined;
  if (!isNullishString(stop_reason) || !isNullishString(stop_sequence)) return undefined;
  const usage = readUsage(json.usage);
  if (!usage) return undefined;
  return { ...(json as AnthropicMessage), usage };
}

/**
 * `anthropicStreamEventSchema` for an event whose `type` is one it knows. Deltas are checked
 * only for their envelope: the decoder reads each kind's one field itself.
 */
export function readStreamEvent(json: Json): AnthropicStreamEvent | undefined {
  switch (json.type) {
    case "message_start": {
      const message = json.message;
      if (!isObject(message) || typeof message.id !== "string" || typeof message.model !== "string") return undefined;
      const usage = readNullishUsage(message.usage);
      if (usage === REJECTED) return undefined;
      return { ...json, message: { ...message, usage } } as AnthropicStreamEvent;
    }
    case "content_block_start":
      return typeof json.index === "number" &&
        isObject(json.content_block) &&
        typeof json.content_block.type === "string"
        ? (json as AnthropicStreamEvent)
        : undefined;
    case "content_block_delta":
      return typeof json.index === "number" && isObject(json.delta) && typeof json.delta.type === "string"
        ? (json as AnthropicStreamEvent)
        : undefined;
    case "content_block_stop":
      return typeof json.index === "number" ? (json as AnthropicStreamEvent) : undefined;
    case "message_delta": {
      const delta = json.delta;
      if (!isObject(delta) || !isNullishString(delta.stop_reason) || !isNullishString(delta.stop_sequence))
        return undefined;
      const usage = readNullishUsage(json.usage);
      if (usage === REJECTED) return undefined;
      return { ...json, usage } as AnthropicStreamEvent;
    }
    case "message_stop":
    case "ping":
      return json as AnthropicStreamEvent;
    case "error": {
      const error = json.error;
      return isObject(error) && typeof error.type === "string" && typeof error.message === "string"
        ? (json as AnthropicStreamEvent)
        : undefined;
    }
    default:
      return undefined;
  }
}
