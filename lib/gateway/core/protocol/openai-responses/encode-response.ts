import type { AssembledBlock, AssembledMessage } from "../../assemble-message";
import type { CanonicalError } from "../../canonical";
import { gatewayErrorFromStreamError } from "../../gateway-error-from-stream-error";
import { mapResponsesStatus, mapResponsesUsage } from "./map-responses-usage";
import type {
  ItemStatus,
  ResponseErrorCode,
  ResponseObject,
  ResponseOutputItem,
  ResponseSettings,
} from "./openai-responses-api";
import { reasoningItemFromBlock } from "./reasoning-item-content";

export type ResponseEncodingOptions = {
  /** The gateway model id that served the request (e.g. `anthropic/claude-sonnet-4-6`). */
  model: string;
  /** The request's settings, echoed (see `translateResponsesRequest`). */
  settings: ResponseSettings;
  /** Unix seconds; defaults to now. */
  createdAt?: number;
};

/** `msg_01Abc` → `resp_01Abc`: the provider's message id, so logs on both sides line up. */
export function responseId(messageId: string): string {
  return `resp_${messageId.replace(/^msg_/, "")}`;
}

const itemIdPrefixes = { text: "msg", reasoning: "rs", "redacted-reasoning": "rs", "tool-call": "fc" } as const;

/**
 * Output item ids derive from the response id and the item's position, so the streamed and the
 * non-streamed encoding of one upstream message are identical.
 */
export function outputItemId(kind: AssembledBlock["type"], id: string, outputIndex: number): string {
  return `${itemIdPrefixes[kind]}_${id.replace(/^resp_/, "")}_${outputIndex}`;
}

/** One assembled block → one output item: text → message, thinking → reasoning, tool call → function_call. */
export function outputItemFromBlock(
  block: AssembledBlock,
  itemId: string,
  status: ItemStatus = "completed",
): ResponseOutputItem {
  switch (block.type) {
    case "text":
      return {
        id: itemId,
        type: "message",
        status,
        role: "assistant",
        content: [{ type: "output_text", text: block.text, annotations: [], logprobs: [] }],
      };
    case "reasoning":
    case "redacted-reasoning":
      return reasoningItemFromBlock(block, itemId);
    case "tool-call":
      return {
        id: itemId,
        type: "function_call",
        status,
        call_id: block.toolCallId,
        name: block.toolName,
        arguments: canonicalToolArguments(block.arguments),
      };
    default: {
      const exhaustive: never = block;
      throw new Error(`unhandled block ${JSON.stringify(exhaustive)}`);
    }
  }
}

/**
 * Tool arguments as compact JSON. A stream carries the model's JSON text with its own spacing
 * (`{"location": "Tokyo"}`), a complete message only the parsed `input` object: one form for
 * both, so a streamed Response ends equal to the non-stream one. The argument deltas stay the
 * raw fragments (live); `function_call_arguments.done` and the items carry this form. Text that
 * does not parse (a stream cut off mid-call) is kept as it came.
 */
export function canonicalToolArguments(text: string): string {
  if (!text) return "{}";
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The Response object around `fields`; everything else echoes the request. */
export function buildResponseObject(
  fields: Pick<ResponseObject, "id" | "status" | "output" | "usage" | "error" | "incomplete_details"> & {
    createdAt: number;
  },
  options: ResponseEncodingOptions,
): ResponseObject {
  const { createdAt, ...rest } = fields;
  return {
    id: rest.id,
    object: "response",
    created_at: createdAt,
    status: rest.status,
    error: rest.error,
    incomplete_details: rest.incomplete_details,
    model: options.model,
    output: rest.output,
    usage: rest.usage,
    ...options.settings,
    previous_response_id: null,
    background: false,
    store: false,
    truncation: "disabled",
  };
}

/**
 * An assembled message → a `response` object (status completed, or incomplete when the model hit
 * max_tokens). A message that ended in an error event throws the corresponding GatewayError.
 */
export function encodeResponse(message: AssembledMessage, options: ResponseEncodingOptions): ResponseObject {
  if (message.error) throw gatewayErrorFromStreamError(message.error);
  const id = responseId(message.messageId);
  return buildResponseObject(
    {
      id,
      createdAt: options.createdAt ?? Math.floor(Date.now() / 1000),
      ...mapResponsesStatus(message.stopReason),
      output: message.blocks.map((block, outputIndex) =>
        outputItemFromBlock(block, outputItemId(block.type, id, outputIndex)),
      ),
      usage: mapResponsesUsage(message.usage),
      error: null,
    },
    options,
  );
}

/** A provider stream error → the Response's `error` (OpenAI's codes; the message says what happened). */
export function responseErrorFromStreamError(error: CanonicalError): NonNullable<ResponseObject["error"]> {
  const gatewayError = gatewayErrorFromStreamError(error);
  const code: ResponseErrorCode =
    gatewayError.status === 429
      ? "rate_limit_exceeded"
      : gatewayError.status === 400
        ? "invalid_prompt"
        : "server_error";
  return { code, message: gatewayError.message };
}
