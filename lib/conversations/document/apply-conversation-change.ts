import type { ConversationDocument, MessagePart, StoredMessage } from "./conversation-document";

/**
 * Everything the browser learns about a saved conversation between two loads, as one reducer
 * over the cached document: a turn the server accepted (its messages as saved), the answer
 * growing as it streams, the answer as the server finished it, an answer the user stopped, a
 * new title. The query cache holds the result, so the screen, a refetch and the next turn all
 * read the same document.
 */
export type ConversationChange =
  /** The server saved the turn's request: the conversation as it stands, ending with the streaming assistant turn. */
  | { type: "turn_started"; messages: StoredMessage[] }
  /** The streaming assistant turn's content so far. */
  | { type: "answer_grew"; parts: MessagePart[] }
  /** The assistant turn as the server saved it when its stream ended. */
  | { type: "turn_ended"; message: StoredMessage }
  /** The user stopped the stream: what arrived stays, marked interrupted (the server saves the same). */
  | { type: "turn_stopped"; parts: MessagePart[] }
  | { type: "renamed"; title: string };

export function applyConversationChange(
  document: ConversationDocument,
  change: ConversationChange,
): ConversationDocument {
  switch (change.type) {
    case "turn_started":
      return { ...document, messages: change.messages };
    case "answer_grew":
      return updateStreamingTurn(document, (message) => ({ ...message, parts: change.parts }));
    case "turn_ended":
      return {
        ...document,
        messages: document.messages.map((message) => (message.id === change.message.id ? change.message : message)),
      };
    case "turn_stopped":
      return updateStreamingTurn(document, (message) => ({ ...message, parts: change.parts, status: "interrupted" }));
    case "renamed":
      return { ...document, title: change.title, titleEdited: change.title !== "" };
    default: {
      const exhaustive: never = change;
      throw new Error(`unhandled change ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** Only the last message, and only while it streams: a late delta never rewrites a settled turn. */
function updateStreamingTurn(
  document: ConversationDocument,
  update: (message: StoredMessage) => StoredMessage,
): ConversationDocument {
  const last = document.messages.at(-1);
  if (!last || last.role !== "assistant" || last.status !== "streaming") return document;
  return { ...document, messages: [...document.messages.slice(0, -1), update(last)] };
}

/** A turn is still streaming on the server (in another tab, or one this tab stopped and the server has not settled yet). */
export function isStreaming(document: ConversationDocument | undefined, messageId?: string): boolean {
  const message = messageId
    ? document?.messages.find((candidate) => candidate.id === messageId)
    : document?.messages.at(-1);
  return message?.status === "streaming";
}

/** An unsaved conversation, shown until the first send saves it. */
export function unsavedConversation(input: Pick<ConversationDocument, "model" | "settings">): ConversationDocument {
  return {
    version: 1,
    id: "",
    title: "",
    titleEdited: false,
    model: input.model,
    settings: input.settings,
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(0).toISOString(),
    lastActivityAt: new Date(0).toISOString(),
    messages: [],
    attachments: [],
  };
}
