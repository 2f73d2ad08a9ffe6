import { describe, expect, it } from "vitest";
import { formatAttemptsHeader, MAX_ATTEMPTS_HEADER_LENGTH, type Attempt } from "./attempts";

const attempt = (model: string, extra: Partial<Attempt> = {}): Attempt => ({
  model,
  status: 529,
  latencyMs: 12.4,
  error: "overloaded_error",
  ...extra,
});

/** What Node and undici accept as a header value: visible Latin-1, spaces and tabs. */
const VALID_HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

describe("formatAttemptsHeader", () => {
  it("lists each attempt with its status, latency and error", () => {
    expect(
      formatAttemptsHeader([
        attempt("anthropic/claude-sonnet-4-6"),
        attempt("aws/anthropic/claude-sonnet-4-6", { status: 200, latencyMs: 340, error: undefined }),
      ]),
    ).toBe(
      "anthropic/claude-sonnet-4-6;status=529;ms=12;error=overloaded_error, aws/anthropic/claude-sonnet-4-6;status=200;ms=340",
    );
  });

  it.each([
    ["a NUL", "anthropic/a\u0000b", "anthropic/a%00b"],
    ["a non-Latin-1 character", "anthropic/☃", "anthropic/%E2%98%83"],
    ["a lone surrogate", "anthropic/\ud800", "anthropic/%EF%BF%BD"],
    ["the header's own separators", "a,b;c%d", "a%2Cb%3Bc%25d"],
    ["a newline (header injection)", "a\r\nx-evil: 1", "a%0D%0Ax-evil:%201"],
  ])("escapes %s", (_case, model, expected) => {
    const header = formatAttemptsHeader([attempt(model)]);
    expect(header.startsWith(`${expected};`)).toBe(true);
    expect(header).toMatch(VALID_HEADER_VALUE);
    expect(() => new Headers({ "x-switchyard-attempts": header })).not.toThrow();
  });

  it.each([
    ["a 100 KB model id", [attempt("anthropic/" + "x".repeat(100_000))]],
    ["a 100 KB model id of non-Latin-1 characters", [attempt("☃".repeat(100_000))]],
    ["a thousand attempts", Array.from({ length: 1000 }, (_, index) => attempt(`anthropic/model-${index}`))],
  ])("stays short for %s", (_case, attempts) => {
    const header = formatAttemptsHeader(attempts);
    expect(header.length).toBeLessThanOrEqual(MAX_ATTEMPTS_HEADER_LENGTH + 20);
    expect(header).toMatch(VALID_HEADER_VALUE);
  });

  it("counts the attempts it leaves out", () => {
    const header = formatAttemptsHeader(
      Array.from({ length: 1000 }, (_, index) => attempt(`anthropic/model-${index}`)),
    );
    expect(header).toMatch(/, \+\d+ more$/);
  });
});
