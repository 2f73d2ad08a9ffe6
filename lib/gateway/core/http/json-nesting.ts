/** Deepest JSON nesting a gateway request may have: no API body comes close, and deeper ones are attacks. */
export const MAX_JSON_NESTING = 128;

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, found by one pass over the
 * text before it is parsed: `JSON.parse` accepts any depth (a million levels took 1.8 s), and
 * everything after it that walks the value — validation, logging, `JSON.stringify` — recurses
 * and would throw on it. Strings are skipped whole, so brackets inside them do not count; the
 * text need not be valid JSON (the parser judges that).
 */
export function exceedsJsonNesting(text: string, maxDepth = MAX_JSON_NESTING): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === QUOTE) {
      index = endOfString(text, index);
      if (index === -1) return false;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The index of the quote closing the string opened at `start`, or -1 when it is never closed. */
function endOfString(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
