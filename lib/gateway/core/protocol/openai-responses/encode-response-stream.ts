import { randomUUID } from "node:crypto";
import { createMessageAssembler } from "../../assemble-message";
import type { CanonicalError, CanonicalEvent } from "../../canonical";
import {
  buildResponseObject,
  encodeResponse,
  outputItemFromBlock,
  outputItemId,
  responseErrorFromStreamError,
  responseId,
  type ResponseEncodingOptions,
} from "./encode-response";
import {
  concatBytes,
  fuseTransformers,
  transformReadable,
  utf8EncodingTransformer,
  type StreamStage,
  type SyncTransformer,
} from "../../sync-transformer";
import { transformPush, type PushSource } from "../../push-source";
import type {
  ResponseObject,
  ResponseOutputItem,
  ResponseStreamEvent,
  ResponseStreamEventBody,
} from "./openai-responses-api";

export const responseStreamHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
} as const;

/**
 * Canonical events → Responses SSE bytes (`event: <type>` + `data: <json>`; no `[DONE]`, as OpenAI),
 * in one stream stage; `observer` (the request log) sees each event first.
 */
export function encodeResponseStream(
  events: ReadableStream<CanonicalEvent>,
  options: ResponseEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): ReadableStream<Uint8Array> {
  const stage = responseStreamEncoding(options, observer);
  return transformReadable(events, stage.transformer, stage.options);
}

/** {@link encodeResponseStream} for a push source (the production server's fast path). */
export function encodeResponsePushStream(
  events: PushSource<CanonicalEvent>,
  options: ResponseEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): PushSource<Uint8Array> {
  const stage = responseStreamEncoding(options, observer);
  return transformPush(events, stage.transformer, stage.options);
}

function responseStreamEncoding(
  options: ResponseEncodingOptions,
  observer?: SyncTransformer<CanonicalEvent, CanonicalEvent>,
): StreamStage<CanonicalEvent, Uint8Array> {
  const sseLines: SyncTransformer<ResponseStreamEvent, string> = {
    transform: (event, controller) => controller.enqueue(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
  };
  const encoder = responseStreamTransformer(options);
  const toText = fuseTransformers(observer ? fuseTransformers(observer, encoder) : encoder, sseLines);
  return { transformer: fuseTransformers(toText, utf8EncodingTransformer), options: { coalesce: concatBytes } };
}

export function createResponseStreamEncoder(
  options: ResponseEncodingOptions,
): TransformStream<CanonicalEvent, ResponseStreamEvent> {
  return new TransformStream(responseStreamTransformer(options));
}

type OpenItem = { outputIndex: number; itemId: string; hasSummaryPart: boolean };

/**
 * Canonical events → Responses stream events, numbered by `sequence_number`, in the spec's order:
 * `response.created`, `response.in_progress`, then per content block `output_item.added` …
 * deltas … `output_item.done` (text inside `content_part.added/done`, thinking as reasoning
 * summary events, tool arguments as `function_call_arguments.delta/done`), and finally
 * `response.completed` or `response.incomplete`, whose response is exactly what the non-stream
 * encoder returns for the same message. An upstream error (or a truncated stream) ends with
 * `response.failed` carrying the error and the output so far.
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
function responseStreamTransformer(
  options: ResponseEncodingOptions,
): SyncTransformer<CanonicalEvent, ResponseStreamEvent> {
  const createdAt = options.createdAt ?? Math.floor(Date.now() / 1000);
  const assembler = createMessageAssembler();
  const openItems = new Map<number, OpenItem>();
  let id: string | undefined;
  let sequenceNumber = 0;
  let ended = false;

  const inProgress = (): ResponseObject =>
    buildResponseObject(
      { id: id!, createdAt, status: "in_progress", output: [], usage: null, error: null, incomplete_details: null },
      options,
    );

  type Controller = TransformStreamDefaultController<ResponseStreamEvent>;
  const emit = (controller: Controller, body: ResponseStreamEventBody) =>
    controller.enqueue({ ...body, sequence_number: sequenceNumber++ });
  const start = (controller: Controller, messageId: string) => {
    id = responseId(messageId);
    emit(controller, { type: "response.created", response: inProgress() });
    emit(controller, { type: "response.in_progress", response: inProgress() });
  };
  /** Without a message_start (an error first), the response still opens with response.created. */
  const startWithoutMessage = (controller: Controller) => start(controller, `msg_${randomUUID().replaceAll("-", "")}`);

  return {
    transform(event, controller) {
      if (ended) return;
      const send = (body: ResponseStreamEventBody) => emit(controller, body);
      const openItem = (index: number, kind: Parameters<typeof outputItemId>[0]): OpenItem => {
        const outputIndex = assembler.result().blocks.length - 1;
        const item = { outputIndex, itemId: outputItemId(kind, id!, outputIndex), hasSummaryPart: false };
        openItems.set(index, item);
        return item;
      };

      if (id === undefined && event.type !== "message-start") startWithoutMessage(controller);
      assembler.push(event);
      switch (event.type) {
        case "message-start":
          if (id === undefined) start(controller, event.messageId);
          return;
        case "text-start": {
          const { outputIndex, itemId } = openItem(event.index, "text");
          send({
            type: "response.output_item.added",
            output_index: outputIndex,
            item: { id: itemId, type: "message", status: "in_progress", role: "assistant", content: [] },
          });
          send({
            type: "response.content_part.added",
            item_id: itemId,
            output_index: outputIndex,
            content_index: 0,
            part: { type: "output_text", text: "", annotations: [], logprobs: [] },
          });
          return;
        }
        case "text-delta": {
          const open = openItems.get(event.index);
          if (!open) return;
          send({
            type: "response.output_text.delta",
            item_id: open.itemId,
            output_index: open.outputIndex,
            content_index: 0,
            delta: event.text,
            logprobs: [],
          });
          return;
        }
        case "reasoning-start": {
          const { outputIndex, itemId } = openItem(event.index, "reasoning");
          send({
            type: "response.output_item.added",
            output_index: outputIndex,
            item: { id: itemId, type: "reasoning", summary: [], encrypted_content: null },
          });
          return;
        }
        case "reasoning-delta": {
          const open = openItems.get(event.index);
          if (!open) return;
          const located = { item_id: open.itemId, output_index: open.outputIndex, summary_index: 0 };
          if (!open.hasSummaryPart) {
            open.hasSummaryPart = true;
            send({
              type: "response.reasoning_summary_part.added",
              ...located,
              part: { type: "summary_text", text: "" },
            });
          }
          send({ type: "response.reasoning_summary_text.delta", ...located, delta: event.text });
          return;
        }
        case "reasoning-signature":
          // No event carries encrypted_content as it grows; output_item.done has the whole signature.
          return;
        case "redacted-reasoning": {
          const { outputIndex } = openItem(event.index, "redacted-reasoning");
          send({ type: "response.output_item.added", output_index: outputIndex, item: currentItem(outputIndex) });
          return;
        }
        case "tool-call-start": {
          const { outputIndex, itemId } = openItem(event.index, "tool-call");
          send({
            type: "response.output_item.added",
            output_index: outputIndex,
            item: {
              id: itemId,
              type: "function_call",
              status: "in_progress",
              call_id: event.toolCallId,
              name: event.toolName,
              arguments: "",
            },
          });
          return;
        }
        case "tool-call-delta": {
          const open = openItems.get(event.index);
          if (!open) return;
          send({
            type: "response.function_call_arguments.delta",
            item_id: open.itemId,
            output_index: open.outputIndex,
            delta: event.argumentsDelta,
          });
          return;
        }
        case "block-end": {
          const open = openItems.get(event.index);
          if (!open) return;
          openItems.delete(event.index);
          const item = currentItem(open.outputIndex);
          const located = { item_id: item.id, output_index: open.outputIndex };
          if (item.type === "message") {
            const part = item.content[0]!;
            send({ type: "response.output_text.done", ...located, content_index: 0, text: part.text, logprobs: [] });
            send({ type: "response.content_part.done", ...located, content_index: 0, part });
          } else if (item.type === "reasoning" && open.hasSummaryPart) {
            const part = item.summary[0] ?? { type: "summary_text", text: "" };
            send({ type: "response.reasoning_summary_text.done", ...located, summary_index: 0, text: part.text });
            send({ type: "response.reasoning_summary_part.done", ...located, summary_index: 0, part });
          } else if (item.type === "function_call") {
            send({
              type: "response.function_call_arguments.done",
              ...located,
              name: item.name,
              arguments: item.arguments,
            });
          }
          send({ type: "response.output_item.done", output_index: open.outputIndex, item });
          return;
        }
        case "finish": {
          ended = true;
          const response = { ...encodeResponse(assembler.result(), { ...options, createdAt }), id: id! };
          send({ type: response.status === "incomplete" ? "response.incomplete" : "response.completed", response });
          return;
        }
        case "error":
          ended = true;
          send({ type: "response.failed", response: failedResponse(event.error) });
          return;
        default: {
          const exhaustive: never = event;
          throw new Error(`unhandled canonical event ${JSON.stringify(exhaustive)}`);
        }
      }
    },
    flush(controller) {
      if (ended) return;
      if (id === undefined) startWithoutMessage(controller);
      const error = {
        type: "stream_truncated",
        message: "The provider's stream ended before the message was complete.",
      };
      emit(controller, { type: "response.failed", response: failedResponse(error) });
    },
  };

  function currentItem(outputIndex: number): ResponseOutputItem {
    const block = assembler.result().blocks[outputIndex]!;
    return outputItemFromBlock(block, outputItemId(block.type, id!, outputIndex));
  }

  /** The output so far; items the failure cut off are `incomplete`. */
  function failedResponse(error: CanonicalError): ResponseObject {
    const cutOff = new Set([...openItems.values()].map((open) => open.outputIndex));
    const output = assembler
      .result()
      .blocks.map((block, outputIndex) =>
        outputItemFromBlock(
          block,
          outputItemId(block.type, id!, outputIndex),
          cutOff.has(outputIndex) ? "incomplete" : "completed",
        ),
      );
    return buildResponseObject(
      {
        id: id!,
        createdAt,
        status: "failed",
        output,
        usage: null,
        error: responseErrorFromStreamError(error),
        incomplete_details: null,
      },
      options,
    );
  }
}
