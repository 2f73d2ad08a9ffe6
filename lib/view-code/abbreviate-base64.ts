/**
 * Shortens the large opaque values of a request (attachments as base64 data URIs or raw
 * base64, thinking signatures, redacted thinking) so a snippet stays readable. The result
 * keeps the value's start and says how much was left out; it is for reading, not for
 * running, and callers say so next to the code.
 */

/** Values longer than this (in characters) are abbreviated. */
export const DEFAULT_ABBREVIATE_OVER = 200;

/** Characters of the payload kept before the ellipsis. */
const KEPT_CHARACTERS = 24;

/** Keys whose string values are opaque base64 in Chat Completions and Anthropic Messages bodies. */
const OPAQUE_KEYS = new Set(["data", "file_data", "signature", "reasoning_signature", "redacted_reasoning"]);

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const BASE64_DATA_URI_HEADER = /^data:[^,]*;base64,/i;

export type Abbreviated<Value> = { value: Value; count: number };

/** A deep copy of `value` with every large base64 string abbreviated, and how many were. */
export function abbreviateBase64<Value>(value: Value, abbreviateOver = DEFAULT_ABBREVIATE_OVER): Abbreviated<Value> {
  let count = 0;
  const visit = (node: unknown, key: string | undefined): unknown => {
    if (typeof node === "string") {
      const shortened = abbreviateString(node, key, abbreviateOver);
      if (shortened !== node) count += 1;
      return shortened;
    }
    if (Array.isArray(node)) return node.map((item) => visit(item, undefined));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([entryKey, item]) => [entryKey, visit(item, entryKey)]));
    }
    return node;
  };
  return { value: visit(value, undefined) as Value, count };
}

function abbreviateString(text: string, key: string | undefined, abbreviateOver: number): string {
  const header = BASE64_DATA_URI_HEADER.exec(text)?.[0];
  if (header) {
    const payload = text.slice(header.length);
    return payload.length > abbreviateOver ? `${header}${shorten(payload)}` : text;
  }
  if (key !== undefined && OPAQUE_KEYS.has(key) && text.length > abbreviateOver && BASE64.test(text))
    return shorten(text);
  return text;
}

function shorten(payload: string): string {
  const omitted = payload.length - KEPT_CHARACTERS;
  return `${payload.slice(0, KEPT_CHARACTERS)}…[${omitted.toLocaleString("en-US")} more characters]`;
}
