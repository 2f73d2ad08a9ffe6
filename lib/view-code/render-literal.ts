/**
 * JSON values as source-code literals, laid out like hand-written docs samples: a container
 * that fits on its line stays inline (`{ role: "user", content: "Hi" }`), a longer one breaks
 * one entry per line. Strings are always JSON string literals, which are also valid
 * TypeScript and Python string literals, so any text (quotes, newlines, emoji) is safe.
 */

export type LiteralLanguage = "json" | "typescript" | "python";

export type RenderLiteralOptions = {
  language: LiteralLanguage;
  /** Spaces per nesting level. */
  indentWidth?: number;
  /** Column limit for keeping a container on one line. */
  maxLineLength?: number;
  /** Indentation (in spaces) of the line the literal starts on. */
  startIndent?: number;
  /** Column the literal starts at on that line (defaults to `startIndent`). */
  startColumn?: number;
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function renderLiteral(value: unknown, options: RenderLiteralOptions): string {
  const settings = { indentWidth: 2, maxLineLength: 88, startIndent: 0, ...options };
  return render(value, settings.startIndent, options.startColumn ?? settings.startIndent, settings);
}

type Settings = Omit<Required<RenderLiteralOptions>, "startColumn">;

/** `indent`: of the value's first line; `column`: where the value starts on it. */
function render(value: unknown, indent: number, column: number, settings: Settings): string {
  if (value === null || value === undefined) return settings.language === "python" ? "None" : "null";
  if (typeof value === "boolean") {
    if (settings.language === "python") return value ? "True" : "False";
    return String(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot render ${value} as a literal`);
    return JSON.stringify(value);
  }
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    return container(
      ["[", "]"],
      value.map((item) => (itemIndent: number, itemColumn: number) => render(item, itemIndent, itemColumn, settings)),
      indent,
      column,
      settings,
    );
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    const spaced = settings.language === "typescript";
    return container(
      spaced ? ["{ ", " }"] : ["{", "}"],
      entries.map(([key, item]) => (itemIndent: number, itemColumn: number) => {
        const prefix = `${renderKey(key, settings.language)}: `;
        return `${prefix}${render(item, itemIndent, itemColumn + prefix.length, settings)}`;
      }),
      indent,
      column,
      settings,
    );
  }
  throw new Error(`cannot render a ${typeof value} as a literal`);
}

function renderKey(key: string, language: LiteralLanguage): string {
  return language === "typescript" && IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** Inline when short and flat enough to read; otherwise one entry per line with a trailing comma (not in JSON). */
function container(
  [open, close]: [string, string],
  entries: Array<(indent: number, column: number) => string>,
  indent: number,
  column: number,
  settings: Settings,
): string {
  if (entries.length === 0) return `${open.trim()}${close.trim()}`;
  // Measured as if inline from `column`; nested containers are asked to stay inline too.
  const inline = `${open}${entries.map((entry) => entry(indent, -Infinity)).join(", ")}${close}`;
  if (!inline.includes("\n") && column + inline.length <= settings.maxLineLength) return inline;
  const inner = indent + settings.indentWidth;
  const pad = " ".repeat(inner);
  const lines = entries.map((entry, index) => {
    const comma = index === entries.length - 1 && settings.language === "json" ? "" : ",";
    return `${pad}${entry(inner, inner)}${comma}`;
  });
  return `${open.trim()}\n${lines.join("\n")}\n${" ".repeat(indent)}${close.trim()}`;
}
