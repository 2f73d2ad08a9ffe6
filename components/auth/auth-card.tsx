/** The centred card the sign-in and first-run pages sit in. */
export function AuthCard({
  title,
  description,
  children,
}: {
  title: string;
  description: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby="auth-title"
      className="mx-auto mt-6 w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:mt-14 dark:border-zinc-800 dark:bg-zinc-900/50"
    >
      <div className="mb-5 space-y-1.5">
        <h1 id="auth-title" className="text-lg font-semibold tracking-tight">
          {title}
        </h1>
        <p className="text-[13px] text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
      {children}
    </section>
  );
}
