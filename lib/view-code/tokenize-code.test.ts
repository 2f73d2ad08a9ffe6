import { describe, expect, it } from "vitest";
import { viewCodeTestRequests } from "@/tests/helpers/view-code-requests";
import { generateViewCode } from "./generate-view-code";
import { tokenizeCode, type Token } from "./tokenize-code";

const kinds = (tokens: Token[]) =>
  tokens.filter((token) => token.kind !== "plain").map((token) => [token.kind, token.text]);

describe("tokenizeCode", () => {
  it("gives back every generated snippet exactly when its tokens are joined", () => {
    for (const { body } of Object.values(viewCodeTestRequests)) {
      for (const includeFullBase64 of [false, true]) {
        const result = generateViewCode(body, { baseUrl: "http://localhost:3000", includeFullBase64 });
        if (!result.ok) throw new Error(result.error);
        for (const snippet of result.snippets) {
          if (snippet.code === null) continue;
          expect(
            tokenizeCode(snippet.code, snippet.language)
              .map((token) => token.text)
              .join(""),
          ).toBe(snippet.code);
        }
      }
    }
  });

  it.each([
    [
      "typescript",
      'const a = { role: "user", n: 2 }; // hi',
      [
        ["keyword", "const"],
        ["property", "role"],
        ["string", '"user"'],
        ["property", "n"],
        ["number", "2"],
        ["comment", "// hi"],
      ],
    ],
    ["typescript", 'x = "a \\" b"', [["string", '"a \\" b"']]],
    [
      "python",
      'print(f"x {y}")  # note',
      [
        ["keyword", "print"],
        ["string", '"x {y}"'],
        ["comment", "# note"],
      ],
    ],
    [
      "python",
      '{"role": "user"}',
      [
        ["property", '"role"'],
        ["string", '"user"'],
      ],
    ],
    [
      "bash",
      "curl -H \"Authorization: Bearer $KEY\" <<'JSON'",
      [
        ["keyword", "curl"],
        ["string", '"Authorization: Bearer $KEY"'],
        ["string", "'JSON'"],
      ],
    ],
    ["bash", 'echo a#b "#x"', [["string", '"#x"']]],
    [
      "bash",
      "curl -X POST http://127.0.0.1:8100/v3 -d 12",
      [
        ["keyword", "curl"],
        ["number", "12"],
      ],
    ],
  ] as const)("%s: %s", (language, code, expected) => {
    expect(kinds(tokenizeCode(code, language))).toEqual(expected);
  });
});
