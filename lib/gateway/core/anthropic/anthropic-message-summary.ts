import type { CanonicalEvent } from "../canonical";
import { readUsage } from "./read-anthropic-wire";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./map-anthropic-usage";

/**
 * A complete Anthropic message passed through as is (/v1/messages without streaming), as the
 * canonical events the request log and limits read: its start and finish with usage. Only the
 * usage is validated: validating the whole message again cost more than the log row.
 */
export function anthropicMessageSummary(message: unknown): CanonicalEvent[] {
  const json = message as { type?: unknown; id?: unknown; model?: unknown; usage?: unknown; stop_reason?: unknown };
  if (json?.type !== "message") return [];
  const usage = mapAnthropicUsage(readUsage(json.usage));
  return [
    {
      type: "message-start",
      messageId: typeof json.id === "string" ? json.id : "",
      model: typeof json.model === "string" ? json.model : "",
      usage,
    },
    {
      type: "finish",
      stopReason: mapAnthropicStopReason(typeof json.stop_reason === "string" ? json.stop_reason : undefined),
      stopSequence: null,
      usage,
    },
  ];
}
