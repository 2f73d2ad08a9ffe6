import { renderLiteral } from "./render-literal";

/** One `key: value,` line (or lines) of a TypeScript object literal at `indent` spaces. */
export function typeScriptProperty(key: string, value: unknown, indent: number, suffix = ""): string {
  const prefix = `${" ".repeat(indent)}${key}: `;
  return `${prefix}${renderLiteral(value, { language: "typescript", startIndent: indent, startColumn: prefix.length + suffix.length })}${suffix},`;
}

/** `...{ … },`: fields spread in untyped, so the SDK's types do not reject them. */
export function typeScriptSpread(fields: Record<string, unknown>, indent: number): string {
  const prefix = `${" ".repeat(indent)}...`;
  return `${prefix}${renderLiteral(fields, { language: "typescript", startIndent: indent, startColumn: prefix.length })},`;
}

/** One `key=value,` keyword-argument line (or lines) of a Python call at `indent` spaces. */
export function pythonKeywordArgument(key: string, value: unknown, indent: number): string {
  const prefix = `${" ".repeat(indent)}${key}=`;
  return `${prefix}${renderLiteral(value, { language: "python", indentWidth: 4, startIndent: indent, startColumn: prefix.length })},`;
}

/** Splits a body into the fields `isTyped` accepts and the rest. */
export function partitionFields(
  body: Record<string, unknown>,
  isTyped: (key: string) => boolean,
): { typed: Array<[string, unknown]>; untyped: Record<string, unknown> } {
  const typed: Array<[string, unknown]> = [];
  const untyped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (isTyped(key)) typed.push([key, value]);
    else untyped[key] = value;
  }
  return { typed, untyped };
}
