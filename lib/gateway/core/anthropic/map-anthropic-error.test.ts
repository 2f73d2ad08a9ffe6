import { describe, expect, it } from "vitest";
import { mapUpstreamFailure, parseRetryAfter } from "./map-anthropic-error";
import { pickNativeErrorHeaders } from "./native-upstream-error";

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

describe("mapUpstreamFailure: the provider's own answer (`native`), for Anthropic-native endpoints", () => {
  const headers = { "request-id": "req_h", "retry-after": "3", "x-should-retry": "true" };
  it.each([
    {
      name: "529 keeps its status, type, message and the body's request id",
      failure: {
        status: 529,
        bodyText: JSON.stringify({ ...JSON.parse(errorBody("overloaded_error", "Overloaded")), request_id: "req_b" }),
      },
      native: { status: 529, type: "overloaded_error", message: "Overloaded", requestId: "req_b", headers },
    },
    {
      name: "500 stays 500 (the OpenAI mapping says 502)",
      failure: { status: 500, bodyText: errorBody("api_error", "Internal server error") },
      native: { status: 500, type: "api_error", message: "Internal server error", requestId: "req_h", headers },
    },
    {
      name: "a body not in Anthropic's shape (Bedrock's) takes the type of its status",
      failure: { status: 503, bodyText: JSON.stringify({ message: "Service unavailable" }) },
      native: { status: 503, type: "overloaded_error", message: "Service unavailable", requestId: "req_h", headers },
    },
    {
      name: "400 keeps the provider's type",
      failure: { status: 400, bodyText: errorBody("invalid_request_error", "prompt is too long") },
      native: {
        status: 400,
        type: "invalid_request_error",
        message: "prompt is too long",
        requestId: "req_h",
        headers,
      },
    },
  ])("$name", ({ failure, native }) => {
    expect(mapUpstreamFailure({ kind: "http", retryAfter: "3", headers, ...failure }).native).toEqual(native);
  });

  it.each([401, 403])("%s (the gateway's credential, not the caller's key) has none: it stays a 502", (status) => {
    const error = mapUpstreamFailure({
      kind: "http",
      status,
      bodyText: errorBody("authentication_error", "no"),
      retryAfter: null,
      headers,
    });
    expect(error).toMatchObject({ status: 502, native: undefined });
  });

  it("connection failures and timeouts have none", () => {
    expect(mapUpstreamFailure({ kind: "connection", cause: new Error("ECONNREFUSED") }).native).toBeUndefined();
    expect(mapUpstreamFailure({ kind: "timeout", timeoutMs: 1000 }).native).toBeUndefined();
  });
});

describe("pickNativeErrorHeaders", () => {
  it("keeps what drives a client's retries and Anthropic's rate-limit headers, nothing else", () => {
    const upstream = new Headers({
      "request-id": "req_1",
      "retry-after": "3",
      "x-should-retry": "true",
      "anthropic-ratelimit-requests-remaining": "0",
      "content-type": "application/json",
      "set-cookie": "x=1",
      "anthropic-organization-id": "org",
    });
    expect(pickNativeErrorHeaders(upstream)).toEqual({
      "request-id": "req_1",
      "retry-after": "3",
      "x-should-retry": "true",
      "anthropic-ratelimit-requests-remaining": "0",
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
