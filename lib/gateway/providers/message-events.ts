import type { CanonicalEvent } from "../core/canonical";
import { GatewayError } from "../core/gateway-error";
import type { AnthropicMessagesRequest } from "../core/anthropic/anthropic-request";
import { decodeAnthropicMessage } from "../core/anthropic/decode-anthropic-message";
import { decodeAnthropicPushStream } from "../core/anthropic/decode-anthropic-stream";
import type { PushSource } from "../core/push-source";
import { webStreamFromPushSource } from "../core/push-source-web-stream";
import { dispatchMessagesRequest, type MessagesCall } from "./dispatch-by-platform";
import { responseBodySource } from "./pooled-fetch";

export type MessageCall = Omit<MessagesCall, "body" | "stream"> & {
  request: AnthropicMessagesRequest;
  /** Sees the provider's response headers (its rate-limit headers, say) once they arrive. */
  onResponseHeaders?: (headers: Headers) => void;
};

/** Non-streaming Messages call on any provider → canonical events of the complete message. */
export async function createMessage(call: MessageCall): Promise<CanonicalEvent[]> {
  const { request, onResponseHeaders, ...rest } = call;
  const response = await dispatchMessagesRequest({ ...rest, body: { ...request, stream: false }, stream: false });
  onResponseHeaders?.(response.headers);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned a response that is not JSON.",
      cause: error,
    });
  }
  return decodeAnthropicMessage(json);
}

/**
 * Streaming Messages call on any provider, as a Web stream (see {@link streamMessageEvents}).
 * Cancelling it closes the upstream connection.
 */
export async function streamMessage(call: MessageCall): Promise<ReadableStream<CanonicalEvent>> {
  return webStreamFromPushSource(await streamMessageEvents(call));
}

/**
 * Streaming Messages call on any provider. Resolves once response headers arrive (errors before
 * that throw, so a fallback can follow); the events end with a `finish` or an `error` event.
 * Cancelling the source closes the upstream connection.
 */
export async function streamMessageEvents(call: MessageCall): Promise<PushSource<CanonicalEvent>> {
  const { request, onResponseHeaders, ...rest } = call;
  const response = await dispatchMessagesRequest({ ...rest, body: { ...request, stream: true }, stream: true });
  onResponseHeaders?.(response.headers);
  const body = responseBodySource(response);
  if (!body) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned an empty stream.",
      retryable: true,
    });
  }
  return decodeAnthropicPushStream(body);
}
