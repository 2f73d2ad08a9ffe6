"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  canPromote,
  columnSummary,
  type ColumnCheck,
  type CompareHighlight,
} from "@/lib/conversations/compare/compare-columns";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import { coerceThinking } from "@/lib/conversations/settings/thinking-options";
import { CacheTtlSelect } from "./cache-ttl-select";
import { AnswerBody, AnswerStatusBadges, CopyAnswerButton, textOf } from "./message-view";
import { ModelPicker } from "./model-picker";
import { ThinkingControl } from "./thinking-control";
import { TurnMetricsView } from "@/components/conversations/turn-metrics-view";
import type { ColumnEntry, ColumnRun } from "./use-compare";

/** One compare column: its model, thinking and cache setting, then its answer with tokens, cost and timings. */
export function CompareColumnView({
  number,
  column,
  run,
  models,
  check,
  highlights,
  canRemove,
  canRegenerate,
  alignPicker,
  onChange,
  onRemove,
  onRegenerate,
  onPromote,
}: {
  number: number;
  column: ColumnEntry;
  run: ColumnRun | undefined;
  models: PlaygroundModel[];
  check: ColumnCheck;
  highlights: CompareHighlight[];
  canRemove: boolean;
  /** There is a message to answer again. */
  canRegenerate: boolean;
  alignPicker: "start" | "end";
  onChange: (change: Partial<ColumnEntry>) => void;
  onRemove: () => void;
  onRegenerate: () => void;
  onPromote: () => void;
}) {
  const model = models.find((candidate) => candidate.id === column.model);
  const settingsId = useId();
  // Folded to one line by default, so the answers start high and line up across columns.
  const [settingsOpen, setSettingsOpen] = useState(false);
  const answer = run?.answer;
  const streaming = answer?.status === "streaming";
  const text = answer ? textOf(answer.parts) : "";
  return (
    <section
      aria-label={`Column ${number}`}
      aria-busy={streaming || undefined}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-xs font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">
          Column {number}
        </h2>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Remove column ${number}`}
          title={canRemove ? undefined : "Compare needs at least two columns"}
          disabled={!canRemove}
          onClick={onRemove}
        >
          ✕
        </Button>
      </div>
      <ModelPicker
        models={models}
        value={column.model}
        align={alignPicker}
        onChange={(id) => {
          const next = models.find((candidate) => candidate.id === id);
          onChange({
            model: id,
            thinking: next ? coerceThinking(column.thinking, next.capabilities) : column.thinking,
          });
        }}
      />
      <div className="rounded-md border border-zinc-200 dark:border-zinc-800">
        <button
          type="button"
          aria-expanded={settingsOpen}
          aria-controls={settingsId}
          onClick={() => setSettingsOpen((open) => !open)}
          className="flex w-full items-center justify-between gap-2 rounded-md px-3 py-1.5 text-left text-xs text-zinc-600 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-amber-500 dark:text-zinc-400 dark:hover:bg-zinc-900"
        >
          <span className="min-w-0">
            <span className="sr-only">Column {number} thinking and cache: </span>
            {columnSummary(column)}
          </span>
          <span aria-hidden className="text-zinc-600 dark:text-zinc-400">
            {settingsOpen ? "▴" : "▾"}
          </span>
        </button>
        {settingsOpen && (
          <div id={settingsId} className="space-y-3 border-t border-zinc-200 p-3 dark:border-zinc-800">
            {model && (
              <ThinkingControl model={model} value={column.thinking} onChange={(thinking) => onChange({ thinking })} />
            )}
            <div className="flex items-center justify-between gap-2">
              <span className="text-sm font-medium">Prompt cache</span>
              <CacheTtlSelect
                label={`Column ${number} cache breakpoint on the message`}
                value={column.cache}
                onChange={(cache) => onChange({ cache })}
              />
            </div>
          </div>
        )}
      </div>
      {check.errors.map((problem) => (
        <Alert key={problem} tone="error">
          {problem}
        </Alert>
      ))}
      {check.warnings.map((problem) => (
        <p key={problem} className="text-xs text-zinc-600 dark:text-zinc-400">
          {problem}
        </p>
      ))}

      <div
        aria-label={`Answer of column ${number}`}
        role="group"
        className="flex min-h-24 flex-1 flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800"
      >
        {!run || !answer ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">This column’s answer appears here.</p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
              <span className="truncate font-mono" title={run.sent.model}>
                {answer.metrics?.servedModel ?? run.sent.model}
              </span>
              <AnswerStatusBadges status={answer.status} />
              {highlights.map((highlight) => (
                <Badge key={highlight} tone="success">
                  {highlight}
                </Badge>
              ))}
            </div>
            <div className="min-w-0 space-y-2 text-sm">
              <AnswerBody answer={answer} isLastTurn />
            </div>
            {answer.status === "interrupted" && !answer.metrics && (
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Stopped before it finished, so its tokens and cost are not known here.
              </p>
            )}
            {answer.metrics && <TurnMetricsView metrics={answer.metrics} />}
            {run.promoteError && (
              <Alert tone="error">
                <p>{run.promoteError}</p>
              </Alert>
            )}
            <div className="mt-auto flex flex-wrap items-center gap-1 pt-1">
              <CopyAnswerButton text={text} name={`answer, column ${number}`} />
              {!streaming && canRegenerate && (
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={check.errors.length > 0}
                  onClick={onRegenerate}
                  aria-label={`Regenerate, column ${number}`}
                >
                  Regenerate
                </Button>
              )}
              {canPromote(answer) && (
                <Button
                  size="sm"
                  variant="primary"
                  className="ml-auto"
                  pending={run.promoting}
                  onClick={onPromote}
                  aria-label={`Use this answer, column ${number}`}
                  title={`Adds this turn to the conversation, which continues with ${run.sent.model}`}
                >
                  Use this answer
                </Button>
              )}
            </div>
          </>
        )}
      </div>
    </section>
  );
}
