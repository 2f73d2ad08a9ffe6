import { buildChatRequest, type GatewayChatRequest, type SendableAttachment } from "./build-chat-request";
import type { PlaygroundSettings, StoredMessage } from "@/lib/conversations/document/conversation-document";

/**
 * The gateway request behind "View code": for an assistant turn, the request it was generated
 * with (its frozen model and settings, and the conversation before it); without a turn, the
 * next request the conversation would send with the current model and settings. Pure, so the
 * playground and the shared page build the same body the server sent.
 */
export function turnRequestBody(input: {
  model: string;
  settings: PlaygroundSettings;
  messages: readonly StoredMessage[];
  attachments: ReadonlyMap<string, SendableAttachment>;
  /** Position of an assistant turn; omitted for the next request. */
  position?: number;
}): GatewayChatRequest {
  const turn =
    input.position === undefined ? undefined : input.messages.find((message) => message.position === input.position);
  if (turn && turn.role !== "assistant") throw new Error(`message ${input.position} is not an assistant turn`);
  const messages = turn ? input.messages.filter((message) => message.position < turn.position) : input.messages;
  return buildChatRequest({
    model: turn?.request?.model ?? input.model,
    settings: turn?.request?.settings ?? input.settings,
    messages,
    attachments: input.attachments,
  }).body;
}

/** The attachment ids a request for these messages carries. */
export function referencedAttachmentIds(messages: readonly StoredMessage[]): string[] {
  return [
    ...new Set(
      messages.flatMap((message) =>
        message.parts.flatMap((part) => (part.type === "attachment" ? [part.attachmentId] : [])),
      ),
    ),
  ];
}
