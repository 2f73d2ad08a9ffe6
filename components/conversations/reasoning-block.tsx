import { Badge } from "@/components/ui/badge";
import type { MessagePart } from "@/lib/conversations/document/conversation-document";

type ReasoningPart = Extract<MessagePart, { type: "reasoning" | "redacted_reasoning" }>;

/**
 * One reasoning block, collapsible, above the answer: open while it streams. Says whether the
 * provider signed it and whether a later turn sent it back to the model.
 */
export function ReasoningBlock({
  part,
  index,
  streaming,
  isLastTurn,
}: {
  part: ReasoningPart;
  index: number;
  streaming: boolean;
  isLastTurn: boolean;
}) {
  const signed = part.type === "redacted_reasoning" || Boolean(part.signature);
  const sentBackLabel = part.sentBack ? "Signature sent back" : isLastTurn ? "Not sent back yet" : "Not sent back";
  const label = part.type === "redacted_reasoning" ? `Redacted reasoning ${index + 1}` : `Reasoning ${index + 1}`;
  return (
    <details
      open={streaming || undefined}
      aria-label={label}
      className="group rounded-md border border-violet-200 bg-violet-50/60 text-sm dark:border-violet-900 dark:bg-violet-950/30"
    >
      <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 select-none focus-visible:outline-2 focus-visible:outline-amber-500">
        <span className="font-medium text-violet-900 dark:text-violet-200">
          {part.type === "redacted_reasoning" ? "Redacted reasoning" : streaming ? "Thinking…" : "Reasoning"}
        </span>
        {part.type === "reasoning" && (
          <Badge tone={signed ? "success" : "warning"}>{signed ? "Signature present" : "No signature"}</Badge>
        )}
        {part.type === "redacted_reasoning" && <Badge tone="neutral">Encrypted by the provider</Badge>}
        {signed && <Badge tone={part.sentBack ? "accent" : "neutral"}>{sentBackLabel}</Badge>}
      </summary>
      <div className="border-t border-violet-200 px-3 py-2 dark:border-violet-900">
        {part.type === "reasoning" ? (
          <p className="font-mono text-xs leading-relaxed whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">
            {part.text || "(signature only: no visible reasoning)"}
          </p>
        ) : (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            The provider encrypted this reasoning for safety. It is kept ({part.data.length.toLocaleString("en-US")}{" "}
            characters) and sent back on the next turn so the model can continue from it.
          </p>
        )}
      </div>
    </details>
  );
}
