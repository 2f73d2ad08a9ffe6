import type { CanonicalEvent } from "../canonical";
import { GatewayError } from "../gateway-error";
import {
  anthropicMessageSchema,
  anthropicRedactedThinkingBlockSchema,
  anthropicTextBlockSchema,
  anthropicThinkingBlockSchema,
  anthropicToolUseBlockSchema,
} from "./anthropic-api";
import { mapAnthropicStopReason, mapAnthropicUsage } from "./map-anthropic-usage";

/**
 * A non-streaming Anthropic message (parsed JSON) → the same canonical events a stream of it
 * would produce, so one assembler and one set of encoders serve both paths.
 */
export function decodeAnthropicMessage(json: unknown): CanonicalEvent[] {
  const parsed = anthropicMessageSchema.safeParse(json);
  if (!parsed.success) {
    throw new GatewayError({
      status: 502,
      type: "upstream_error",
      code: "invalid_upstream_response",
      message: "The provider returned a response that is not a Messages API message.",
      cause: parsed.error,
    });
  }
  const message = parsed.data;
  const usage = mapAnthropicUsage(message.usage);
  const events: CanonicalEvent[] = [{ type: "message-start", messageId: message.id, model: message.model, usage }];

  message.content.forEach((contentBlock, index) => {
    const text = anthropicTextBlockSchema.safeParse(contentBlock);
    if (text.success) {
      events.push({ type: "text-start", index });
      if (text.data.text) events.push({ type: "text-delta", index, text: text.data.text });
      events.push({ type: "block-end", index });
      return;
    }
    const thinking = anthropicThinkingBlockSchema.safeParse(contentBlock);
    if (thinking.success) {
      events.push({ type: "reasoning-start", index });
      if (thinking.data.thinking) events.push({ type: "reasoning-delta", index, text: thinking.data.thinking });
      if (thinking.data.signature) {
        events.push({ type: "reasoning-signature", index, signature: thinking.data.signature });
      }
      events.push({ type: "block-end", index });
      return;
    }
    const redacted = anthropicRedactedThinkingBlockSchema.safeParse(contentBlock);
    if (redacted.success) {
      events.push({ type: "redacted-reasoning", index, data: redacted.data.data }, { type: "block-end", index });
      return;
    }
    const toolUse = anthropicToolUseBlockSchema.safeParse(contentBlock);
    if (toolUse.success) {
      events.push(
        { type: "tool-call-start", index, toolCallId: toolUse.data.id, toolName: toolUse.data.name },
        { type: "tool-call-delta", index, argumentsDelta: JSON.stringify(toolUse.data.input ?? {}) },
        { type: "block-end", index },
      );
    }
    // Server tool blocks have no Chat Completions form and are skipped.
  });

  events.push({
    type: "finish",
    stopReason: mapAnthropicStopReason(message.stop_reason),
    stopSequence: message.stop_sequence ?? null,
    usage,
  });
  return events;
}
