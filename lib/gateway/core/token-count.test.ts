import { describe, expect, it } from "vitest";
import { MAX_TOKEN_COUNT, toTokenCount } from "./token-count";

describe("toTokenCount", () => {
  it.each([
    ["a whole count", 42, 42],
    ["zero", 0, 0],
    ["a fraction, rounded", 1.5, 2],
    ["a huge count, clamped", 1e308, MAX_TOKEN_COUNT],
    ["just over the bound, clamped", MAX_TOKEN_COUNT + 1, MAX_TOKEN_COUNT],
    ["a negative count, absent", -5, undefined],
    ["infinity, absent", Infinity, undefined],
    ["NaN, absent", NaN, undefined],
    ["a numeric string, absent", "12", undefined],
    ["null, absent", null, undefined],
    ["undefined, absent", undefined, undefined],
  ])("%s", (_name, value, expected) => {
    expect(toTokenCount(value)).toBe(expected);
  });
});
