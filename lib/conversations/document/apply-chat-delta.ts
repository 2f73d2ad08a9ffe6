import { z } from "zod";
import type { MessagePart } from "./conversation-document";

/**
 * The `delta` of one `chat.completion.chunk` as this gateway streams it: content, the
 * reasoning extensions (`reasoning`, `reasoning_signature`, `redacted_reasoning`) and tool
 * call fragments. Lenient: what a gateway sends us is not ours to reject.
 */
export const chatDeltaSchema = z.looseObject({
  content: z.string().nullish(),
  reasoning: z.string().nullish(),
  reasoning_signature: z.string().nullish(),
  redacted_reasoning: z.string().nullish(),
  tool_calls: z
    .array(
      z.looseObject({
        index: z.number().int().nonnegative(),
        id: z.string().nullish(),
        function: z.looseObject({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
      }),
    )
    .nullish(),
});
export type ChatDelta = z.infer<typeof chatDeltaSchema>;

/**
 * Folds one streamed delta into an assistant message's parts. Pure and copy-on-write (only
 * the part that changed is replaced), so React re-renders just that block; the server uses
 * the same function, so what is saved is what the browser showed.
 */
export function applyChatDelta(parts: readonly MessagePart[], delta: ChatDelta): MessagePart[] {
  let next = parts as MessagePart[];
  const replaceLast = (part: MessagePart) => {
    next = [...next.slice(0, -1), part];
  };
  const push = (part: MessagePart) => {
    next = [...next, part];
  };

  if (delta.reasoning) {
    const last = next.at(-1);
    if (last?.type === "reasoning" && !last.signature) replaceLast({ ...last, text: last.text + delta.reasoning });
    else push({ type: "reasoning", text: delta.reasoning, signature: null });
  }
  if (delta.reasoning_signature) {
    const last = next.at(-1);
    // A signature closes the reasoning block it follows; a signature-only block has no text.
    if (last?.type === "reasoning" && !last.signature) replaceLast({ ...last, signature: delta.reasoning_signature });
    else push({ type: "reasoning", text: "", signature: delta.reasoning_signature });
  }
  if (delta.redacted_reasoning) push({ type: "redacted_reasoning", data: delta.redacted_reasoning });
  if (delta.content) {
    const last = next.at(-1);
    if (last?.type === "text") replaceLast({ ...last, text: last.text + delta.content });
    else push({ type: "text", text: delta.content });
  }
  for (const toolCall of delta.tool_calls ?? []) {
    const toolCallPositions = next.flatMap((part, position) => (part.type === "tool_call" ? [position] : []));
    const position = toolCallPositions[toolCall.index];
    if (position === undefined) {
      push({
        type: "tool_call",
        id: toolCall.id ?? `call_${toolCall.index}`,
        name: toolCall.function?.name ?? "",
        arguments: toolCall.function?.arguments ?? "",
      });
      continue;
    }
    const existing = next[position] as Extract<MessagePart, { type: "tool_call" }>;
    const updated: MessagePart = {
      ...existing,
      name: existing.name + (toolCall.function?.name ?? ""),
      arguments: existing.arguments + (toolCall.function?.arguments ?? ""),
    };
    next = next.map((part, index) => (index === position ? updated : part));
  }
  return next;
}
