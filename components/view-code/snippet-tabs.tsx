"use client";

import { useId, useRef } from "react";
import { classNames } from "@/components/ui/class-names";
import type { Snippet, SnippetId } from "@/lib/view-code/view-code-types";

/** The tab list over the snippets (WAI-ARIA tabs: arrow keys, Home and End move between them). */
export function SnippetTabs({
  snippets,
  selected,
  onSelect,
  panelId,
  tabId,
}: {
  snippets: Snippet[];
  selected: SnippetId;
  onSelect: (id: SnippetId) => void;
  panelId: string;
  tabId: (id: SnippetId) => string;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const labelId = useId();

  function onKeyDown(event: React.KeyboardEvent) {
    const index = snippets.findIndex((snippet) => snippet.id === selected);
    const next = {
      ArrowRight: (index + 1) % snippets.length,
      ArrowLeft: (index - 1 + snippets.length) % snippets.length,
      Home: 0,
      End: snippets.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const id = snippets[next]!.id;
    onSelect(id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(id))}`)?.focus();
  }

  return (
    <>
      <span id={labelId} className="sr-only">
        Snippet language
      </span>
      <div
        ref={listRef}
        role="tablist"
        aria-labelledby={labelId}
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800/70"
      >
        {snippets.map((snippet) => {
          const active = snippet.id === selected;
          return (
            <button
              key={snippet.id}
              id={tabId(snippet.id)}
              type="button"
              role="tab"
              aria-selected={active}
              aria-controls={panelId}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(snippet.id)}
              className={classNames(
                "rounded-md px-3 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors",
                "focus-visible:outline-2 focus-visible:outline-amber-500",
                active
                  ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50"
                  : "text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {snippet.label}
            </button>
          );
        })}
      </div>
    </>
  );
}
