import type { SnippetLanguage } from "./view-code-types";

/**
 * A small lexer for highlighting the snippets this module generates (not a general
 * highlighter): strings, comments, keywords, numbers and everything else. Joining the
 * tokens' text gives back the input exactly.
 */

export type TokenKind = "string" | "comment" | "keyword" | "number" | "property" | "plain";
export type Token = { kind: TokenKind; text: string };

const KEYWORDS: Record<SnippetLanguage, ReadonlySet<string>> = {
  typescript: new Set([
    "import",
    "from",
    "const",
    "await",
    "new",
    "for",
    "of",
    "if",
    "as",
    "true",
    "false",
    "null",
    "process",
  ]),
  python: new Set(["from", "import", "for", "in", "if", "or", "and", "not", "None", "True", "False", "print"]),
  bash: new Set(["curl"]),
};

const COMMENT_START: Record<SnippetLanguage, string> = { typescript: "//", python: "#", bash: "#" };

export function tokenizeCode(code: string, language: SnippetLanguage): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const previous = tokens.at(-1);
    if (previous && previous.kind === kind && kind === "plain") previous.text += text;
    else tokens.push({ kind, text });
  };
  const keywords = KEYWORDS[language];
  const commentStart = COMMENT_START[language];
  let index = 0;
  while (index < code.length) {
    const character = code[index]!;
    const atWordStart = index === 0 || !/[\w$]/.test(code[index - 1]!);
    if (code.startsWith(commentStart, index) && (language === "typescript" || atWordStart)) {
      const end = lineEnd(code, index);
      push("comment", code.slice(index, end));
      index = end;
    } else if (character === '"' || character === "'" || (character === "`" && language === "typescript")) {
      const end = stringEnd(code, index, character, language === "bash" && character === "'");
      const text = code.slice(index, end);
      push(isPropertyKey(code, end) ? "property" : "string", text);
      index = end;
    } else if (/[0-9]/.test(character) && (index === 0 || /[\s(\[,={]/.test(code[index - 1]!))) {
      const match = /^\d[\d_.eE+-]*/.exec(code.slice(index, index + 32))![0];
      push("number", match);
      index += match.length;
    } else if (/[A-Za-z_$]/.test(character) && atWordStart) {
      const word = /^[A-Za-z_$][\w$]*/.exec(code.slice(index, index + 128))![0];
      push(
        keywords.has(word)
          ? "keyword"
          : language === "typescript" && isPropertyKey(code, index + word.length)
            ? "property"
            : "plain",
        word,
      );
      index += word.length;
    } else {
      push("plain", character);
      index += 1;
    }
  }
  return tokens;
}

function lineEnd(code: string, from: number): number {
  const newline = code.indexOf("\n", from);
  return newline === -1 ? code.length : newline;
}

/** Index just past the closing quote (or the end of the line/input when unterminated). */
function stringEnd(code: string, start: number, quote: string, literal: boolean): number {
  let index = start + 1;
  while (index < code.length) {
    const character = code[index]!;
    if (character === "\\" && !literal) index += 2;
    else if (character === quote) return index + 1;
    else if (character === "\n" && quote !== "`" && !literal) return index;
    else index += 1;
  }
  return code.length;
}

/** A `key:` in an object literal (a colon right after, not `::`). */
function isPropertyKey(code: string, end: number): boolean {
  return code[end] === ":" && code[end + 1] !== ":";
}
