import { createParser, type EventSourceMessage } from "eventsource-parser";
import { transformReadable, type StreamStage } from "../sync-transformer";
import { transformPush, type PushSource } from "../push-source";
import { GatewayError } from "../gateway-error";
import { anthropicErrorEvent } from "../protocol/anthropic-messages/anthropic-error";

/**
 * For /v1/messages passthrough: forwards Anthropic's SSE bytes unchanged, watching the events
 * on the side. If the upstream ends (or its connection breaks) before `message_stop` or an
 * `error` event, an Anthropic-shaped `error` event is appended, so a failure after the first
 * byte is never a silent truncation. `observer` (the request log) sees each parsed event and the end.
 */
export function guardAnthropicEventStream(
  upstream: ReadableStream<Uint8Array>,
  observer?: EventStreamObserver,
): ReadableStream<Uint8Array> {
  const { transformer, options } = anthropicEventStreamGuard(observer);
  return transformReadable(upstream, transformer, options);
}

/** {@link guardAnthropicEventStream} for a push source (the production server's fast path). */
export function guardAnthropicPushStream(
  upstream: PushSource<Uint8Array>,
  observer?: EventStreamObserver,
): PushSource<Uint8Array> {
  const { transformer, options } = anthropicEventStreamGuard(observer);
  return transformPush(upstream, transformer, options);
}

type EventStreamObserver = { onEvent(event: EventSourceMessage): void; onEnd(complete: boolean): void };

function anthropicEventStreamGuard(observer?: EventStreamObserver): StreamStage<Uint8Array, Uint8Array> {
  let complete = false;
  let sourceError: unknown;
  const parser = createParser({
    onEvent(event) {
      observer?.onEvent(event);
      if (event.event === "message_stop" || event.event === "error") complete = true;
    },
  });
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();

  return {
    transformer: {
      transform(chunk, controller) {
        parser.feed(decoder.decode(chunk, { stream: true }));
        controller.enqueue(chunk);
      },
      flush(controller) {
        observer?.onEnd(complete);
        if (complete) return;
        const message = "The provider's stream ended before the message was complete.";
        // The provider client says why the source broke off (idle, closed) when it knows.
        const reason = sourceError instanceof GatewayError ? ` ${sourceError.message}` : "";
        const error = new GatewayError({
          status: 502,
          type: "upstream_error",
          code:
            sourceError instanceof GatewayError
              ? (sourceError.code ?? "provider_stream_truncated")
              : "provider_stream_truncated",
          message: message + reason,
          anthropicType: "api_error",
        });
        controller.enqueue(encoder.encode(anthropicErrorEvent(error)));
      },
    },
    // A broken connection is an early end: the flush above appends the error event.
    options: { onSourceError: (error) => void (sourceError = error) },
  };
}
