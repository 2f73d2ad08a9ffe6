import { InvalidRequestError } from "../../gateway-error";
import type {
  AnthropicAssistantContentBlock,
  AnthropicCacheControl,
  AnthropicMessageParam,
  AnthropicTextBlock,
  AnthropicUserContentBlock,
} from "../../anthropic/anthropic-request";
import { convertUserContentPart, toCacheControl } from "./convert-user-content-part";
import type { AssistantContentPart, ChatMessage, ToolCall } from "./openai-chat-request-schema";

type AssistantMessage = Extract<ChatMessage, { role: "assistant" }>;
type ReasoningPart = Extract<AssistantContentPart, { type: "reasoning" | "redacted_reasoning" }>;

/**
 * Chat Completions messages → Anthropic `system` + `messages`.
 * - system/developer messages (wherever they appear) → system blocks, keeping cache_control;
 * - assistant: thinking blocks first (passed back unmodified), then text, then tool_use;
 * - tool messages → user tool_result blocks; consecutive same-role messages are merged.
 * A message-level `cache_control` applies to the message's last block.
 */
export function convertChatMessages(messages: ChatMessage[]): {
  system: AnthropicTextBlock[];
  messages: AnthropicMessageParam[];
} {
  const system: AnthropicTextBlock[] = [];
  const converted: AnthropicMessageParam[] = [];

  const append = (message: AnthropicMessageParam) => {
    if (message.content.length === 0) return;
    const previous = converted.at(-1);
    if (previous?.role === "user" && message.role === "user") previous.content.push(...message.content);
    else if (previous?.role === "assistant" && message.role === "assistant") previous.content.push(...message.content);
    else converted.push(message);
  };

  messages.forEach((message, messageIndex) => {
    const param = `messages[${messageIndex}]`;
    const messageCacheControl = toCacheControl(message.cache_control).cache_control;
    switch (message.role) {
      case "system":
      case "developer": {
        const blocks = textBlocks(message.content);
        applyMessageCacheControl(blocks, messageCacheControl);
        system.push(...blocks);
        break;
      }
      case "user": {
        const content: AnthropicUserContentBlock[] =
          typeof message.content === "string"
            ? textBlocks(message.content)
            : message.content
                .map((part, partIndex) => convertUserContentPart(part, `${param}.content[${partIndex}]`))
                .filter((block) => block.type !== "text" || block.text !== "");
        applyMessageCacheControl(content, messageCacheControl);
        append({ role: "user", content });
        break;
      }
      case "assistant": {
        const content = convertAssistantMessage(message, param);
        applyMessageCacheControl(
          content.filter((block) => block.type === "text" || block.type === "tool_use"),
          messageCacheControl,
        );
        append({ role: "assistant", content });
        break;
      }
      case "tool": {
        const result = typeof message.content === "string" ? message.content : textBlocks(message.content);
        append({
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: message.tool_call_id,
              content: result,
              ...(messageCacheControl ? { cache_control: messageCacheControl } : {}),
            },
          ],
        });
        break;
      }
      default: {
        const exhaustive: never = message;
        throw new Error(`unhandled message ${JSON.stringify(exhaustive)}`);
      }
    }
  });

  return { system, messages: converted };
}

function textBlocks(
  content: string | Array<{ text: string; cache_control?: { type: "ephemeral"; ttl?: "5m" | "1h" } | null }>,
): AnthropicTextBlock[] {
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return content
    .filter((part) => part.text !== "")
    .map((part) => ({ type: "text", text: part.text, ...toCacheControl(part.cache_control) }));
}

function applyMessageCacheControl(
  blocks: Array<{ cache_control?: AnthropicCacheControl }>,
  cacheControl: AnthropicCacheControl | undefined,
) {
  const last = blocks.at(-1);
  if (cacheControl && last && !last.cache_control) last.cache_control = cacheControl;
}

function convertAssistantMessage(message: AssistantMessage, param: string): AnthropicAssistantContentBlock[] {
  const parts: AssistantContentPart[] =
    typeof message.content === "string" ? [{ type: "text", text: message.content }] : (message.content ?? []);
  let reasoningParts = parts.filter(
    (part): part is ReasoningPart => part.type === "reasoning" || part.type === "redacted_reasoning",
  );
  if (reasoningParts.length === 0 && message.reasoning_details) reasoningParts = message.reasoning_details;
  if (reasoningParts.length === 0) reasoningParts = flatReasoningParts(message);

  const thinkingBlocks: AnthropicAssistantContentBlock[] = [];
  for (const part of reasoningParts) {
    if (part.type === "redacted_reasoning") thinkingBlocks.push({ type: "redacted_thinking", data: part.data });
    // An unsigned thinking block cannot be verified upstream; it is dropped rather than rejected.
    else if (part.type === "reasoning" && part.signature) {
      thinkingBlocks.push({ type: "thinking", thinking: part.reasoning, signature: part.signature });
    }
  }

  const textBlocksInOrder: AnthropicTextBlock[] = [];
  for (const part of parts) {
    if (part.type === "text" && part.text) {
      textBlocksInOrder.push({ type: "text", text: part.text, ...toCacheControl(part.cache_control) });
    } else if (part.type === "refusal" && part.refusal) {
      textBlocksInOrder.push({ type: "text", text: part.refusal });
    }
  }

  const toolUseBlocks = (message.tool_calls ?? []).map((toolCall, toolCallIndex) =>
    toToolUseBlock(toolCall, `${param}.tool_calls[${toolCallIndex}].function.arguments`),
  );
  return [...thinkingBlocks, ...textBlocksInOrder, ...toolUseBlocks];
}

/** The flat fields of a response message that a client pushed back unchanged. */
function flatReasoningParts(message: AssistantMessage): ReasoningPart[] {
  const parts: ReasoningPart[] = [];
  if (message.reasoning) {
    parts.push({ type: "reasoning", reasoning: message.reasoning, signature: message.reasoning_signature });
  }
  if (message.redacted_reasoning) parts.push({ type: "redacted_reasoning", data: message.redacted_reasoning });
  return parts;
}

function toToolUseBlock(toolCall: ToolCall, param: string): AnthropicAssistantContentBlock {
  let input: unknown = {};
  if (toolCall.function.arguments.trim() !== "") {
    try {
      input = JSON.parse(toolCall.function.arguments);
    } catch {
      throw new InvalidRequestError("Tool call arguments must be a JSON object string.", { param });
    }
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new InvalidRequestError("Tool call arguments must be a JSON object.", { param });
  }
  return { type: "tool_use", id: toolCall.id, name: toolCall.function.name, input: input as Record<string, unknown> };
}
