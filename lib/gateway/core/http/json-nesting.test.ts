import { describe, expect, it } from "vitest";
import { exceedsJsonNesting, MAX_JSON_NESTING } from "./json-nesting";

const nested = (depth: number, open = "[", close = "]") => open.repeat(depth) + close.repeat(depth);

describe("exceedsJsonNesting", () => {
  it.each([
    ["a flat object", '{"model":"x","max_tokens":1}', false],
    ["an empty body", "", false],
    ["a scalar", "42", false],
    [`arrays ${MAX_JSON_NESTING} deep`, nested(MAX_JSON_NESTING), false],
    [`arrays ${MAX_JSON_NESTING + 1} deep`, nested(MAX_JSON_NESTING + 1), true],
    ["objects and arrays mixed, too deep", '{"a":['.repeat(65) + "1" + "]}".repeat(65), true],
    ["50,000 levels of objects", '{"m":'.repeat(50_000) + "1" + "}".repeat(50_000), true],
    ["brackets inside strings", JSON.stringify({ text: "[".repeat(10_000) + "{".repeat(10_000) }), false],
    ["escaped quotes inside strings", JSON.stringify({ text: `say \\"[[[[" ${"[".repeat(500)}` }), false],
    ["a string ending in a backslash", JSON.stringify({ text: "C:\\", more: ["x"] }), false],
    ["an unterminated string", '{"text":"[[[[[[', false],
    ["closing brackets only", "]".repeat(1000), false],
  ])("%s → %s", (_case, text, expected) => {
    expect(exceedsJsonNesting(text)).toBe(expected);
  });

  it("counts depth after a string that held brackets", () => {
    expect(exceedsJsonNesting(`["]]]]",${nested(3)}]`, 3)).toBe(true);
    expect(exceedsJsonNesting(`["]]]]",${nested(2)}]`, 3)).toBe(false);
  });
});
