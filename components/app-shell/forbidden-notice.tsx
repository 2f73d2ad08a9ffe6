import Link from "next/link";

/**
 * What a member sees on an admin page: pages call `forbidden()` (next/navigation, enabled by
 * `experimental.authInterrupts`), so the response is a real 403 and a forbidden.tsx boundary
 * renders this notice.
 */
export function ForbiddenNotice({ what }: { what?: string }) {
  return (
    <section
      aria-labelledby="forbidden-title"
      className="mx-auto max-w-md rounded-xl border border-zinc-200 p-6 text-center dark:border-zinc-800"
    >
      <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">403</p>
      <h1 id="forbidden-title" className="mt-1 text-lg font-semibold tracking-tight">
        Admins only
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {what
          ? `${what} can only be managed by an admin of this Switchyard.`
          : "Only an admin of this Switchyard can open this page."}{" "}
        Ask an admin if you need access.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-amber-700 underline dark:text-amber-400">
        Back to home
      </Link>
    </section>
  );
}
