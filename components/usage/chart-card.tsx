/** A titled chart; the figure is named for screen readers and tests, the chart itself is decorative SVG. */
export function ChartCard({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <figure aria-label={title} className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <figcaption>
        <p className="text-sm font-semibold">{title}</p>
        {description && <p className="text-xs text-zinc-600 dark:text-zinc-400">{description}</p>}
      </figcaption>
      <div className="h-56">{children}</div>
    </figure>
  );
}

/** Series colours that read on light and dark backgrounds. */
export const SERIES_COLORS = ["#d97706", "#2563eb", "#059669", "#db2777", "#7c3aed", "#0891b2", "#71717a"];
