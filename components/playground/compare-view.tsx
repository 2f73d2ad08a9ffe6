"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  compareHighlights,
  maximumColumns,
  minimumColumns,
  type ColumnCheck,
} from "@/lib/conversations/compare/compare-columns";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { AttachmentPreview } from "@/components/conversations/attachment-preview";
import { CompareColumnView } from "./compare-column-view";
import { textOf } from "./message-view";
import type { CompareState } from "./use-compare";

/**
 * Compare mode under the conversation: the message the columns answered, then the columns side
 * by side (scrolling sideways when they do not fit), each streaming on its own.
 */
export function CompareView({
  compare,
  models,
  checks,
  attachments,
}: {
  compare: CompareState;
  models: PlaygroundModel[];
  /** Each column's problems, in column order. */
  checks: ColumnCheck[];
  attachments: ReadonlyMap<string, AttachmentMeta>;
}) {
  const { columns, runs, compared } = compare;
  const highlights = compareHighlights(columns.map((column) => runs[column.key]?.answer));
  const comparedText = compared ? textOf(compared) : "";
  return (
    <section aria-label="Compare" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50/70 px-3 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/30">
        <p className="min-w-0 flex-1 text-amber-950 dark:text-amber-100">
          <span className="font-medium">Comparing {columns.length} columns.</span>{" "}
          <span className="text-amber-900/80 dark:text-amber-200/80">
            Each answers the conversation above plus your next message. The system prompt, parameters and tools are
            shared; nothing is saved until you use an answer.
          </span>
        </p>
        <Button
          size="sm"
          onClick={compare.add}
          disabled={columns.length >= maximumColumns}
          title={columns.length >= maximumColumns ? `At most ${maximumColumns} columns` : undefined}
        >
          Add column
        </Button>
      </div>
      {compare.failure && <Alert tone="error">{compare.failure}</Alert>}
      {compared && (
        <article aria-label="Compared message" className="ml-auto w-full max-w-[92%] space-y-2 sm:max-w-[85%]">
          <div className="rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800/80">
            {comparedText && <p className="text-[15px] whitespace-pre-wrap">{comparedText}</p>}
            {compared.some((part) => part.type === "attachment") && (
              <div className="mt-2 flex flex-wrap gap-2">
                {compared.map((part, index) =>
                  part.type === "attachment" ? (
                    <AttachmentPreview key={index} attachment={attachments.get(part.attachmentId)} />
                  ) : null,
                )}
              </div>
            )}
          </div>
        </article>
      )}
      {/* Positioned, so visually hidden labels inside the columns scroll with them instead of widening the page. */}
      <div className="relative -mx-1 overflow-x-auto px-1 pb-1">
        <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(16rem, 1fr))` }}>
          {columns.map((column, index) => (
            <CompareColumnView
              key={column.key}
              number={index + 1}
              column={column}
              run={runs[column.key]}
              models={models}
              check={checks[index] ?? { errors: [], warnings: [] }}
              highlights={highlights[index] ?? []}
              canRemove={columns.length > minimumColumns}
              canRegenerate={compared !== null}
              alignPicker={index === columns.length - 1 && columns.length > 1 ? "end" : "start"}
              onChange={(change) => compare.update(column.key, change)}
              onRemove={() => compare.remove(column.key)}
              onRegenerate={() => compare.regenerate(column.key)}
              onPromote={() => void compare.promote(column.key)}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
