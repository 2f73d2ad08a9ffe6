"use client";

import { useId, useState } from "react";
import type { Parameters } from "@/lib/conversations/document/conversation-document";
import { NumberField } from "./number-field";
import type { SettingsProblem } from "@/lib/conversations/settings/validate-turn-settings";

export type NumberSetting = "maxTokens" | "temperature" | "topP" | "topK";

const FIELDS: Array<{
  field: NumberSetting;
  label: string;
  placeholder: string;
  step: string;
  min: number;
  max?: number;
  integer: boolean;
}> = [
  { field: "maxTokens", label: "Max tokens", placeholder: "model default", step: "1", min: 1, integer: true },
  { field: "temperature", label: "Temperature", placeholder: "unset", step: "0.1", min: 0, max: 1, integer: false },
  { field: "topP", label: "Top P", placeholder: "unset", step: "0.05", min: 0, max: 1, integer: false },
  { field: "topK", label: "Top K", placeholder: "unset", step: "1", min: 1, integer: true },
];

/** max_tokens, temperature, top_p, top_k, stop sequences; problems from the gateway's rules appear under each field. */
export function ParametersPanel({
  value,
  onChange,
  problems,
  disabledReason,
  defaultMaxTokens,
  onDraftProblem,
}: {
  value: Parameters;
  onChange: (value: Parameters) => void;
  problems: { errors: SettingsProblem[]; warnings: SettingsProblem[] };
  disabledReason: Partial<Record<NumberSetting, string>>;
  /** What the gateway sends as max_tokens when the field is empty. */
  defaultMaxTokens: number;
  /** A field's typed text is not a valid number (null once it is). */
  onDraftProblem: (field: NumberSetting, problem: string | null) => void;
}) {
  const id = useId();
  const [stopText, setStopText] = useState(value.stopSequences.join("\n"));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Parameters</legend>
      <div className="grid grid-cols-2 gap-3">
        {FIELDS.map(({ field, label, placeholder, step, min, max, integer }) => {
          const fieldProblems = [
            ...problems.errors
              .filter((problem) => problem.field === field)
              .map((problem) => ({ ...problem, tone: "error" as const })),
            ...problems.warnings
              .filter((problem) => problem.field === field)
              .map((problem) => ({ ...problem, tone: "warning" as const })),
          ];
          return (
            <div key={field} className="space-y-1">
              <label htmlFor={`${id}-${field}`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
                {label}
              </label>
              <NumberField
                id={`${id}-${field}`}
                step={step}
                min={min}
                max={max}
                integer={integer}
                allowEmpty
                placeholder={
                  disabledReason[field]
                    ? "not accepted"
                    : field === "maxTokens"
                      ? `${defaultMaxTokens} (default)`
                      : placeholder
                }
                disabled={Boolean(disabledReason[field]) && value[field] === null}
                value={value[field]}
                onChange={(parsed) => onChange({ ...value, [field]: parsed })}
                onDraftProblem={(problem) => onDraftProblem(field, problem)}
                problems={fieldProblems}
                notes={[
                  ...(disabledReason[field] ? [disabledReason[field]] : []),
                  ...(field === "maxTokens" && value.maxTokens === null
                    ? [`Unset: the model default, ${defaultMaxTokens.toLocaleString("en-US")} tokens.`]
                    : []),
                ]}
                className="block h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm tabular-nums disabled:cursor-not-allowed disabled:bg-zinc-50 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:disabled:bg-zinc-800"
              />
            </div>
          );
        })}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-stop`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Stop sequences <span className="font-normal text-zinc-600 dark:text-zinc-400">(one per line)</span>
        </label>
        <textarea
          id={`${id}-stop`}
          rows={2}
          value={stopText}
          onChange={(event) => {
            setStopText(event.target.value);
            onChange({
              ...value,
              stopSequences: event.target.value
                .split("\n")
                .filter((line) => line !== "")
                .slice(0, 8),
            });
          }}
          className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
    </fieldset>
  );
}
