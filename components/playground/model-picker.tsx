"use client";

import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { classNames } from "@/components/ui/class-names";
import { inputClassName } from "@/components/ui/input";
import type { PlaygroundModel } from "@/lib/playground/playground-models";
import { formatContext, formatPrice } from "./format";

function capabilityBadges(model: PlaygroundModel): string[] {
  const { capabilities } = model;
  return [
    capabilities.thinking.adaptive && "Adaptive thinking",
    capabilities.thinking.manual && "Manual thinking",
    capabilities.vision && "Vision",
    capabilities.pdf && "PDF",
    capabilities.tools && "Tools",
  ].filter((badge): badge is string => Boolean(badge));
}

/** Searchable, grouped by provider; unavailable models say what to configure. */
export function ModelPicker({
  models,
  value,
  onChange,
  align = "end",
}: {
  models: PlaygroundModel[];
  value: string;
  onChange: (modelId: string) => void;
  /** Which edge of the button the (wider) list lines up with; "start" for a narrow button near the left. */
  align?: "start" | "end";
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const panelId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const selected = models.find((model) => model.id === value);

  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  const groups = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = models.filter((model) => {
      const haystack = `${model.id} ${model.displayName} ${model.providerLabel} ${model.strengths}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    });
    const byProvider = new Map<string, PlaygroundModel[]>();
    for (const model of matches)
      byProvider.set(model.providerLabel, [...(byProvider.get(model.providerLabel) ?? []), model]);
    return [...byProvider.entries()];
  }, [models, query]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="flex w-full items-center justify-between gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-left text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <span className="min-w-0">
          {/* The name is the visible text (label in name), then what the button does. */}
          <span className="block truncate font-medium">{selected?.displayName ?? value}</span>{" "}
          <span className="block truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{value}</span>{" "}
          <span className="sr-only">Change model</span>
        </span>
        <span aria-hidden className="text-zinc-600 dark:text-zinc-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label="Choose a model"
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
          className={classNames(
            "absolute right-0 left-0 z-30 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-2 shadow-xl sm:w-[28rem] dark:border-zinc-700 dark:bg-zinc-900",
            align === "end" ? "sm:left-auto" : "sm:right-auto",
          )}
        >
          <input
            ref={searchRef}
            type="search"
            aria-label="Search models"
            placeholder="Search models…"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            className={classNames(inputClassName, "mb-2")}
          />
          {groups.length === 0 && (
            <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">No model matches “{query}”.</p>
          )}
          {groups.map(([provider, providerModels]) => (
            <section key={provider} aria-label={provider} className="mb-2">
              <h3 className="px-2 py-1 text-xs font-semibold tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">
                {provider}
              </h3>
              <ul className="space-y-1">
                {providerModels.map((model) => (
                  <li key={model.id}>
                    <ModelOption
                      model={model}
                      selected={model.id === value}
                      onPick={() => {
                        onChange(model.id);
                        close();
                      }}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function ModelOption({ model, selected, onPick }: { model: PlaygroundModel; selected: boolean; onPick: () => void }) {
  const reasonId = useId();
  return (
    <div
      className={classNames(
        "rounded-md border p-2",
        selected ? "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-500/10" : "border-transparent",
      )}
    >
      <button
        type="button"
        disabled={!model.available}
        aria-pressed={selected}
        aria-describedby={model.available ? undefined : reasonId}
        onClick={onPick}
        // Dimmed is the button only: the reason below must stay readable (contrast).
        className="w-full rounded text-left focus-visible:outline-2 focus-visible:outline-amber-500 disabled:cursor-not-allowed disabled:opacity-70"
      >
        <span className="flex flex-wrap items-baseline justify-between gap-x-2">
          <span className="font-medium">{model.displayName}</span>
          <span className="font-mono text-[11px] text-zinc-600 dark:text-zinc-400">{model.id}</span>
        </span>
        <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{model.strengths}</span>
        <span className="mt-1 flex flex-wrap gap-x-3 text-[11px] text-zinc-600 dark:text-zinc-400">
          <span>{formatContext(model.contextWindow)} context</span>
          <span>
            {formatPrice(model.pricing.inputPerMillionTokens)} in / {formatPrice(model.pricing.outputPerMillionTokens)}{" "}
            out per MTok
          </span>
          {model.lifecycle !== "active" && <span>{model.lifecycle}</span>}
        </span>
        <span className="mt-1 flex flex-wrap gap-1">
          {capabilityBadges(model).map((badge) => (
            <Badge key={badge}>{badge}</Badge>
          ))}
        </span>
      </button>
      {!model.available && (
        <p id={reasonId} className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          {model.unavailableReason}{" "}
          <Link href="/gateway/byok" className="underline">
            Open BYOK
          </Link>
        </p>
      )}
    </div>
  );
}
