import { describe, expect, it } from "vitest";
import { capitalizeSentenceStart } from "./sentence-start";

describe("capitalizeSentenceStart", () => {
  it.each([
    ["sign in first", "Sign in first"],
    ["email or password is wrong", "Email or password is wrong"],
    ["this: needs an admin", "This: needs an admin"],
    ["chart.pdf has 101 pages; PDFs may have at most 100.", "chart.pdf has 101 pages; PDFs may have at most 100."],
    ["report-v2.png is empty.", "report-v2.png is empty."],
    ["résumé.pdf could not be read as a PDF.", "résumé.pdf could not be read as a PDF."],
    ["my_notes.pdf is empty.", "my_notes.pdf is empty."],
    ["Already capitalized", "Already capitalized"],
    ["", ""],
  ])("%j → %j", (message, expected) => {
    expect(capitalizeSentenceStart(message)).toBe(expected);
  });
});
