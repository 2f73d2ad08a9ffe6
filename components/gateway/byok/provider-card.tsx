import { Button } from "@/components/ui/button";
import type { ProviderEntry } from "./provider-catalog";

export function ProviderCard({
  entry,
  configuredCount,
  onConfigure,
}: {
  entry: ProviderEntry;
  configuredCount: number | undefined;
  onConfigure: () => void;
}) {
  const titleId = `provider-${entry.provider}`;
  return (
    <li
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex items-center gap-3">
        <span
          aria-hidden
          className="grid size-8 shrink-0 place-items-center rounded-md bg-zinc-900 font-mono text-sm font-semibold text-amber-400 dark:bg-zinc-800"
        >
          {entry.monogram}
        </span>
        <div className="min-w-0">
          <h3 id={titleId} className="text-sm leading-tight font-semibold">
            {entry.label}
          </h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {configuredCount === undefined
              ? "\u00a0"
              : configuredCount === 0
                ? "Not configured"
                : `${configuredCount} configured`}
          </p>
        </div>
      </div>
      <p className="flex-1 text-[13px] text-zinc-600 dark:text-zinc-400">{entry.description}</p>
      <Button size="sm" onClick={onConfigure} aria-label={`Configure ${entry.label}`} className="self-start">
        Configure
      </Button>
    </li>
  );
}
