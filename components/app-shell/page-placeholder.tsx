export function PagePlaceholder({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="space-y-3">
      <h1 id="page-title" className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      <div className="max-w-prose text-zinc-600 dark:text-zinc-400">{children}</div>
    </section>
  );
}
