/** The dashed box a list shows when it has nothing in it. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center text-[13px] text-zinc-600 dark:text-zinc-400 dark:border-zinc-700">
      {children}
    </p>
  );
}
