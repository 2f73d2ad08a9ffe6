import type { CanonicalStopReason, CanonicalUsage } from "../../canonical";

export type ChatCompletionUsage = {
  /** All input: uncached + cache reads + cache writes. */
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /** Per-TTL split of cache writes, as Anthropic reports it. */
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
};

export function mapChatUsage(usage: CanonicalUsage): ChatCompletionUsage {
  const promptTokens = usage.inputTokens + usage.cacheReadInputTokens + usage.cacheCreationInputTokens;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: promptTokens + usage.outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cacheReadInputTokens,
      cache_write_tokens: usage.cacheCreationInputTokens,
    },
    cache_read_input_tokens: usage.cacheReadInputTokens,
    cache_creation_input_tokens: usage.cacheCreationInputTokens,
    ...(usage.cacheCreation
      ? {
          cache_creation: {
            ephemeral_5m_input_tokens: usage.cacheCreation.ephemeral5mInputTokens,
            ephemeral_1h_input_tokens: usage.cacheCreation.ephemeral1hInputTokens,
          },
        }
      : {}),
  };
}

export type ChatFinishReason = "stop" | "length" | "tool_calls" | "content_filter";

/** pause_turn → stop, as the docs specify; unknown reasons → stop. */
export function mapChatFinishReason(stopReason: CanonicalStopReason | null): ChatFinishReason {
  switch (stopReason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
    case "unknown":
    case null:
      return "stop";
    default: {
      const exhaustive: never = stopReason;
      return exhaustive;
    }
  }
}
