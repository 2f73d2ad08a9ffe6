import type { ChatCompletionRequest } from "@/lib/gateway/core/protocol/openai-chat/openai-chat-request-schema";
import { translateChatRequest } from "@/lib/gateway/core/protocol/openai-chat/translate-chat-request";
import { resolveGatewayModelOrThrow } from "@/lib/gateway/core/resolve-gateway-model-or-throw";

export type AnthropicMessagesBody = {
  /** The Messages API body for POST /v3/router/v1/messages, gateway model id kept (`anthropic/…`). */
  body: Record<string, unknown>;
  /** `anthropic-beta` values the call needs (the 1-hour cache TTL beta). */
  betas: string[];
};

/** Reading order of a Messages body, as Anthropic's docs write it; unknown keys go last. */
const KEY_ORDER = [
  "model",
  "max_tokens",
  "system",
  "messages",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "temperature",
  "top_p",
  "top_k",
  "stop_sequences",
  "metadata",
  "fallbacks",
  "stream",
];

/**
 * The same call in Anthropic's protocol: the gateway's own Chat Completions translator
 * builds exactly the body the chat endpoint would send upstream, so /v1/messages (which
 * forwards a body as sent) makes the identical upstream request. Differences from that
 * upstream body: the model keeps its gateway prefix (the gateway strips it), `fallbacks`
 * stays (the gateway removes it) and `stream` is explicit, as the chat endpoint sends it.
 * Throws the gateway's InvalidRequestError when the gateway would reject the request.
 */
export function toAnthropicMessagesBody(request: ChatCompletionRequest): AnthropicMessagesBody {
  const model = resolveGatewayModelOrThrow(request.model);
  const translated = translateChatRequest(request, model);
  const fallbacks = request.fallbacks?.length ? { fallbacks: request.fallbacks } : {};
  const body: Record<string, unknown> = {
    ...translated.request,
    model: request.model,
    ...fallbacks,
    stream: translated.stream,
  };
  const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length - 1.5);
  const ordered = Object.fromEntries(Object.entries(body).sort(([left], [right]) => rank(left) - rank(right)));
  return { body: ordered, betas: translated.betas };
}
