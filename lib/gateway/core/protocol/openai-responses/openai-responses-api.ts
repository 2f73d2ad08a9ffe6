import type { ResponsesToolChoice, TextFormat } from "./openai-responses-request-schema";

/**
 * The Response object and stream events the gateway sends: the subset of OpenAI's wire format
 * it produces, typed so the `openai` SDK's `Response` / `ResponseStreamEvent` read them as-is.
 * @see https://platform.openai.com/docs/api-reference/responses/object
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */

export type ResponseStatus = "in_progress" | "completed" | "incomplete" | "failed";

/** `incomplete`: the item was cut off by a failure mid-stream (only in `response.failed`). */
export type ItemStatus = "in_progress" | "completed" | "incomplete";

export type ResponseOutputText = { type: "output_text"; text: string; annotations: []; logprobs: [] };

export type ResponseOutputMessage = {
  id: string;
  type: "message";
  role: "assistant";
  status: ItemStatus;
  content: ResponseOutputText[];
};

export type ResponseSummaryText = { type: "summary_text"; text: string };

/** Claude's thinking: its text as the summary, its signature (or redacted data) as `encrypted_content`. */
export type ResponseReasoningItem = {
  id: string;
  type: "reasoning";
  summary: ResponseSummaryText[];
  encrypted_content: string | null;
};

export type ResponseFunctionCall = {
  id: string;
  type: "function_call";
  status: ItemStatus;
  call_id: string;
  name: string;
  /** A JSON object as a string ("{}" when the tool takes no arguments). */
  arguments: string;
};

export type ResponseOutputItem = ResponseOutputMessage | ResponseReasoningItem | ResponseFunctionCall;

export type ResponseUsage = {
  /** All input: uncached + cache reads + cache writes. */
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  /** Anthropic does not report thinking tokens separately: always 0 (they are in output_tokens). */
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
};

export type ResponseErrorCode = "server_error" | "rate_limit_exceeded" | "invalid_prompt";

/** The request's settings as a Response echoes them (same for every event of one response). */
export type ResponseSettings = {
  instructions: string | null;
  /** What was sent upstream as max_tokens: the bound on thinking + answer. */
  max_output_tokens: number;
  metadata: Record<string, string>;
  parallel_tool_calls: boolean;
  reasoning: { effort: string | null; summary: string | null };
  temperature: number | null;
  top_p: number | null;
  text: { format: TextFormat };
  tool_choice: ResponsesToolChoice;
  tools: Array<{
    type: "function";
    name: string;
    description: string | null;
    parameters: Record<string, unknown> | null;
    strict: boolean | null;
  }>;
  user: string | null;
};

export type ResponseObject = ResponseSettings & {
  id: string;
  object: "response";
  created_at: number;
  status: ResponseStatus;
  /** The gateway model id that served the response. */
  model: string;
  output: ResponseOutputItem[];
  usage: ResponseUsage | null;
  error: { code: ResponseErrorCode; message: string } | null;
  incomplete_details: { reason: "max_output_tokens" | "content_filter" } | null;
  previous_response_id: null;
  background: false;
  /** Nothing is stored: every response is `store: false`. */
  store: false;
  truncation: "disabled";
};

type Located = { item_id: string; output_index: number };

/** Stream events without `sequence_number`, which the encoder numbers as it sends them. */
export type ResponseStreamEventBody =
  | { type: "response.created" | "response.in_progress"; response: ResponseObject }
  | { type: "response.completed" | "response.incomplete" | "response.failed"; response: ResponseObject }
  | { type: "response.output_item.added" | "response.output_item.done"; output_index: number; item: ResponseOutputItem }
  | ({
      type: "response.content_part.added" | "response.content_part.done";
      content_index: number;
      part: ResponseOutputText;
    } & Located)
  | ({ type: "response.output_text.delta"; content_index: number; delta: string; logprobs: [] } & Located)
  | ({ type: "response.output_text.done"; content_index: number; text: string; logprobs: [] } & Located)
  | ({
      type: "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done";
      summary_index: number;
      part: ResponseSummaryText;
    } & Located)
  | ({ type: "response.reasoning_summary_text.delta"; summary_index: number; delta: string } & Located)
  | ({ type: "response.reasoning_summary_text.done"; summary_index: number; text: string } & Located)
  | ({ type: "response.function_call_arguments.delta"; delta: string } & Located)
  | ({ type: "response.function_call_arguments.done"; name: string; arguments: string } & Located);

export type ResponseStreamEvent = ResponseStreamEventBody & { sequence_number: number };
