import {
  chatCompletionRequestSchema,
  type ChatCompletionRequest,
} from "@/lib/gateway/core/protocol/openai-chat/openai-chat-request-schema";
import { parseChatCompletionRequest } from "@/lib/gateway/core/protocol/openai-chat/translate-chat-request";

export type ViewCodeRequest = {
  /** The request as the gateway reads it (validated by the gateway's own schema). */
  parsed: ChatCompletionRequest;
  /**
   * The body the snippets write out: as sent, in the sender's key order, minus top-level
   * fields the gateway ignores, with `stream` as asked.
   */
  body: Record<string, unknown>;
  stream: boolean;
};

/**
 * Top-level fields the `openai` SDKs type. The gateway's other fields (`thinking`,
 * `fallbacks`, `top_k`) are extensions: spread in untyped (TypeScript) or put in `extra_body`
 * (Python), as the reference docs do.
 */
export const OPENAI_SDK_FIELDS: ReadonlySet<string> = new Set([
  "model",
  "messages",
  "max_tokens",
  "max_completion_tokens",
  "temperature",
  "top_p",
  "stop",
  "user",
  "stream",
  "stream_options",
  "n",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "reasoning_effort",
  "response_format",
  "logprobs",
  "modalities",
  "audio",
  "frequency_penalty",
  "presence_penalty",
  "seed",
  "metadata",
  "store",
]);

const GATEWAY_FIELDS: ReadonlySet<string> = new Set(Object.keys(chatCompletionRequestSchema.shape));

/**
 * Validates a Chat Completions body with the gateway's schema (throws the gateway's
 * InvalidRequestError) and prepares what the snippets print.
 */
export function prepareViewCodeRequest(body: unknown, stream?: boolean): ViewCodeRequest {
  if (body === null || typeof body !== "object" || Array.isArray(body)) parseChatCompletionRequest(body);
  const kept = Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      ([key, value]) => GATEWAY_FIELDS.has(key) && value !== undefined,
    ),
  );
  const streaming = stream ?? kept.stream === true;
  if (streaming) kept.stream = true;
  else {
    // `stream_options` without `stream` means nothing; a non-streaming call needs neither.
    delete kept.stream;
    delete kept.stream_options;
  }
  return { parsed: parseChatCompletionRequest(kept), body: kept, stream: streaming };
}

/** Whether any part of the messages uses a content part or field the `openai` SDK does not type. */
export function messagesUseExtensions(messages: unknown[]): boolean {
  return messages.some((message) => usesExtension(message));
}

/** Whether any tool carries `cache_control` (an extension in Chat Completions). */
export function toolsUseExtensions(tools: unknown[]): boolean {
  return tools.some((tool) => usesExtension(tool));
}

const EXTENSION_PART_TYPES = new Set(["document", "reasoning", "redacted_reasoning"]);
const EXTENSION_KEYS = new Set([
  "cache_control",
  "reasoning",
  "reasoning_signature",
  "redacted_reasoning",
  "reasoning_details",
]);

function usesExtension(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(usesExtension);
  if (node === null || typeof node !== "object") return false;
  return Object.entries(node).some(
    ([key, value]) =>
      (EXTENSION_KEYS.has(key) && value != null) ||
      (key === "type" && typeof value === "string" && EXTENSION_PART_TYPES.has(value)) ||
      // Tool parameters are free-form JSON Schema: their keys say nothing about the SDK's types.
      (key !== "parameters" && usesExtension(value)),
  );
}
