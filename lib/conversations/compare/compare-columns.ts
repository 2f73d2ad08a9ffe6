import { z } from "zod";
import { applyChatDelta } from "@/lib/conversations/document/apply-chat-delta";
import { checkCacheBreakpoints } from "@/lib/conversations/settings/cache-breakpoints";
import type { CompareAnswer, CompareBase, CompareStreamEvent } from "./compare-api";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import {
  cacheMarkSchema,
  thinkingSettingSchema,
  type AttachmentMeta,
  type CacheMark,
  type MessagePart,
  type PlaygroundSettings,
  type StoredMessage,
  type TurnError,
  type TurnMetrics,
} from "@/lib/conversations/document/conversation-document";
import { coerceThinking } from "@/lib/conversations/settings/thinking-options";
import { validateTurnSettings } from "@/lib/conversations/settings/validate-turn-settings";

/**
 * Compare mode in the browser, as pure functions: the columns (each with its own model,
 * thinking and cache breakpoint on the new message; the system prompt, parameters and tools
 * are shared), what blocks a column from running, and how a column's stream folds into its answer.
 */

export const minimumColumns = 2;
export const maximumColumns = 4;

export const compareColumnSchema = z.strictObject({
  model: z.string().min(1),
  thinking: thinkingSettingSchema,
  /** The cache breakpoint on the message being compared. */
  cache: cacheMarkSchema.nullable(),
});
export type CompareColumn = z.infer<typeof compareColumnSchema>;

/** Compare mode as the browser remembers it: the columns survive a reload, their answers do not. */
export const compareSetupSchema = z.strictObject({
  enabled: z.boolean(),
  columns: z.array(compareColumnSchema).min(minimumColumns).max(maximumColumns),
});
export type CompareSetup = z.infer<typeof compareSetupSchema>;

type ModelChoice = Pick<PlaygroundModel, "id" | "provider" | "available" | "lifecycle" | "capabilities">;

/**
 * Two columns to start from: the conversation's model and settings, and another model worth
 * comparing it with (an active one from the same provider, else any usable one).
 */
export function initialColumns(
  main: { model: string; thinking: PlaygroundSettings["thinking"] },
  models: readonly ModelChoice[],
): CompareColumn[] {
  const current = models.find((model) => model.id === main.model);
  const others = models.filter((model) => model.available && model.id !== main.model);
  const other =
    others.find((model) => model.lifecycle === "active" && model.provider === current?.provider) ??
    others.find((model) => model.lifecycle === "active") ??
    others[0] ??
    current;
  const first: CompareColumn = { model: main.model, thinking: main.thinking, cache: null };
  if (!other) return [first, { ...first }];
  return [first, { model: other.id, thinking: coerceThinking(main.thinking, other.capabilities), cache: null }];
}

/** A new column repeats the last one, ready to change one setting; `copy` gives the copy its own identity. */
export function addColumn<T extends CompareColumn>(
  columns: readonly T[],
  copy: (column: T) => T = (column) => ({ ...column }),
): T[] {
  if (columns.length >= maximumColumns || columns.length === 0) return [...columns];
  return [...columns, copy(columns.at(-1)!)];
}

export function removeColumn<T>(columns: readonly T[], index: number): T[] {
  if (columns.length <= minimumColumns) return [...columns];
  return columns.filter((_, candidate) => candidate !== index);
}

/** Columns remembered from an earlier visit, fitted to the models this install has now. */
export function fitColumns<T extends CompareColumn>(
  columns: readonly T[],
  models: readonly ModelChoice[],
  fallbackModel: string,
): T[] {
  return columns.map((column) => {
    const model =
      models.find((candidate) => candidate.id === column.model) ??
      models.find((candidate) => candidate.id === fallbackModel);
    if (!model) return column;
    return { ...column, model: model.id, thinking: coerceThinking(column.thinking, model.capabilities) };
  });
}

/** A column's thinking and cache choice in a few words, for its collapsed settings: "Manual thinking, 8,000 tokens · Cache 5m". */
export function columnSummary(column: Pick<CompareColumn, "thinking" | "cache">): string {
  const { thinking } = column;
  const thinkingText =
    thinking.mode === "off"
      ? "Thinking off"
      : thinking.mode === "adaptive"
        ? `Adaptive thinking${thinking.effort ? `, ${thinking.effort} effort` : ""}`
        : `Manual thinking, ${thinking.budgetTokens.toLocaleString("en-US")} tokens`;
  return `${thinkingText} · ${column.cache ? `Cache ${column.cache.ttl}` : "No cache"}`;
}

/** The settings a column runs with: the shared ones with its own thinking. */
export function columnSettings(shared: PlaygroundSettings, column: CompareColumn): PlaygroundSettings {
  return { ...shared, thinking: column.thinking };
}

export type ColumnCheck = { errors: string[]; warnings: string[] };

/**
 * What stops a column from running, checked in the browser as for a normal turn (the server
 * checks again): an unusable model, settings the model rejects, cache breakpoints out of order.
 */
export function checkColumn(input: {
  column: CompareColumn;
  model:
    | Pick<
        PlaygroundModel,
        | "id"
        | "displayName"
        | "available"
        | "unavailableReason"
        | "capabilities"
        | "maxOutputTokens"
        | "defaultMaxTokens"
        | "minimumCacheableTokens"
      >
    | undefined;
  shared: PlaygroundSettings;
  messages: ReadonlyArray<Pick<StoredMessage, "role" | "parts" | "cache">>;
  /** The message being compared, when there is one. */
  parts: readonly MessagePart[] | null;
  attachments: ReadonlyMap<string, AttachmentMeta>;
}): ColumnCheck {
  const { column, model } = input;
  if (!model) return { errors: [`${column.model} is not in the model list: pick another model.`], warnings: [] };
  const errors: string[] = [];
  if (!model.available) errors.push(`${model.displayName} cannot be used: ${model.unavailableReason}`);
  const settings = columnSettings(input.shared, column);
  errors.push(...validateTurnSettings(settings, model).errors.map((problem) => problem.message));
  const check = (cache: CacheMark | null) =>
    checkCacheBreakpoints({
      settings,
      messages: [
        ...input.messages,
        ...(input.parts ? [{ role: "user" as const, parts: [...input.parts], cache }] : []),
      ],
      attachments: input.attachments,
      minimumCacheableTokens: model.minimumCacheableTokens,
    });
  const cache = check(column.cache);
  errors.push(...cache.errors);
  // Warnings about the conversation's own breakpoints belong to the cache panel; a column shows its own.
  const shared = new Set(check(null).warnings);
  return { errors, warnings: cache.warnings.filter((warning) => !shared.has(warning)) };
}

/** A column's answer as the browser holds it: streaming, finished, stopped or failed. */
export type ColumnAnswer = {
  parts: MessagePart[];
  status: StoredMessage["status"];
  error: TurnError | null;
  /** Known once the column finished on the server. */
  metrics: TurnMetrics | null;
  /** Known once the server accepted the column. */
  base: CompareBase | null;
};

export const pendingAnswer: ColumnAnswer = { parts: [], status: "streaming", error: null, metrics: null, base: null };

/** Folds one streamed event into a column's answer (copy-on-write, like `applyChatDelta`). */
export function applyCompareEvent(answer: ColumnAnswer, event: CompareStreamEvent): ColumnAnswer {
  switch (event.type) {
    case "start":
      return { ...answer, base: event.base };
    case "delta": {
      const parts = applyChatDelta(answer.parts, event.delta);
      return parts === answer.parts ? answer : { ...answer, parts };
    }
    case "end":
      return { ...answer, ...event.answer };
    default: {
      const exhaustive: never = event;
      throw new Error(`unhandled event ${JSON.stringify(exhaustive)}`);
    }
  }
}

/** How a column's request ended when its stream did not say: stopped, cut off, or refused. */
export function settleAnswer(answer: ColumnAnswer, outcome: { stopped: boolean; error?: TurnError }): ColumnAnswer {
  if (answer.status !== "streaming") return answer;
  if (outcome.error && !outcome.stopped) return { ...answer, status: "error", error: outcome.error };
  return { ...answer, status: "interrupted" };
}

/** A finished answer with something in it, from a run the server accepted, can join the conversation. */
export function canPromote(
  answer: ColumnAnswer,
): answer is ColumnAnswer & { base: CompareBase; metrics: TurnMetrics; status: CompareAnswer["status"] } {
  if (answer.status === "streaming" || answer.base === null || answer.metrics === null) return false;
  return answer.parts.some((part) => (part.type === "text" ? part.text.trim() !== "" : part.type === "tool_call"));
}

export type CompareHighlight = "Fastest first token" | "Fastest" | "Cheapest";

/**
 * Which columns did best, once at least two finished: the earliest first token, the lowest
 * latency and the lowest cost (ties share the badge). One list per column, in column order.
 */
export function compareHighlights(
  answers: ReadonlyArray<Pick<ColumnAnswer, "status" | "metrics"> | null | undefined>,
): CompareHighlight[][] {
  const finished = answers.map((answer) => (answer?.status === "complete" && answer.metrics ? answer.metrics : null));
  const highlights: CompareHighlight[][] = answers.map(() => []);
  if (finished.filter(Boolean).length < 2) return highlights;
  const best = (label: CompareHighlight, value: (metrics: TurnMetrics) => number | null) => {
    const values = finished.map((metrics) => (metrics ? value(metrics) : null));
    const known = values.filter((entry): entry is number => entry !== null);
    if (known.length < 2) return;
    const lowest = Math.min(...known);
    values.forEach((entry, index) => {
      if (entry === lowest) highlights[index]!.push(label);
    });
  };
  best("Fastest first token", (metrics) => metrics.timeToFirstTokenMs);
  best("Fastest", (metrics) => metrics.latencyMs);
  best("Cheapest", (metrics) => metrics.costUsd);
  return highlights;
}
