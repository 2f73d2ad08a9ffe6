import { describe, expect, it } from "vitest";
import { pluralize } from "./pluralize";

describe("pluralize", () => {
  it.each([
    [0, "page", undefined, "0 pages"],
    [1, "page", undefined, "1 page"],
    [2, "page", undefined, "2 pages"],
    [1200, "page", undefined, "1,200 pages"],
    [1, "entry", "entries", "1 entry"],
    [3, "entry", "entries", "3 entries"],
  ])("%d %s", (count, singular, plural, expected) => {
    expect(pluralize(count, singular, plural)).toBe(expected);
  });
});
