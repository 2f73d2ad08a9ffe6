import type { CanonicalStopReason, CanonicalUsage } from "../canonical";
import type { AnthropicUsage } from "./anthropic-api";

/**
 * Anthropic usage → canonical usage. `previous` supplies values a later event omits:
 * `message_delta` usage often carries only `output_tokens`.
 */
export function mapAnthropicUsage(usage: AnthropicUsage | null | undefined, previous?: CanonicalUsage): CanonicalUsage {
  const split = usage?.cache_creation;
  const cacheCreation =
    split != null
      ? {
          ephemeral5mInputTokens: split.ephemeral_5m_input_tokens ?? 0,
          ephemeral1hInputTokens: split.ephemeral_1h_input_tokens ?? 0,
        }
      : previous?.cacheCreation;
  return {
    inputTokens: usage?.input_tokens ?? previous?.inputTokens ?? 0,
    outputTokens: usage?.output_tokens ?? previous?.outputTokens ?? 0,
    cacheReadInputTokens: usage?.cache_read_input_tokens ?? previous?.cacheReadInputTokens ?? 0,
    cacheCreationInputTokens: usage?.cache_creation_input_tokens ?? previous?.cacheCreationInputTokens ?? 0,
    ...(cacheCreation ? { cacheCreation } : {}),
  };
}

const knownStopReasons = new Set<string>([
  "end_turn",
  "max_tokens",
  "stop_sequence",
  "tool_use",
  "pause_turn",
  "refusal",
  "model_context_window_exceeded",
]);

export function mapAnthropicStopReason(stopReason: string | null | undefined): CanonicalStopReason {
  return stopReason != null && knownStopReasons.has(stopReason) ? (stopReason as CanonicalStopReason) : "unknown";
}
