import { useId } from "react";

/** A titled block of settings: the title and help on the left, the controls on the right. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className="grid grid-cols-1 gap-4 rounded-lg border border-zinc-200 p-5 md:grid-cols-[16rem_1fr] dark:border-zinc-800"
    >
      <div className="min-w-0 space-y-1">
        <h2 id={titleId} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="text-[13px] text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      <div className="max-w-md min-w-0">{children}</div>
    </section>
  );
}
