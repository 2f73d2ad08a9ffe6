import type { AssembledMessage } from "../../assemble-message";
import { gatewayErrorFromStreamError } from "../../gateway-error-from-stream-error";
import { mapChatFinishReason, mapChatUsage, type ChatCompletionUsage, type ChatFinishReason } from "./map-chat-usage";

export type ReasoningDetail =
  { type: "reasoning"; reasoning: string; signature: string | null } | { type: "redacted_reasoning"; data: string };

export type ChatCompletionToolCall = {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
};

export type ChatCompletionMessage = {
  role: "assistant";
  content: string | null;
  refusal: null;
  tool_calls?: ChatCompletionToolCall[];
  /** All thinking text. */
  reasoning?: string;
  /** Signature of the last thinking block. */
  reasoning_signature?: string;
  /** Data of the first redacted thinking block. */
  redacted_reasoning?: string;
  /** Every thinking / redacted block in order; accepted back as assistant content parts. */
  reasoning_details?: ReasoningDetail[];
};

export type ChatCompletion = {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: [{ index: 0; message: ChatCompletionMessage; finish_reason: ChatFinishReason; logprobs: null }];
  usage: ChatCompletionUsage;
};

export type ChatEncodingOptions = {
  /** The gateway model id that served the request (e.g. `anthropic/claude-sonnet-4-6`). */
  model: string;
  /** Unix seconds; defaults to now. */
  created?: number;
};

export function chatCompletionId(messageId: string): string {
  return `chatcmpl-${messageId.replace(/^msg_/, "")}`;
}

/**
 * An assembled message → a `chat.completion` object. A message that ended in an error event
 * throws the corresponding GatewayError instead.
 */
export function encodeChatCompletion(message: AssembledMessage, options: ChatEncodingOptions): ChatCompletion {
  if (message.error) throw gatewayErrorFromStreamError(message.error);

  const text: string[] = [];
  const toolCalls: ChatCompletionToolCall[] = [];
  const reasoningDetails: ReasoningDetail[] = [];
  for (const block of message.blocks) {
    switch (block.type) {
      case "text":
        text.push(block.text);
        break;
      case "reasoning":
        reasoningDetails.push({ type: "reasoning", reasoning: block.text, signature: block.signature ?? null });
        break;
      case "redacted-reasoning":
        reasoningDetails.push({ type: "redacted_reasoning", data: block.data });
        break;
      case "tool-call":
        toolCalls.push({
          id: block.toolCallId,
          type: "function",
          function: { name: block.toolName, arguments: block.arguments || "{}" },
        });
        break;
      default: {
        const exhaustive: never = block;
        throw new Error(`unhandled block ${JSON.stringify(exhaustive)}`);
      }
    }
  }

  const thinking = reasoningDetails.filter((detail) => detail.type === "reasoning");
  const redacted = reasoningDetails.filter((detail) => detail.type === "redacted_reasoning");
  const lastSignature = thinking.findLast((detail) => detail.signature)?.signature;
  const chatMessage: ChatCompletionMessage = {
    role: "assistant",
    content: text.length > 0 ? text.join("") : toolCalls.length > 0 ? null : "",
    refusal: null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    ...(thinking.length > 0 ? { reasoning: thinking.map((detail) => detail.reasoning).join("") } : {}),
    ...(lastSignature ? { reasoning_signature: lastSignature } : {}),
    ...(redacted[0] ? { redacted_reasoning: redacted[0].data } : {}),
    ...(reasoningDetails.length > 0 ? { reasoning_details: reasoningDetails } : {}),
  };

  return {
    id: chatCompletionId(message.messageId),
    object: "chat.completion",
    created: options.created ?? Math.floor(Date.now() / 1000),
    model: options.model,
    choices: [
      { index: 0, message: chatMessage, finish_reason: mapChatFinishReason(message.stopReason), logprobs: null },
    ],
    usage: mapChatUsage(message.usage),
  };
}
