"use client";

import { useId } from "react";
import type { CacheMark } from "@/lib/conversations/document/conversation-document";
import { CacheTtlSelect } from "./cache-ttl-select";

export function SystemPromptEditor({
  value,
  cache,
  onChange,
  onCacheChange,
}: {
  value: string;
  cache: CacheMark | null;
  onChange: (value: string) => void;
  onCacheChange: (cache: CacheMark | null) => void;
}) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          System prompt
        </label>
        <CacheTtlSelect label="Cache breakpoint on the system prompt" value={cache} onChange={onCacheChange} />
      </div>
      <textarea
        id={id}
        rows={5}
        value={value}
        placeholder="You are a helpful assistant…"
        onChange={(event) => onChange(event.target.value)}
        className="block max-h-96 w-full resize-y rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
}
