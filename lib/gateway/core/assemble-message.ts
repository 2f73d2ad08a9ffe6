import {
  emptyUsage,
  type CanonicalError,
  type CanonicalEvent,
  type CanonicalStopReason,
  type CanonicalUsage,
} from "./canonical";

export type AssembledBlock =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string; signature: string | undefined }
  | { type: "redacted-reasoning"; data: string }
  | { type: "tool-call"; toolCallId: string; toolName: string; arguments: string };

/** A complete message built from canonical events, for non-streaming encoders. */
export type AssembledMessage = {
  messageId: string;
  model: string;
  /** In the order the provider produced them. */
  blocks: AssembledBlock[];
  stopReason: CanonicalStopReason | null;
  stopSequence: string | null;
  usage: CanonicalUsage;
  /** Set when the stream ended with an error event. */
  error: CanonicalError | undefined;
};

/** Folds canonical events into an {@link AssembledMessage}. */
export function createMessageAssembler() {
  const message: AssembledMessage = {
    messageId: "",
    model: "",
    blocks: [],
    stopReason: null,
    stopSequence: null,
    usage: { ...emptyUsage },
    error: undefined,
  };
  const blocksByIndex = new Map<number, AssembledBlock>();

  function open(index: number, block: AssembledBlock) {
    blocksByIndex.set(index, block);
    message.blocks.push(block);
  }

  function push(event: CanonicalEvent): void {
    switch (event.type) {
      case "message-start":
        message.messageId = event.messageId;
        message.model = event.model;
        message.usage = event.usage;
        break;
      case "text-start":
        open(event.index, { type: "text", text: "" });
        break;
      case "text-delta": {
        const block = blocksByIndex.get(event.index);
        if (block?.type === "text") block.text += event.text;
        break;
      }
      case "reasoning-start":
        open(event.index, { type: "reasoning", text: "", signature: undefined });
        break;
      case "reasoning-delta": {
        const block = blocksByIndex.get(event.index);
        if (block?.type === "reasoning") block.text += event.text;
        break;
      }
      case "reasoning-signature": {
        const block = blocksByIndex.get(event.index);
        if (block?.type === "reasoning") block.signature = (block.signature ?? "") + event.signature;
        break;
      }
      case "redacted-reasoning":
        open(event.index, { type: "redacted-reasoning", data: event.data });
        break;
      case "tool-call-start":
        open(event.index, { type: "tool-call", toolCallId: event.toolCallId, toolName: event.toolName, arguments: "" });
        break;
      case "tool-call-delta": {
        const block = blocksByIndex.get(event.index);
        if (block?.type === "tool-call") block.arguments += event.argumentsDelta;
        break;
      }
      case "block-end":
        blocksByIndex.delete(event.index);
        break;
      case "finish":
        message.stopReason = event.stopReason;
        message.stopSequence = event.stopSequence;
        message.usage = event.usage;
        break;
      case "error":
        message.error = event.error;
        break;
      default: {
        const exhaustive: never = event;
        throw new Error(`unhandled canonical event ${JSON.stringify(exhaustive)}`);
      }
    }
  }

  return { push, result: (): AssembledMessage => message };
}

export function assembleMessage(events: Iterable<CanonicalEvent>): AssembledMessage {
  const assembler = createMessageAssembler();
  for (const event of events) assembler.push(event);
  return assembler.result();
}

export async function assembleMessageFromStream(events: ReadableStream<CanonicalEvent>): Promise<AssembledMessage> {
  const assembler = createMessageAssembler();
  const reader = events.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    assembler.push(value);
  }
  return assembler.result();
}
