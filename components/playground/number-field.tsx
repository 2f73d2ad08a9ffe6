"use client";

import { useState } from "react";
import { classNames } from "@/components/ui/class-names";

export type NumberDraft = { value: number | null } | { problem: string };

/** The typed text → a number, null (empty, where allowed) or what is wrong with it. Never clamps. */
export function parseNumberDraft(text: string, options: { integer: boolean; allowEmpty: boolean }): NumberDraft {
  const trimmed = text.trim();
  if (trimmed === "") return options.allowEmpty ? { value: null } : { problem: "Enter a number." };
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed)) return { problem: `"${trimmed}" is not a number.` };
  if (options.integer && !Number.isInteger(parsed)) return { problem: "Enter a whole number." };
  return { value: parsed };
}

/**
 * A numeric setting typed freely: the text is kept as typed and a valid number is passed on
 * exactly as typed (the old field clamped on every keystroke, so "2000" ended as 64,000).
 * What is wrong — the text itself, or the rules' `problems` — is said under the field once the
 * user leaves it; the send button's blockers say it before sending.
 */
export function NumberField({
  id,
  value,
  onChange,
  onDraftProblem,
  integer,
  allowEmpty,
  problems,
  notes = [],
  className,
  ...inputProps
}: {
  id: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** What is wrong with the typed text (null when it is a valid number), so a send can be refused. */
  onDraftProblem?: (problem: string | null) => void;
  integer: boolean;
  allowEmpty: boolean;
  /** The rules' problems with the committed value. */
  problems: Array<{ message: string; tone: "error" | "warning" }>;
  /** Neutral help (why a field is disabled, the effective default). */
  notes?: string[];
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "id" | "className">) {
  const [draft, setDraft] = useState(value === null ? "" : String(value));
  const [shownValue, setShownValue] = useState(value);
  const [editing, setEditing] = useState(false);
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  // A value set from elsewhere (a preset, a model switch) replaces the text.
  if (value !== shownValue) {
    setShownValue(value);
    const current = parseNumberDraft(draft, { integer, allowEmpty });
    if (!("value" in current) || current.value !== value) {
      setDraft(value === null ? "" : String(value));
      setDraftProblem(null);
    }
  }
  const visible = editing
    ? []
    : [...(draftProblem ? [{ message: draftProblem, tone: "error" as const }] : []), ...problems];
  const helpId = `${id}-help`;
  const hasHelp = visible.length > 0 || notes.length > 0;
  return (
    <>
      <input
        {...inputProps}
        id={id}
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        value={draft}
        aria-invalid={visible.some((problem) => problem.tone === "error") || undefined}
        aria-describedby={hasHelp ? helpId : undefined}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          setEditing(true);
          const parsed = parseNumberDraft(text, { integer, allowEmpty });
          const problem = "problem" in parsed ? parsed.problem : null;
          setDraftProblem(problem);
          onDraftProblem?.(problem);
          if ("value" in parsed) {
            setShownValue(parsed.value);
            onChange(parsed.value);
          }
        }}
        onBlur={(event) => {
          setEditing(false);
          inputProps.onBlur?.(event);
        }}
        className={className}
      />
      {hasHelp && (
        <div id={helpId} className="basis-full space-y-0.5">
          {notes.map((note) => (
            <p key={note} className="text-[11px] text-zinc-600 dark:text-zinc-400">
              {note}
            </p>
          ))}
          <div role="alert" className="space-y-0.5">
            {visible.map((problem) => (
              <p
                key={problem.message}
                className={classNames(
                  "text-[11px]",
                  problem.tone === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-300",
                )}
              >
                {problem.message}
              </p>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
