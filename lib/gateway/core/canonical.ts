/**
 * The small internal event union between providers and protocol encoders. Providers decode
 * their wire format into these events; encoders (Chat Completions, Responses, …) render them.
 *
 * Content blocks carry the provider's block `index`; every `*-start` is matched by one
 * `block-end` with the same index. Tool arguments arrive as JSON text fragments whose
 * concatenation is a complete JSON object ("{}" when the tool takes no arguments).
 */

/** Anthropic's usage vocabulary (every provider here serves Claude). */
export type CanonicalUsage = {
  /** Input tokens not read from or written to the cache. */
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  /** Per-TTL split of `cacheCreationInputTokens`, when reported. */
  cacheCreation?: { ephemeral5mInputTokens: number; ephemeral1hInputTokens: number };
};

export const emptyUsage: CanonicalUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheReadInputTokens: 0,
  cacheCreationInputTokens: 0,
};

export type CanonicalStopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded"
  | "unknown";

export type CanonicalError = {
  /** Provider error type, e.g. `overloaded_error`, `api_error`, `stream_truncated`. */
  type: string;
  message: string;
};

export type CanonicalEvent =
  | { type: "message-start"; messageId: string; model: string; usage: CanonicalUsage }
  | { type: "text-start"; index: number }
  | { type: "text-delta"; index: number; text: string }
  | { type: "reasoning-start"; index: number }
  | { type: "reasoning-delta"; index: number; text: string }
  | { type: "reasoning-signature"; index: number; signature: string }
  /** A whole redacted thinking block; its encrypted `data` arrives at once. */
  | { type: "redacted-reasoning"; index: number; data: string }
  | { type: "tool-call-start"; index: number; toolCallId: string; toolName: string }
  | { type: "tool-call-delta"; index: number; argumentsDelta: string }
  | { type: "block-end"; index: number }
  /** Last event of a successful message; `usage` is final (cumulative). */
  | {
      type: "finish";
      stopReason: CanonicalStopReason;
      stopSequence: string | null;
      usage: CanonicalUsage;
    }
  /** Ends the stream unsuccessfully; nothing follows it. */
  | { type: "error"; error: CanonicalError };
