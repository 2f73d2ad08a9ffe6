import type { CanonicalEvent } from "../canonical";
import { GatewayError } from "../gateway-error";
import { readAnthropicMessage, readContentBlock } from "./read-anthropic-wire";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./map-anthropic-usage";

/**
 * A non-streaming Anthropic message (parsed JSON) → the same canonical events a stream of it
 * would produce, so one assembler and one set of encoders serve both paths.
 */
export function decodeAnthropicMessage(json: unknown): CanonicalEvent[] {
  // Checked by hand, as its zod schema describes (read-anthropic-wire.ts): this is every answer's path.
  const message = readAnthropicMessage(json);
  if (!message) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned a response that is not a Messages API message.",
    });
  }
  const usage = mapAnthropicUsage(message.usage);
  const events: CanonicalEvent[] = [{ type: "message-start", messageId: message.id, model: message.model, usage }];

  message.content.forEach((contentBlock, index) => {
    const block = readContentBlock(contentBlock);
    switch (block?.type) {
      case "text":
        events.push({ type: "text-start", index });
        if (block.text) events.push({ type: "text-delta", index, text: block.text });
        events.push({ type: "block-end", index });
        return;
      case "thinking":
        events.push({ type: "reasoning-start", index });
        if (block.thinking) events.push({ type: "reasoning-delta", index, text: block.thinking });
        if (block.signature) events.push({ type: "reasoning-signature", index, signature: block.signature });
        events.push({ type: "block-end", index });
        return;
      case "redacted_thinking":
        events.push({ type: "redacted-reasoning", index, data: block.data }, { type: "block-end", index });
        return;
      case "tool_use":
        events.push(
          { type: "tool-call-start", index, toolCallId: block.id, toolName: block.name },
          { type: "tool-call-delta", index, argumentsDelta: JSON.stringify(block.input ?? {}) },
          { type: "block-end", index },
        );
        return;
      default:
      // Server tool blocks have no Chat Completions form and are skipped.
    }
  });

  events.push({
    type: "finish",
    stopReason: mapAnthropicStopReason(message.stop_reason),
    stopSequence: message.stop_sequence ?? null,
    usage,
  });
  return events;
}
