"use client";

import { useId, useState } from "react";
import type { Parameters } from "@/lib/playground/session-document";
import type { SettingsProblem } from "@/lib/playground/validate-turn-settings";

type NumberField = "maxTokens" | "temperature" | "topP" | "topK";

const FIELDS: Array<{
  field: NumberField;
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
}: {
  value: Parameters;
  onChange: (value: Parameters) => void;
  problems: { errors: SettingsProblem[]; warnings: SettingsProblem[] };
  disabledReason: Partial<Record<NumberField, string>>;
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
          const describedBy = fieldProblems.length || disabledReason[field] ? `${id}-${field}-help` : undefined;
          return (
            <div key={field} className="space-y-1">
              <label htmlFor={`${id}-${field}`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
                {label}
              </label>
              <input
                id={`${id}-${field}`}
                type="number"
                inputMode={integer ? "numeric" : "decimal"}
                step={step}
                min={min}
                max={max}
                placeholder={disabledReason[field] ? "not accepted" : placeholder}
                disabled={Boolean(disabledReason[field]) && value[field] === null}
                aria-invalid={fieldProblems.some((problem) => problem.tone === "error") || undefined}
                aria-describedby={describedBy}
                value={value[field] ?? ""}
                onChange={(event) => {
                  const raw = event.target.value;
                  const parsed = raw === "" ? null : integer ? Math.round(Number(raw)) : Number(raw);
                  onChange({ ...value, [field]: parsed === null || Number.isFinite(parsed) ? parsed : null });
                }}
                className="block h-8 w-full rounded-md border border-zinc-300 bg-white px-2 text-sm tabular-nums disabled:cursor-not-allowed disabled:bg-zinc-50 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:disabled:bg-zinc-800"
              />
              {describedBy && (
                <div id={describedBy} className="space-y-0.5">
                  {disabledReason[field] && (
                    <p className="text-[11px] text-zinc-600 dark:text-zinc-400">{disabledReason[field]}</p>
                  )}
                  {fieldProblems.map((problem) => (
                    <p
                      key={problem.message}
                      className={
                        problem.tone === "error"
                          ? "text-[11px] text-red-600 dark:text-red-400"
                          : "text-[11px] text-amber-700 dark:text-amber-300"
                      }
                    >
                      {problem.message}
                    </p>
                  ))}
                </div>
              )}
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
