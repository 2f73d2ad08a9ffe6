import { EventStreamCodec, getChunkedStream } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { z } from "zod";

type Message = ReturnType<EventStreamCodec["decode"]>;

const chunkPayloadSchema = z.looseObject({ bytes: z.string() });
const anthropicEventSchema = z.looseObject({ type: z.string() });
const exceptionPayloadSchema = z.looseObject({ message: z.string().optional(), Message: z.string().optional() });

/** Bedrock's stream exceptions, as the Anthropic error type a client of the Messages API expects. */
const anthropicErrorTypeByException: Record<string, string> = {
  throttlingException: "rate_limit_error",
  serviceUnavailableException: "overloaded_error",
  modelTimeoutException: "timeout_error",
  validationException: "invalid_request_error",
  internalServerException: "api_error",
  modelStreamErrorException: "api_error",
};

/**
 * InvokeModelWithResponseStream body (AWS binary event-stream) → Anthropic SSE bytes, so the
 * gateway's Anthropic decoders and the /v1/messages passthrough read Bedrock like Anthropic.
 * Frames are split and CRC-checked by AWS's codec (@smithy/core/event-streams); each `chunk`
 * event carries one Anthropic stream event as base64 JSON. Exceptions become an Anthropic
 * `error` event. A connection that breaks mid-frame ends the stream early, which the decoders
 * report as truncation. Cancelling the result cancels the upstream body.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html
 */
export function bedrockEventStreamToAnthropicSse(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const reader = body.getReader();
  async function* upstreamBytes(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  const frames = getChunkedStream(upstreamBytes())[Symbol.asyncIterator]();
  const encoder = new TextEncoder();

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let frame: IteratorResult<Uint8Array>;
      try {
        frame = await frames.next();
      } catch {
        controller.close();
        return;
      }
      if (frame.done) {
        controller.close();
        return;
      }
      let sse: string | undefined;
      try {
        sse = frameToSse(codec.decode(frame.value));
      } catch {
        sse = errorEvent("api_error", "Amazon Bedrock sent an unreadable event-stream frame.");
      }
      if (sse) controller.enqueue(encoder.encode(sse));
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/** One decoded frame → its Anthropic SSE event, or undefined for frames that carry none. */
export function frameToSse(message: Message): string | undefined {
  const header = (name: string) => {
    const value = message.headers[name];
    return value?.type === "string" ? value.value : undefined;
  };
  const text = toUtf8(message.body);
  switch (header(":message-type")) {
    case "event": {
      if (header(":event-type") !== "chunk") return undefined;
      const payload = chunkPayloadSchema.safeParse(safeJson(text));
      if (!payload.success) return errorEvent("api_error", "Amazon Bedrock sent a chunk without bytes.");
      const eventText = Buffer.from(payload.data.bytes, "base64").toString("utf8");
      const event = anthropicEventSchema.safeParse(safeJson(eventText));
      if (!event.success) return errorEvent("api_error", "Amazon Bedrock sent a chunk that is not an Anthropic event.");
      return `event: ${event.data.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
    }
    case "exception": {
      const exception = header(":exception-type") ?? "internalServerException";
      const payload = exceptionPayloadSchema.safeParse(safeJson(text));
      const message = (payload.success ? (payload.data.message ?? payload.data.Message) : undefined) ?? exception;
      return errorEvent(anthropicErrorTypeByException[exception] ?? "api_error", `Amazon Bedrock: ${message}`);
    }
    case "error":
      return errorEvent(
        "api_error",
        `Amazon Bedrock: ${header(":error-message") ?? header(":error-code") ?? "stream error"}`,
      );
    default:
      return undefined;
  }
}

function errorEvent(type: string, message: string): string {
  return `event: error\ndata: ${JSON.stringify({ type: "error", error: { type, message } })}\n\n`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
