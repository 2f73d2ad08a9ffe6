import { describe, expect, it } from "vitest";
import { splitMarkdownChunks } from "./split-markdown-chunks";

const paragraph = (label: string) => `${label} ${"word ".repeat(8).trim()}.`;

describe("splitMarkdownChunks", () => {
  it.each([
    [
      "a short answer stays whole",
      "Hello **world**.\n\nSecond paragraph.",
      1000,
      ["Hello **world**.\n\nSecond paragraph."],
    ],
    ["splits at a blank line once a chunk is long enough", "aaaa\n\nbbbb\n\ncccc", 4, ["aaaa\n\n", "bbbb\n\n", "cccc"]],
    [
      "not inside a code fence",
      "```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nafter",
      4,
      ["```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n", "after"],
    ],
    ["not inside a tilde fence closed by a longer run", "~~~\nx\n\ny\n~~~~\n\nz", 1, ["~~~\nx\n\ny\n~~~~\n\n", "z"]],
    [
      "not before an indented line (list continuation or indented code)",
      "- item\n\n    more of the item\n\nnext",
      4,
      ["- item\n\n    more of the item\n\n", "next"],
    ],
    ["not before the next line has started (it may be indented)", "aaaa\n\n", 4, ["aaaa\n\n"]],
    [
      "an unclosed fence at the end keeps the rest together",
      "aaaa\n\n```\ncode\n\nmore",
      4,
      ["aaaa\n\n", "```\ncode\n\nmore"],
    ],
    ["empty text", "", 4, [""]],
  ])("%s", (_name, text, size, expected) => {
    expect(splitMarkdownChunks(text, size)).toEqual(expected);
  });

  it("joins back to the text, and earlier chunks never change as the text streams in", () => {
    const text = Array.from({ length: 60 }, (_, index) =>
      index % 7 === 3 ? "```ts\nconst x = 1;\n\nconst y = 2;\n```" : paragraph(`p${index}`),
    ).join("\n\n");
    let previous: string[] = [];
    for (let length = 0; length <= text.length; length += 13) {
      const chunks = splitMarkdownChunks(text.slice(0, length), 200);
      expect(chunks.join("")).toBe(text.slice(0, length));
      expect(chunks.slice(0, previous.length - 1)).toEqual(previous.slice(0, -1));
      previous = chunks;
    }
    expect(previous.length).toBeGreaterThan(5);
  });
});
