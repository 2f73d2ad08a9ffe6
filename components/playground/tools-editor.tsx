"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/input";
import { exampleToolSchema, parseToolDraft, type ToolDraft } from "./tool-drafts";

/** Function tools defined as JSON Schema; each is checked as it is typed. */
export function ToolsEditor({
  drafts,
  onChange,
  disabledReason,
}: {
  drafts: ToolDraft[];
  onChange: (drafts: ToolDraft[]) => void;
  disabledReason: string | null;
}) {
  const update = (key: string, changes: Partial<ToolDraft>) =>
    onChange(drafts.map((draft) => (draft.key === key ? { ...draft, ...changes } : draft)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">Tools</legend>
      {disabledReason && <p className="text-xs text-zinc-600 dark:text-zinc-400">{disabledReason}</p>}
      {drafts.length === 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          No tools. Add a function the model may call; you answer its calls.
        </p>
      )}
      {drafts.map((draft, index) => (
        <ToolDraftEditor
          key={draft.key}
          draft={draft}
          index={index}
          onChange={(changes) => update(draft.key, changes)}
          onRemove={() => onChange(drafts.filter((candidate) => candidate.key !== draft.key))}
        />
      ))}
      <Button
        size="sm"
        onClick={() =>
          onChange([
            ...drafts,
            {
              key: `${Date.now()}`,
              name: drafts.length === 0 ? "get_weather" : `tool_${drafts.length + 1}`,
              description: "",
              schemaText: exampleToolSchema,
            },
          ])
        }
      >
        Add tool
      </Button>
    </fieldset>
  );
}

function ToolDraftEditor({
  draft,
  index,
  onChange,
  onRemove,
}: {
  draft: ToolDraft;
  index: number;
  onChange: (changes: Partial<ToolDraft>) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const { problem } = parseToolDraft(draft);
  return (
    <div className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor={`${id}-name`} className="text-xs font-medium">
            Tool {index + 1} name
          </label>
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(event) => onChange({ name: event.target.value })}
            className={`${inputClassName} h-8 font-mono text-xs`}
          />
        </div>
        <Button
          size="sm"
          variant="dangerGhost"
          onClick={onRemove}
          aria-label={`Remove tool ${draft.name || index + 1}`}
        >
          Remove
        </Button>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-description`} className="text-xs font-medium">
          Description
        </label>
        <input
          id={`${id}-description`}
          value={draft.description}
          onChange={(event) => onChange({ description: event.target.value })}
          className={`${inputClassName} h-8 text-xs`}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-schema`} className="text-xs font-medium">
          Input schema (JSON Schema)
        </label>
        <textarea
          id={`${id}-schema`}
          rows={6}
          spellCheck={false}
          value={draft.schemaText}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => onChange({ schemaText: event.target.value })}
          className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
        {problem && (
          <p id={`${id}-problem`} className="text-[11px] text-red-600 dark:text-red-400">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
