import { describe, expect, it } from "vitest";
import { anthropicRateLimitHeaders, openAIRateLimitHeadersFromProvider } from "./provider-rate-limit-headers";

const now = new Date("2026-11-23T12:00:00.000Z");

describe("openAIRateLimitHeadersFromProvider", () => {
  it.each<{ name: string; headers: Record<string, string>; expected: Record<string, string> }>([
    {
      name: "maps both dimensions, reset as a duration",
      headers: {
        "anthropic-ratelimit-requests-limit": "1000",
        "anthropic-ratelimit-requests-remaining": "999",
        "anthropic-ratelimit-requests-reset": "2026-11-23T12:00:07Z",
        "anthropic-ratelimit-tokens-limit": "96000",
        "anthropic-ratelimit-tokens-remaining": "95000",
        "anthropic-ratelimit-tokens-reset": "2026-11-23T12:01:30Z",
        "anthropic-ratelimit-input-tokens-limit": "80000",
      },
      expected: {
        "x-ratelimit-limit-requests": "1000",
        "x-ratelimit-remaining-requests": "999",
        "x-ratelimit-reset-requests": "7s",
        "x-ratelimit-limit-tokens": "96000",
        "x-ratelimit-remaining-tokens": "95000",
        "x-ratelimit-reset-tokens": "1m30s",
      },
    },
    {
      name: "a reset in the past reads 0s; an unparsable reset is left out",
      headers: {
        "anthropic-ratelimit-requests-limit": "50",
        "anthropic-ratelimit-requests-remaining": "0",
        "anthropic-ratelimit-requests-reset": "2026-11-23T11:59:00Z",
        "anthropic-ratelimit-tokens-limit": "10",
        "anthropic-ratelimit-tokens-remaining": "10",
        "anthropic-ratelimit-tokens-reset": "soon",
      },
      expected: {
        "x-ratelimit-limit-requests": "50",
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": "0s",
        "x-ratelimit-limit-tokens": "10",
        "x-ratelimit-remaining-tokens": "10",
      },
    },
    {
      name: "a dimension without both limit and remaining is left out",
      headers: {
        "anthropic-ratelimit-requests-limit": "50",
        "anthropic-ratelimit-tokens-limit": "x",
        "anthropic-ratelimit-tokens-remaining": "5",
      },
      expected: {},
    },
    { name: "no provider headers (Bedrock, Vertex)", headers: { "content-type": "application/json" }, expected: {} },
  ])("$name", ({ headers, expected }) => {
    expect(openAIRateLimitHeadersFromProvider(new Headers(headers), now)).toEqual(expected);
  });

  it("answers nothing when there was no provider response", () => {
    expect(openAIRateLimitHeadersFromProvider(undefined, now)).toEqual({});
  });
});

describe("anthropicRateLimitHeaders", () => {
  it("keeps every anthropic-ratelimit-* header and nothing else", () => {
    const headers = new Headers({
      "anthropic-ratelimit-requests-limit": "1000",
      "anthropic-ratelimit-output-tokens-reset": "2026-11-23T12:00:07Z",
      "request-id": "req_1",
      "x-api-key": "sk-never",
    });
    expect(anthropicRateLimitHeaders(headers)).toEqual([
      ["anthropic-ratelimit-output-tokens-reset", "2026-11-23T12:00:07Z"],
      ["anthropic-ratelimit-requests-limit", "1000"],
    ]);
  });
});
