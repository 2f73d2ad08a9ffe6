import type { z } from "zod";
import type { chatCompletionRequestSchema } from "@/lib/gateway/core/protocol/openai-chat/openai-chat-request-schema";
import type {
  AttachmentMeta,
  CacheMark,
  MessagePart,
  PlaygroundSettings,
  StoredMessage,
} from "@/lib/conversations/document/conversation-document";

/** An attachment ready to send: its bytes as base64, or the URL it lives at. */
export type SendableAttachment = AttachmentMeta & { base64: string | null };

type CacheControl = { type: "ephemeral"; ttl: "5m" | "1h" };

/**
 * The Chat Completions body this gateway accepts (with its extensions: `thinking`, `top_k`,
 * `cache_control`, `document` and `reasoning` parts), as the gateway's own request schema takes
 * it in, so a field the gateway would refuse does not type-check here.
 */
export type GatewayChatRequest = z.input<typeof chatCompletionRequestSchema> & {
  stream: true;
  stream_options: { include_usage: true };
};
type GatewayChatMessage = GatewayChatRequest["messages"][number];
type UserContentPart = Exclude<Extract<GatewayChatMessage, { role: "user" }>["content"], string>[number];
type AssistantContentPart = Exclude<
  NonNullable<Extract<GatewayChatMessage, { role: "assistant" }>["content"]>,
  string
>[number];

/** A reasoning part that went back to the model in this request: message position and part index. */
export type SentBackReasoning = { position: number; partIndex: number };

const toCacheControl = (mark: CacheMark | null | undefined): { cache_control?: CacheControl } =>
  mark ? { cache_control: { type: "ephemeral", ttl: mark.ttl } } : {};

type MessageInput = Pick<StoredMessage, "position" | "role" | "parts" | "cache" | "status">;

/**
 * The conversation so far → the gateway request for the next assistant turn. Pure: the same
 * function serves the live turn and (later) "view code". Assistant turns send their signed
 * reasoning back first (the model needs it to continue its chain of thought, and with tools it
 * is required); unfinished tool calls of an interrupted turn are left out, since they cannot be
 * answered.
 */
export function buildChatRequest(input: {
  model: string;
  settings: PlaygroundSettings;
  messages: readonly MessageInput[];
  attachments: ReadonlyMap<string, SendableAttachment>;
}): { body: GatewayChatRequest; sentBack: SentBackReasoning[] } {
  const { settings } = input;
  const messages: GatewayChatMessage[] = [];
  const sentBack: SentBackReasoning[] = [];

  if (settings.systemPrompt.trim() !== "") {
    messages.push({
      role: "system",
      content: [{ type: "text", text: settings.systemPrompt, ...toCacheControl(settings.systemCache) }],
    });
  }

  for (const message of input.messages) {
    switch (message.role) {
      case "user": {
        const content = message.parts.flatMap((part) => userContent(part, input.attachments));
        if (content.length > 0) messages.push({ role: "user", content, ...toCacheControl(message.cache) });
        break;
      }
      case "assistant": {
        const content: AssistantContentPart[] = [];
        const toolCalls: NonNullable<Extract<GatewayChatMessage, { role: "assistant" }>["tool_calls"]> = [];
        message.parts.forEach((part, partIndex) => {
          if (part.type === "reasoning" && part.signature) {
            content.push({ type: "reasoning", reasoning: part.text, signature: part.signature });
            sentBack.push({ position: message.position, partIndex });
          } else if (part.type === "redacted_reasoning") {
            content.push({ type: "redacted_reasoning", data: part.data });
            sentBack.push({ position: message.position, partIndex });
          } else if (part.type === "text" && part.text !== "") {
            content.push({ type: "text", text: part.text });
          } else if (part.type === "tool_call" && message.status === "complete") {
            toolCalls.push({
              id: part.id,
              type: "function",
              function: { name: part.name, arguments: part.arguments || "{}" },
            });
          }
        });
        const hasText = content.some((part) => part.type === "text");
        if (!hasText && toolCalls.length === 0) {
          // Nothing the model said survived (a failed turn): leave the turn out, and its reasoning with it.
          sentBack.splice(sentBack.length - content.length, content.length);
          break;
        }
        messages.push({
          role: "assistant",
          content,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          ...toCacheControl(message.cache),
        });
        break;
      }
      case "tool": {
        const results = message.parts.filter((part) => part.type === "tool_result");
        results.forEach((part, index) => {
          const isLast = index === results.length - 1;
          messages.push({
            role: "tool",
            tool_call_id: part.toolCallId,
            content: part.isError ? `Error: ${part.content}` : part.content,
            ...(isLast ? toCacheControl(message.cache) : {}),
          });
        });
        break;
      }
      default: {
        const exhaustive: never = message.role;
        throw new Error(`unhandled role ${String(exhaustive)}`);
      }
    }
  }

  const { parameters, thinking } = settings;
  const body: GatewayChatRequest = {
    model: input.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    ...(parameters.maxTokens !== null ? { max_tokens: parameters.maxTokens } : {}),
    ...(parameters.temperature !== null ? { temperature: parameters.temperature } : {}),
    ...(parameters.topP !== null ? { top_p: parameters.topP } : {}),
    ...(parameters.topK !== null ? { top_k: parameters.topK } : {}),
    ...(parameters.stopSequences.length > 0 ? { stop: parameters.stopSequences } : {}),
    ...(thinking.mode === "manual"
      ? { thinking: { type: "enabled" as const, budget_tokens: thinking.budgetTokens } }
      : {}),
    ...(thinking.mode === "adaptive"
      ? { thinking: { type: "adaptive" as const, ...(thinking.effort ? { effort: thinking.effort } : {}) } }
      : {}),
    ...(settings.tools.length > 0
      ? {
          tools: settings.tools.map((tool) => ({
            type: "function" as const,
            function: {
              name: tool.name,
              ...(tool.description ? { description: tool.description } : {}),
              parameters: tool.parameters,
            },
          })),
        }
      : {}),
  };
  return { body, sentBack };
}

function userContent(part: MessagePart, attachments: ReadonlyMap<string, SendableAttachment>): UserContentPart[] {
  if (part.type === "text") return part.text === "" ? [] : [{ type: "text", text: part.text }];
  if (part.type !== "attachment") return [];
  const attachment = attachments.get(part.attachmentId);
  if (!attachment) throw new Error(`attachment ${part.attachmentId} is missing`);
  const cache = toCacheControl(part.cache);
  if (attachment.kind === "image") {
    const url =
      attachment.base64 !== null ? `data:${attachment.mediaType};base64,${attachment.base64}` : attachment.sourceUrl!;
    return [{ type: "image_url", image_url: { url }, ...cache }];
  }
  const document =
    attachment.base64 !== null
      ? { type: "pdf" as const, data: attachment.base64, title: attachment.fileName }
      : { type: "pdf" as const, url: attachment.sourceUrl!, title: attachment.fileName };
  return [{ type: "document", document, ...cache }];
}
