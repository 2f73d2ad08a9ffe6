import type { AnthropicEvent } from "./anthropic-fixtures";

type Usage = Record<string, unknown>;
type Block = Record<string, unknown> & { type: string };

/**
 * Replays stream events into the non-streaming Message the API would have returned, so one
 * fixture drives both modes. Returns the error instead when the stream carries an error event.
 */
export function accumulateAnthropicMessage(
  events: AnthropicEvent[],
): { message: Record<string, unknown> } | { error: { type: string; message: string } } {
  let message: Record<string, unknown> = {};
  const content: Block[] = [];
  const partialJson = new Map<number, string>();
  let usage: Usage = {};

  for (const event of events) {
    switch (event.type) {
      case "message_start": {
        const started = event.message as Record<string, unknown>;
        message = { ...started };
        usage = { ...(started.usage as Usage) };
        break;
      }
      case "content_block_start":
        content[event.index as number] = structuredClone(event.content_block as Block);
        break;
      case "content_block_delta": {
        const index = event.index as number;
        const block = content[index];
        const delta = event.delta as Record<string, string>;
        if (!block) break;
        if (delta.type === "text_delta") block.text = `${block.text as string}${delta.text}`;
        if (delta.type === "thinking_delta") block.thinking = `${block.thinking as string}${delta.thinking}`;
        if (delta.type === "signature_delta") block.signature = delta.signature;
        if (delta.type === "input_json_delta")
          partialJson.set(index, (partialJson.get(index) ?? "") + delta.partial_json);
        break;
      }
      case "content_block_stop": {
        const index = event.index as number;
        const block = content[index];
        if (block?.type === "tool_use") {
          const json = partialJson.get(index) ?? "";
          block.input = json === "" ? {} : JSON.parse(json);
        }
        break;
      }
      case "message_delta": {
        const delta = event.delta as Record<string, unknown>;
        message.stop_reason = delta.stop_reason;
        message.stop_sequence = delta.stop_sequence;
        usage = { ...usage, ...(event.usage as Usage) };
        break;
      }
      case "error":
        return { error: event.error as { type: string; message: string } };
      default:
        break;
    }
  }
  return { message: { ...message, content, usage } };
}
