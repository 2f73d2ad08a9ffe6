const BASE = "http://switchyard.invalid";

/**
 * Where to go after signing in: the `next` parameter when it is a path on this site,
 * otherwise home. Rejects `//evil.example`, `/\evil.example`, absolute URLs and the auth pages.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /^\/[/\\]/.test(next)) return "/";
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE || url.pathname === "/sign-in" || url.pathname === "/setup") return "/";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/";
  }
}
