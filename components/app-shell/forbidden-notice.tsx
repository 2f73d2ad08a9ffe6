import Link from "next/link";

/**
 * What a member sees on an admin page. Next.js can only send a real 403 status from a page via
 * `forbidden()`, which needs `experimental.authInterrupts` in next.config.ts; until then this
 * renders in place (status 200) and the admin APIs behind the page answer 403.
 */
export function ForbiddenNotice({ what }: { what: string }) {
  return (
    <section
      aria-labelledby="forbidden-title"
      className="mx-auto max-w-md rounded-xl border border-zinc-200 p-6 text-center dark:border-zinc-800"
    >
      <p className="font-mono text-xs text-zinc-500">403</p>
      <h1 id="forbidden-title" className="mt-1 text-lg font-semibold tracking-tight">
        Admins only
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {what} can only be managed by an admin of this Switchyard. Ask an admin if you need access.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-amber-700 underline dark:text-amber-400">
        Back to home
      </Link>
    </section>
  );
}
