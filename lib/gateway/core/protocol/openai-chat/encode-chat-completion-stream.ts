import type { CanonicalEvent } from "../../canonical";
import { gatewayErrorFromStreamError } from "../../gateway-error-from-stream-error";
import { chatCompletionId, type ChatEncodingOptions } from "./encode-chat-completion";
import { mapChatFinishReason, mapChatUsage, type ChatCompletionUsage, type ChatFinishReason } from "./map-chat-usage";
import { toOpenAIErrorBody } from "./openai-error";
import {
  concatBytes,
  fuseTransformers,
  transformReadable,
  utf8EncodingTransformer,
  type StreamStage,
  type SyncTransformer,
} from "../../sync-transformer";
import { transformPush, type PushSource } from "../../push-source";

export type ChatCompletionChunkDelta = {
  role?: "assistant";
  content?: string;
  reasoning?: string;
  reasoning_signature?: string;
  redacted_reasoning?: string;
  tool_calls?: Array<{
    index: number;
    id?: string;
    type?: "function";
    function: { name?: string; arguments: string };
  }>;
};

export type ChatCompletionChunk = {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: Array<{ index: 0; delta: ChatCompletionChunkDelta; finish_reason: ChatFinishReason | null; logprobs: null }>;
  usage?: ChatCompletionUsage | null;
};

export type ChatStreamEncodingOptions = ChatEncodingOptions & {
  /** `stream_options.include_usage`: a trailing chunk with empty choices and the usage. */
  includeUsage: boolean;
};

export const chatStreamHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;

/**
 * Canonical events → `chat.completion.chunk` SSE bytes, ending in `data: [DONE]`, in one stream
 * stage; `observer` (the request log) sees each event first.
 */
export function encodeChatCompletionStream(
  events: ReadableStream<CanonicalEvent>,
  options: ChatStreamEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): ReadableStream<Uint8Array> {
  const stage = chatCompletionStreamEncoding(options, observer);
  return transformReadable(events, stage.transformer, stage.options);
}

/** {@link encodeChatCompletionStream} for a push source (the production server's fast path). */
export function encodeChatCompletionPushStream(
  events: PushSource<CanonicalEvent>,
  options: ChatStreamEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): PushSource<Uint8Array> {
  const stage = chatCompletionStreamEncoding(options, observer);
  return transformPush(events, stage.transformer, stage.options);
}

function chatCompletionStreamEncoding(
  options: ChatStreamEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): StreamStage<CanonicalEvent, Uint8Array> {
  const encoder = chatCompletionStreamTransformer(options);
  return {
    transformer: fuseTransformers(observer ? fuseTransformers(observer, encoder) : encoder, utf8EncodingTransformer),
    options: { coalesce: concatBytes },
  };
}

/**
 * Canonical events → SSE lines. The first chunk carries the role; the finish chunk carries
 * finish_reason and usage; an error event becomes `data: {"error": …}` (what the `openai`
 * SDKs throw on) and ends the stream without `[DONE]`.
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 */
function chatCompletionStreamTransformer(options: ChatStreamEncodingOptions): SyncTransformer<CanonicalEvent, string> {
  const created = options.created ?? Math.floor(Date.now() / 1000);
  const toolCallIndexByBlock = new Map<number, number>();
  let id = "chatcmpl-pending";
  let ended = false;

  const line = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
  const chunk = (
    delta: ChatCompletionChunkDelta,
    finishReason: ChatFinishReason | null = null,
  ): ChatCompletionChunk => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: options.model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
    ...(options.includeUsage ? { usage: null } : {}),
  });

  return {
    transform(event, controller) {
      if (ended) return;
      const send = (delta: ChatCompletionChunkDelta) => controller.enqueue(line(chunk(delta)));
      switch (event.type) {
        case "message-start":
          id = chatCompletionId(event.messageId);
          send({ role: "assistant", content: "" });
          return;
        case "text-delta":
          send({ content: event.text });
          return;
        case "reasoning-delta":
          send({ reasoning: event.text });
          return;
        case "reasoning-signature":
          send({ reasoning_signature: event.signature });
          return;
        case "redacted-reasoning":
          send({ redacted_reasoning: event.data });
          return;
        case "tool-call-start": {
          const toolCallIndex = toolCallIndexByBlock.size;
          toolCallIndexByBlock.set(event.index, toolCallIndex);
          send({
            tool_calls: [
              {
                index: toolCallIndex,
                id: event.toolCallId,
                type: "function",
                function: { name: event.toolName, arguments: "" },
              },
            ],
          });
          return;
        }
        case "tool-call-delta": {
          const toolCallIndex = toolCallIndexByBlock.get(event.index);
          if (toolCallIndex === undefined) return;
          send({ tool_calls: [{ index: toolCallIndex, function: { arguments: event.argumentsDelta } }] });
          return;
        }
        case "text-start":
        case "reasoning-start":
        case "block-end":
          return;
        case "finish": {
          ended = true;
          const usage = mapChatUsage(event.usage);
          controller.enqueue(line({ ...chunk({}, mapChatFinishReason(event.stopReason)), usage }));
          if (options.includeUsage) controller.enqueue(line({ ...chunk({}), choices: [], usage }));
          controller.enqueue("data: [DONE]\n\n");
          return;
        }
        case "error":
          ended = true;
          controller.enqueue(line(toOpenAIErrorBody(gatewayErrorFromStreamError(event.error))));
          return;
        default: {
          const exhaustive: never = event;
          throw new Error(`unhandled canonical event ${JSON.stringify(exhaustive)}`);
        }
      }
    },
    flush(controller) {
      if (ended) return;
      const error = gatewayErrorFromStreamError({
        type: "stream_truncated",
        message: "The provider's stream ended before the message was complete.",
      });
      controller.enqueue(line(toOpenAIErrorBody(error)));
    },
  };
}
