import { describe, expect, it } from "vitest";
import { mapUpstreamFailure, parseRetryAfter } from "./map-anthropic-error";

const errorBody = (type: string, message: string) => JSON.stringify({ type: "error", error: { type, message } });

describe("mapUpstreamFailure", () => {
  it.each([
    {
      name: "400 keeps its status and the provider's message",
      failure: { status: 400, bodyText: errorBody("invalid_request_error", "messages: roles must alternate") },
      expected: {
        status: 400,
        type: "invalid_request_error",
        code: "invalid_request_error",
        message: "messages: roles must alternate",
        retryable: false,
      },
    },
    {
      name: "404 (unknown model) stays 404 and is not retried",
      failure: { status: 404, bodyText: errorBody("not_found_error", "model: claude-nope") },
      expected: { status: 404, type: "not_found_error", message: "model: claude-nope", retryable: false },
    },
    {
      name: "429 stays 429, keeps retry-after and may fall back",
      failure: { status: 429, bodyText: errorBody("rate_limit_error", "Rate limited"), retryAfter: "7" },
      expected: {
        status: 429,
        type: "rate_limit_error",
        code: "rate_limit_exceeded",
        retryAfterSeconds: 7,
        retryable: true,
        anthropicType: "rate_limit_error",
      },
    },
    {
      name: "529 overloaded becomes 503",
      failure: { status: 529, bodyText: errorBody("overloaded_error", "Overloaded") },
      expected: {
        status: 503,
        type: "upstream_error",
        code: "provider_overloaded",
        message: "Overloaded",
        retryable: true,
        anthropicType: "overloaded_error",
      },
    },
    {
      name: "503 stays 503",
      failure: { status: 503, bodyText: "Service Unavailable" },
      expected: { status: 503, code: "provider_overloaded", message: "Anthropic returned HTTP 503.", retryable: true },
    },
    {
      name: "500 becomes a retryable 502",
      failure: { status: 500, bodyText: errorBody("api_error", "Internal server error") },
      expected: { status: 502, type: "upstream_error", code: "provider_error", retryable: true },
    },
    {
      name: "504 stays 504",
      failure: { status: 504, bodyText: "" },
      expected: { status: 504, code: "provider_timeout", retryable: true },
    },
    {
      name: "401 becomes 502 provider_authentication_failed naming the credential, never the key",
      failure: { status: 401, bodyText: errorBody("authentication_error", "invalid x-api-key sk-ant-secret") },
      expected: {
        status: 502,
        type: "upstream_error",
        code: "provider_authentication_failed",
        message:
          'Anthropic rejected the credential "Anthropic Production" (HTTP 401). Check the API key in the BYOK settings.',
        retryable: true,
      },
    },
    {
      name: "403 is treated like 401",
      failure: { status: 403, bodyText: errorBody("permission_error", "no access") },
      expected: { status: 502, code: "provider_authentication_failed", retryable: true },
    },
  ])("$name", ({ failure, expected }) => {
    const error = mapUpstreamFailure(
      { kind: "http", retryAfter: null, ...failure },
      { credentialName: "Anthropic Production" },
    );
    expect(error).toMatchObject(expected);
    expect(error.message).not.toContain("sk-ant");
  });

  it("maps connection failures and timeouts to retryable 502 / 504", () => {
    expect(mapUpstreamFailure({ kind: "connection", cause: new Error("ECONNREFUSED") })).toMatchObject({
      status: 502,
      code: "provider_connection_failed",
      retryable: true,
    });
    expect(mapUpstreamFailure({ kind: "timeout", timeoutMs: 30_000 })).toMatchObject({
      status: 504,
      code: "provider_timeout",
      message: "Anthropic did not respond within 30 s.",
      retryable: true,
    });
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["12", 12],
    ["0", 0],
    ["Wed, 21 Oct 2015 07:28:10 GMT", 10],
    ["soon", undefined],
    [null, undefined],
  ])("%s → %s", (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(seconds);
  });
});
