import { describe, expect, it } from "vitest";
import { formatUsd } from "./format-usd";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [9_100, "$0.0091"],
    [12_345, "$0.0123"],
    [500_000, "$0.50"],
    [999_960, "$1.00"],
    [1_234_567, "$1.23"],
    [1_234_567_890, "$1,234.57"],
    [12, "$0.000012"],
    [-9_100, "-$0.0091"],
    [0.4, "$0.00"],
  ])("%d micro-dollars → %s", (micros, expected) => {
    expect(formatUsd(micros)).toBe(expected);
  });
});
