/** A page's title, one line of context and its main actions. */
export function PageHeader({
  title,
  description,
  actions,
  titleId = "page-title",
}: {
  title: string;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  titleId?: string;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0 space-y-1">
        <h1 id={titleId} className="text-xl font-semibold tracking-tight">
          {title}
        </h1>
        {description && <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 gap-2">{actions}</div>}
    </div>
  );
}
