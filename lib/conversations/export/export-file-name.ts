/** `Design a rate limiter.switchyard-session.json`: the title, made safe for a file name. */
export function exportFileName(title: string): string {
  const base =
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 80) || "session";
  return `${base}.switchyard-session.json`;
}
