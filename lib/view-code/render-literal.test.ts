import { describe, expect, it } from "vitest";
import { renderLiteral, type LiteralLanguage } from "./render-literal";

const awkward = {
  "x-vendor": "quoted key",
  $schema: "identifier with $",
  "2fa": "key starting with a digit",
  text: 'it\'s "quoted"\nnew line \\ backslash 🚀 \u2028',
  flags: [true, false, null],
  nested: { numbers: [0, -1.5, 1e21] },
};

describe("renderLiteral", () => {
  it.each<[LiteralLanguage, string]>([
    ["json", '{"type": "text", "text": "Hi"}'],
    ["typescript", '{ type: "text", text: "Hi" }'],
    ["python", '{"type": "text", "text": "Hi"}'],
  ])("keeps a short %s container on one line", (language, expected) => {
    expect(renderLiteral({ type: "text", text: "Hi" }, { language })).toBe(expected);
  });

  it("breaks a container that does not fit, one entry per line, with trailing commas outside JSON", () => {
    const value = { role: "user", content: "x".repeat(80) };
    expect(renderLiteral(value, { language: "typescript" })).toBe(
      `{\n  role: "user",\n  content: "${"x".repeat(80)}",\n}`,
    );
    expect(renderLiteral(value, { language: "json" })).toBe(
      `{\n  "role": "user",\n  "content": "${"x".repeat(80)}"\n}`,
    );
  });

  it("counts the column a value starts at", () => {
    const value = { type: "enabled", budget_tokens: 8000 };
    expect(renderLiteral(value, { language: "typescript", maxLineLength: 50 })).not.toContain("\n");
    expect(renderLiteral(value, { language: "typescript", maxLineLength: 50, startColumn: 20 })).toContain("\n");
  });

  it("JSON output parses back to the value", () => {
    expect(JSON.parse(renderLiteral(awkward, { language: "json" }))).toEqual(awkward);
  });

  it("TypeScript output evaluates back to the value (keys quoted only when needed)", () => {
    const code = renderLiteral(awkward, { language: "typescript" });
    expect(code).toContain('"x-vendor": ');
    expect(code).toContain("$schema: ");
    expect(code).toContain('"2fa": ');
    expect(new Function(`return (${code});`)()).toEqual(awkward);
  });

  it("Python output uses True, False and None", () => {
    expect(renderLiteral([true, false, null, 1], { language: "python" })).toBe("[True, False, None, 1]");
  });
});
