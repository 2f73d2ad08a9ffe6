import type { CacheMark } from "@/lib/conversations/document/conversation-document";
import { classNames } from "@/components/ui/class-names";

/** "No cache" / 5 min / 1 hour: marks a cache breakpoint. `label` names the control for screen readers. */
export function CacheTtlSelect({
  value,
  onChange,
  label,
  disabled,
  className,
}: {
  value: CacheMark | null | undefined;
  onChange: (value: CacheMark | null) => void;
  label: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <select
      aria-label={label}
      title={label}
      disabled={disabled}
      value={value?.ttl ?? ""}
      onChange={(event) => onChange(event.target.value === "" ? null : { ttl: event.target.value as CacheMark["ttl"] })}
      className={classNames(
        "h-7 rounded border border-zinc-300 bg-white px-1.5 text-xs text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
        value ? "border-amber-400 text-amber-800 dark:border-amber-600 dark:text-amber-300" : "",
        className,
      )}
    >
      <option value="">No cache</option>
      <option value="5m">Cache 5m</option>
      <option value="1h">Cache 1h</option>
    </select>
  );
}
