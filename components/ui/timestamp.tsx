const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A date in the reader's locale, with the exact time on hover; `fallback` when there is none. */
export function Timestamp({
  value,
  fallback = "—",
  withTime,
}: {
  value: string | null;
  fallback?: string;
  withTime?: boolean;
}) {
  if (!value) return <span className="text-zinc-600 dark:text-zinc-400">{fallback}</span>;
  const date = new Date(value);
  return (
    <time dateTime={value} title={dateTimeFormat.format(date)} className="whitespace-nowrap">
      {(withTime ? dateTimeFormat : dateFormat).format(date)}
    </time>
  );
}
