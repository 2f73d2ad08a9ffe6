"use client";

import Link from "next/link";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Badge } from "@/components/ui/badge";
import { classNames } from "@/components/ui/class-names";
import { inputClassName } from "@/components/ui/input";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import { formatContext, formatPrice } from "@/components/conversations/format";

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

  const [placement, setPlacement] = useState<React.CSSProperties | null>(null);

  useEffect(() => {
    if (open) searchRef.current?.focus();
  }, [open]);

  // The list is fixed to the viewport (an ancestor's overflow would clip it) and kept inside it.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const button = buttonRef.current?.getBoundingClientRect();
      if (!button) return;
      setPlacement(pickerPlacement(button, { width: window.innerWidth, height: window.innerHeight }, align));
    };
    place();
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, true);
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, true);
    };
  }, [open, align]);

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

  // Esc closes the list wherever focus is (and is not then taken as "stop the answer").
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    window.document.addEventListener("keydown", onKeyDown);
    return () => window.document.removeEventListener("keydown", onKeyDown);
  }, [open]);

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
      {open &&
        // In <body>: the settings column is sticky (its own stacking context), so the sticky composer
        // would paint over a list that stayed inside it.
        createPortal(
          <div
            id={panelId}
            role="dialog"
            aria-label="Choose a model"
            style={placement ?? { visibility: "hidden" }}
            className="fixed z-40 overflow-y-auto overscroll-contain rounded-lg border border-zinc-200 bg-white p-2 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
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
          </div>,
          window.document.body,
        )}
    </div>
  );
}

const MARGIN = 8;
const PREFERRED_WIDTH = 448;
const MIN_HEIGHT_BELOW = 280;

/**
 * Where the list goes: under the button (above it when there is more room there), as wide as
 * 28rem or the viewport allows, lined up with the button's `align` edge and slid back inside
 * the viewport; on a phone that is the full width less a margin.
 */
function pickerPlacement(
  button: Pick<DOMRect, "left" | "right" | "top" | "bottom">,
  viewport: { width: number; height: number },
  align: "start" | "end",
): React.CSSProperties {
  const width = Math.min(PREFERRED_WIDTH, viewport.width - 2 * MARGIN);
  const wanted = align === "end" ? button.right - width : button.left;
  const left = Math.max(MARGIN, Math.min(wanted, viewport.width - width - MARGIN));
  const below = viewport.height - button.bottom - MARGIN - 4;
  const above = button.top - MARGIN - 4;
  if (below >= MIN_HEIGHT_BELOW || below >= above) {
    return { left, width, top: button.bottom + 4, maxHeight: Math.max(below, 160) };
  }
  return { left, width, bottom: viewport.height - button.top + 4, maxHeight: above };
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
