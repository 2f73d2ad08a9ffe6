import { createParser, type EventSourceMessage, type EventSourceParser } from "eventsource-parser";
import type { CanonicalEvent, CanonicalStopReason, CanonicalUsage } from "../canonical";
import { transformReadable, type StreamStage } from "../sync-transformer";
import { transformPush, type PushSource } from "../push-source";
import { knownAnthropicStreamEventTypes, type AnthropicStreamEvent } from "./anthropic-api";
import { readContentBlock, readStreamEvent } from "./read-anthropic-wire";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./map-anthropic-usage";
import { GatewayError } from "../gateway-error";

/**
 * Anthropic SSE bytes → canonical events, in one stream stage: the bytes are decoded as UTF-8,
 * split into SSE messages (eventsource-parser) and turned into events by
 * {@link anthropicEventDecoder}. One stage rather than a TextDecoderStream and an
 * EventSourceParserStream in front of the decoder: every Web stream stage costs promise turns
 * per chunk, which showed in time to first token (bench --profile).
 * @see https://platform.claude.com/docs/en/build-with-claude/streaming
 */
export function decodeAnthropicStream(body: ReadableStream<Uint8Array<ArrayBuffer>>): ReadableStream<CanonicalEvent> {
  const { transformer, options } = anthropicStreamDecoding();
  return transformReadable<Uint8Array, CanonicalEvent>(body, transformer, options);
}

/** {@link decodeAnthropicStream} for a push source (the production server's fast path). */
export function decodeAnthropicPushStream(body: PushSource<Uint8Array>): PushSource<CanonicalEvent> {
  const { transformer, options } = anthropicStreamDecoding();
  return transformPush(body, transformer, options);
}

function anthropicStreamDecoding(): StreamStage<Uint8Array, CanonicalEvent> {
  const text = new TextDecoder();
  let decoder: ReturnType<typeof anthropicEventDecoder>;
  let parser: EventSourceParser;
  let sourceError: unknown;
  return {
    transformer: {
      start(controller) {
        decoder = anthropicEventDecoder((event) => controller.enqueue(event));
        parser = createParser({ onEvent: (message) => decoder.push(message) });
      },
      transform(chunk) {
        parser.feed(text.decode(chunk, { stream: true }));
      },
      flush() {
        const rest = text.decode();
        if (rest) parser.feed(rest);
        // Why the source broke off (idle, closed), when the provider client said so.
        decoder.end(sourceError instanceof GatewayError ? sourceError.message : undefined);
      },
    },
    // A broken connection is an early end, which the decoder reports as an in-stream error.
    options: { onSourceError: (error) => void (sourceError = error) },
  };
}

type OpenBlock =
  { kind: "text" | "reasoning" | "redacted-reasoning" | "ignored" } | { kind: "tool-call"; hasArguments: boolean };

/**
 * Parsed SSE messages → canonical events, passed to `emit`. Ends with exactly one `finish` or
 * `error`: a stream that stops before `message_stop` becomes an error, never a silent truncation.
 */
export function anthropicEventDecoder(emitEvent: (event: CanonicalEvent) => void) {
  const openBlocks = new Map<number, OpenBlock>();
  let usage: CanonicalUsage = mapAnthropicUsage(undefined);
  let stopReason: CanonicalStopReason = "unknown";
  let stopSequence: string | null = null;
  let ended = false;

  return {
    push(message: EventSourceMessage) {
      if (ended) return;
      const emit = (event: CanonicalEvent) => {
        if (event.type === "finish" || event.type === "error") ended = true;
        emitEvent(event);
      };
      const event = parseStreamEvent(message.data);
      if (event === "ignored") return;
      if (event === "invalid") {
        emit({
          type: "error",
          error: { type: "invalid_upstream_event", message: "The provider sent an unreadable stream event." },
        });
        return;
      }

      switch (event.type) {
        case "ping":
          return;
        case "message_start":
          usage = mapAnthropicUsage(event.message.usage);
          emit({ type: "message-start", messageId: event.message.id, model: event.message.model, usage });
          return;
        case "content_block_start":
          startBlock(event.index, event.content_block, emit);
          return;
        case "content_block_delta":
          applyDelta(event.index, event.delta as Record<string, unknown>, emit);
          return;
        case "content_block_stop": {
          const block = openBlocks.get(event.index);
          openBlocks.delete(event.index);
          if (!block || block.kind === "ignored") return;
          // Tools without parameters stream no input_json_delta; callers still need valid JSON.
          if (block.kind === "tool-call" && !block.hasArguments) {
            emit({ type: "tool-call-delta", index: event.index, argumentsDelta: "{}" });
          }
          emit({ type: "block-end", index: event.index });
          return;
        }
        case "message_delta":
          stopReason = mapAnthropicStopReason(event.delta.stop_reason);
          stopSequence = event.delta.stop_sequence ?? null;
          usage = mapAnthropicUsage(event.usage, usage);
          return;
        case "message_stop":
          emit({ type: "finish", stopReason, stopSequence, usage });
          return;
        case "error":
          emit({ type: "error", error: { type: event.error.type, message: event.error.message } });
          return;
        default: {
          const exhaustive: never = event;
          throw new Error(`unhandled Anthropic event ${JSON.stringify(exhaustive)}`);
        }
      }
    },
    /** The source ended: a message that never stopped is reported as truncated (with why, if known). */
    end(reason?: string) {
      if (ended) return;
      ended = true;
      const message = "The provider's stream ended before the message was complete.";
      emitEvent({
        type: "error",
        error: { type: "stream_truncated", message: reason ? `${message} ${reason}` : message },
      });
    },
  };

  function startBlock(index: number, contentBlock: { type: string }, emit: (event: CanonicalEvent) => void) {
    const block = readContentBlock(contentBlock);
    switch (contentBlock.type) {
      case "text":
        openBlocks.set(index, { kind: "text" });
        emit({ type: "text-start", index });
        if (block?.type === "text" && block.text) emit({ type: "text-delta", index, text: block.text });
        return;
      case "thinking":
        openBlocks.set(index, { kind: "reasoning" });
        emit({ type: "reasoning-start", index });
        if (block?.type === "thinking" && block.thinking)
          emit({ type: "reasoning-delta", index, text: block.thinking });
        if (block?.type === "thinking" && block.signature) {
          emit({ type: "reasoning-signature", index, signature: block.signature });
        }
        return;
      case "redacted_thinking":
        openBlocks.set(index, { kind: "redacted-reasoning" });
        emit({ type: "redacted-reasoning", index, data: block?.type === "redacted_thinking" ? block.data : "" });
        return;
      case "tool_use": {
        if (block?.type !== "tool_use") {
          openBlocks.set(index, { kind: "ignored" });
          return;
        }
        const initialInput = block.input;
        const hasInitialInput =
          typeof initialInput === "object" && initialInput !== null && Object.keys(initialInput).length > 0;
        openBlocks.set(index, { kind: "tool-call", hasArguments: hasInitialInput });
        emit({ type: "tool-call-start", index, toolCallId: block.id, toolName: block.name });
        if (hasInitialInput) emit({ type: "tool-call-delta", index, argumentsDelta: JSON.stringify(initialInput) });
        return;
      }
      default:
        // Server tool blocks (web search, code execution, …) have no Chat Completions form.
        openBlocks.set(index, { kind: "ignored" });
    }
  }

  /**
   * Deltas are nearly every event of a stream: checked by hand for the one field each kind
   * carries, not with zod (the hot path validates only what it uses, cheaply).
   */
  function applyDelta(index: number, delta: Record<string, unknown>, emit: (event: CanonicalEvent) => void) {
    const block = openBlocks.get(index);
    if (!block || block.kind === "ignored") return;
    switch (delta.type) {
      case "text_delta":
        if (block.kind === "text" && typeof delta.text === "string" && delta.text)
          emit({ type: "text-delta", index, text: delta.text });
        return;
      case "thinking_delta":
        if (block.kind === "reasoning" && typeof delta.thinking === "string" && delta.thinking)
          emit({ type: "reasoning-delta", index, text: delta.thinking });
        return;
      case "signature_delta":
        if (block.kind === "reasoning" && typeof delta.signature === "string" && delta.signature)
          emit({ type: "reasoning-signature", index, signature: delta.signature });
        return;
      case "input_json_delta":
        if (block.kind !== "tool-call" || typeof delta.partial_json !== "string" || !delta.partial_json) return;
        block.hasArguments = true;
        emit({ type: "tool-call-delta", index, argumentsDelta: delta.partial_json });
        return;
      default:
      // citations_delta and future delta types carry nothing the encoders render.
    }
  }
}

function parseStreamEvent(data: string): AnthropicStreamEvent | "ignored" | "invalid" {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return "invalid";
  }
  const type = typeof json === "object" && json !== null && "type" in json ? json.type : undefined;
  if (typeof type !== "string") return "invalid";
  if (!knownAnthropicStreamEventTypes.has(type)) return "ignored";
  // Checked by hand, as anthropicStreamEventSchema describes (read-anthropic-wire.ts): no zod per event.
  return readStreamEvent(json as Record<string, unknown>) ?? "invalid";
}
