import type { CanonicalStopReason, CanonicalUsage } from "../../canonical";
import type { ResponseObject, ResponseUsage } from "./openai-responses-api";

export function mapResponsesUsage(usage: CanonicalUsage): ResponseUsage {
  const inputTokens = usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
  return {
    input_tokens: inputTokens,
    input_tokens_details: {
      cached_tokens: usage.cacheReadInputTokens,
      cache_write_tokens: usage.cacheCreationInputTokens,
    },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + usage.outputTokens,
  };
}

/**
 * A finished message's stop reason → the Response's status: hitting max_tokens (or the context
 * window) is `incomplete` with reason `max_output_tokens`, a refusal `incomplete` with
 * `content_filter`; everything else (end_turn, stop_sequence, tool_use, pause_turn) `completed`.
 */
export function mapResponsesStatus(
  stopReason: CanonicalStopReason | null,
): Pick<ResponseObject, "status" | "incomplete_details"> {
  switch (stopReason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } };
    case "refusal":
      return { status: "incomplete", incomplete_details: { reason: "content_filter" } };
    case "end_turn":
    case "stop_sequence":
    case "tool_use":
    case "pause_turn":
    case "unknown":
    case null:
      return { status: "completed", incomplete_details: null };
    default: {
      const exhaustive: never = stopReason;
      return exhaustive;
    }
  }
}
