"use client";

import { useId } from "react";
import { classNames } from "@/components/ui/class-names";
import { Select } from "@/components/ui/input";
import { minimumThinkingBudget } from "@/lib/catalog/request-rules";
import { NumberField } from "./number-field";
import type { EffortLevel } from "@/lib/catalog/model-catalog-schema";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import type { ThinkingSetting } from "@/lib/conversations/document/conversation-document";
import {
  maximumThinkingBudget,
  thinkingBudgetPresets,
  thinkingModeOptions,
} from "@/lib/conversations/settings/thinking-options";

/** Off / Adaptive (with effort) / Manual (budget); what the model cannot do is disabled with the reason. */
export function ThinkingControl({
  model,
  value,
  onChange,
  budgetProblems = [],
  onBudgetDraftProblem,
}: {
  model: PlaygroundModel;
  value: ThinkingSetting;
  onChange: (value: ThinkingSetting) => void;
  /** The rules' problems with the budget (below 1,024, at or over the model's output limit). */
  budgetProblems?: string[];
  onBudgetDraftProblem?: (problem: string | null) => void;
}) {
  const name = useId();
  const options = thinkingModeOptions(model.capabilities, model.displayName);
  const reasons = options.filter((option) => option.disabledReason);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Thinking</legend>
      <div className="grid grid-cols-3 gap-1 rounded-md bg-zinc-100 p-1 dark:bg-zinc-800">
        {options.map((option) => (
          <label
            key={option.mode}
            title={option.disabledReason ?? undefined}
            className={classNames(
              "relative flex cursor-pointer items-center justify-center rounded px-2 py-1 text-sm has-focus-visible:outline-2 has-focus-visible:outline-amber-500",
              value.mode === option.mode
                ? "bg-white font-medium shadow-sm dark:bg-zinc-950"
                : "text-zinc-600 dark:text-zinc-400",
              option.disabledReason && "cursor-not-allowed opacity-50",
            )}
          >
            <input
              type="radio"
              name={name}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed"
              value={option.mode}
              checked={value.mode === option.mode}
              disabled={Boolean(option.disabledReason)}
              aria-describedby={option.disabledReason ? `${name}-${option.mode}-reason` : undefined}
              onChange={() =>
                onChange(
                  option.mode === "off"
                    ? { mode: "off" }
                    : option.mode === "adaptive"
                      ? { mode: "adaptive", effort: null }
                      : { mode: "manual", budgetTokens: 8_000 },
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {reasons.map((option) => (
        <p key={option.mode} id={`${name}-${option.mode}-reason`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {option.label}: {option.disabledReason}
        </p>
      ))}
      {value.mode === "adaptive" && (
        <EffortSelect
          model={model}
          value={value.effort}
          onChange={(effort) => onChange({ mode: "adaptive", effort })}
        />
      )}
      {value.mode === "manual" && (
        <BudgetControl
          value={value.budgetTokens}
          onChange={(budgetTokens) => onChange({ mode: "manual", budgetTokens })}
          problems={budgetProblems}
          onDraftProblem={onBudgetDraftProblem}
        />
      )}
    </fieldset>
  );
}

function EffortSelect({
  model,
  value,
  onChange,
}: {
  model: PlaygroundModel;
  value: EffortLevel | null;
  onChange: (value: EffortLevel | null) => void;
}) {
  const id = useId();
  const levels = model.capabilities.effortLevels;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        Effort
      </label>
      <Select
        id={id}
        value={value ?? ""}
        disabled={levels.length === 0}
        onChange={(event) => onChange((event.target.value || null) as EffortLevel | null)}
      >
        <option value="">Model default</option>
        {levels.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </Select>
      {levels.length === 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{model.displayName} has no effort control.</p>
      )}
    </div>
  );
}

function BudgetControl({
  value,
  onChange,
  problems,
  onDraftProblem,
}: {
  value: number;
  onChange: (value: number) => void;
  problems: string[];
  onDraftProblem: ((problem: string | null) => void) | undefined;
}) {
  const id = useId();
  const sliderValue = Math.min(maximumThinkingBudget, Math.max(minimumThinkingBudget, value));
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label htmlFor={`${id}-tokens`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Thinking budget
        </label>
        <NumberField
          id={`${id}-tokens`}
          aria-label="Thinking budget tokens"
          min={minimumThinkingBudget}
          step={512}
          integer
          allowEmpty={false}
          value={value}
          onChange={(budget) => {
            if (budget !== null) onChange(budget);
          }}
          onDraftProblem={onDraftProblem}
          problems={problems.map((message) => ({ message, tone: "error" as const }))}
          className="h-7 w-24 rounded border border-zinc-300 bg-white px-2 text-right text-xs tabular-nums aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <input
        id={id}
        type="range"
        aria-label="Thinking budget slider"
        min={minimumThinkingBudget}
        max={maximumThinkingBudget}
        step={256}
        value={sliderValue}
        aria-valuetext={`${value.toLocaleString("en-US")} tokens`}
        onChange={(event) => onChange(Number(event.target.value))}
        className="w-full accent-amber-500"
      />
      <div className="flex flex-wrap gap-1" role="group" aria-label="Budget presets">
        {thinkingBudgetPresets.map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => onChange(preset.budgetTokens)}
            aria-pressed={value === preset.budgetTokens}
            className={classNames(
              "rounded border px-2 py-0.5 text-[11px] focus-visible:outline-2 focus-visible:outline-amber-500",
              value === preset.budgetTokens
                ? "border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-500/10 dark:text-amber-200"
                : "border-zinc-300 text-zinc-600 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800",
            )}
          >
            {preset.label} · {preset.range}
          </button>
        ))}
      </div>
    </div>
  );
}
