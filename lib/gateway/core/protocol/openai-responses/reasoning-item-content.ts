import type { AssembledBlock } from "../../assemble-message";
import type { AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from "../../anthropic/anthropic-request";
import type { ResponseReasoningItem } from "./openai-responses-api";
import type { ReasoningItem } from "./openai-responses-request-schema";

/**
 * How Claude's thinking travels through Responses `reasoning` items, so multi-turn thinking works
 * without stored responses (`previous_response_id`):
 *
 * - a thinking block → `summary: [{type: "summary_text", text: <thinking>}]` (none when the text
 *   is empty, e.g. `display: "omitted"`) and `encrypted_content: <signature>`, verbatim;
 * - a redacted thinking block → `summary: []` and `encrypted_content: "redacted_thinking:<data>"`.
 *
 * Signatures and redacted data are base64, which never contains ":", so the prefix cannot
 * collide. Handed back as input, a reasoning item becomes the same block again (summary texts
 * joined); one without `encrypted_content` cannot be verified upstream and is dropped, as Chat
 * Completions drops unsigned reasoning parts.
 */
export const redactedThinkingPrefix = "redacted_thinking:";

type ReasoningBlock = Extract<AssembledBlock, { type: "reasoning" | "redacted-reasoning" }>;

export function reasoningItemFromBlock(block: ReasoningBlock, id: string): ResponseReasoningItem {
  if (block.type === "redacted-reasoning") {
    return { id, type: "reasoning", summary: [], encrypted_content: `${redactedThinkingPrefix}${block.data}` };
  }
  return {
    id,
    type: "reasoning",
    summary: block.text ? [{ type: "summary_text", text: block.text }] : [],
    encrypted_content: block.signature ?? null,
  };
}

export function thinkingBlockFromReasoningItem(
  item: ReasoningItem,
): AnthropicThinkingBlock | AnthropicRedactedThinkingBlock | undefined {
  const encrypted = item.encrypted_content;
  if (!encrypted) return undefined;
  if (encrypted.startsWith(redactedThinkingPrefix)) {
    return { type: "redacted_thinking", data: encrypted.slice(redactedThinkingPrefix.length) };
  }
  const summary = item.summary.map((part) => part.text).join("");
  const thinking = summary || (item.content ?? []).map((part) => part.text).join("");
  return { type: "thinking", thinking, signature: encrypted };
}
