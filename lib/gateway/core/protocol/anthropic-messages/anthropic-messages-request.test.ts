import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { GatewayError, InvalidRequestError } from "../../gateway-error";
import { resolveGatewayModelOrThrow } from "../../resolve-gateway-model-or-throw";
import { toOpenAIErrorResponse } from "../openai-chat/openai-error";
import { anthropicErrorEvent, toAnthropicErrorResponse } from "./anthropic-error";
import {
  parseAnthropicCountTokensRequest,
  parseAnthropicMessagesRequest,
  pickForwardedAnthropicHeaders,
  queryStringOf,
} from "./anthropic-messages-request-schema";
import { mapUpstreamFailure } from "../../anthropic/map-anthropic-error";

describe("parseAnthropicMessagesRequest", () => {
  it("forwards the body as-is with the upstream model id and without the gateway's fallbacks", () => {
    const body = {
      model: "anthropic/claude-sonnet-4-6",
      max_tokens: 1024,
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
      thinking: { type: "adaptive" },
      some_future_field: { x: 1 },
      fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }],
    };
    const parsed = parseAnthropicMessagesRequest(body);
    expect(parsed.gatewayModelId).toBe("anthropic/claude-sonnet-4-6");
    expect(parsed.stream).toBe(true);
    expect(parsed.fallbacks).toEqual(["aws/anthropic/claude-sonnet-4-6"]);
    const { fallbacks: _fallbacks, ...forwarded } = body;
    expect(parsed.bodyForUpstream("claude-sonnet-4-6")).toEqual({ ...forwarded, model: "claude-sonnet-4-6" });
  });

  it("refuses more than 8 fallbacks: each is a full upstream attempt", () => {
    const fallbacks = (count: number) => Array.from({ length: count }, () => ({ model: "anthropic/claude-haiku-4-5" }));
    const body = { model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content: "Hi" }] };
    expect(parseAnthropicMessagesRequest({ ...body, fallbacks: fallbacks(8) }).fallbacks).toHaveLength(8);
    expect(() => parseAnthropicMessagesRequest({ ...body, fallbacks: fallbacks(9) })).toThrow(
      expect.objectContaining({ status: 400, param: "fallbacks" }),
    );
  });

  it("never forwards the gateway's fallbacks on count_tokens", () => {
    const parsed = parseAnthropicCountTokensRequest({
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Hi" }],
      fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }],
    });
    expect(parsed.bodyForUpstream("claude-sonnet-4-6")).not.toHaveProperty("fallbacks");
  });

  it("rejects a body without model or messages", () => {
    expect(() => parseAnthropicMessagesRequest({ messages: [] })).toThrow(InvalidRequestError);
    expect(() => parseAnthropicMessagesRequest({ model: "anthropic/claude-sonnet-4-6" })).toThrow(
      expect.objectContaining({ param: "messages" }),
    );
  });

  it("rewrites the model of a count_tokens body", () => {
    const parsed = parseAnthropicCountTokensRequest({
      model: "anthropic/claude-haiku-4-5",
      messages: [{ role: "user", content: "x" }],
    });
    expect(parsed.bodyForUpstream("claude-haiku-4-5")).toMatchObject({ model: "claude-haiku-4-5" });
  });
});

describe("pickForwardedAnthropicHeaders", () => {
  it("forwards anthropic-version and every anthropic-beta value", () => {
    const headers = new Headers({ "anthropic-version": "2023-06-01", "anthropic-beta": "a-2025-01-01, b-2025-02-02" });
    expect(pickForwardedAnthropicHeaders(headers)).toEqual({
      anthropicVersion: "2023-06-01",
      betas: ["a-2025-01-01", "b-2025-02-02"],
    });
    expect(pickForwardedAnthropicHeaders(new Headers())).toEqual({ betas: [] });
  });

  it("forwards the client's user-agent and x-app (Claude Code's), and nothing else of it", () => {
    const headers = new Headers({ "user-agent": "claude-cli/2.0.0", "x-app": "cli", authorization: "Bearer sy-key" });
    expect(pickForwardedAnthropicHeaders(headers)).toEqual({
      betas: [],
      clientHeaders: { "user-agent": "claude-cli/2.0.0", "x-app": "cli" },
    });
  });
});

describe("queryStringOf", () => {
  it.each([
    ["http://gw/v3/router/v1/messages?beta=true", "?beta=true"],
    ["/v3/router/v1/messages?beta=true&x=1", "?beta=true&x=1"],
    ["http://gw/v3/router/v1/messages", ""],
    ["http://gw/v3/router/v1/messages?", ""],
  ])("%s → %j", (url, query) => {
    expect(queryStringOf(url)).toBe(query);
  });
});

describe("error rendering", () => {
  const rateLimited = new GatewayError({
    status: 429,
    type: "rate_limit_error",
    code: "rate_limit_exceeded",
    message: "Slow down",
    anthropicType: "rate_limit_error",
    retryAfterSeconds: 5,
  });

  it("renders Anthropic's envelope with retry-after", () => {
    expect(toAnthropicErrorResponse(rateLimited)).toEqual({
      status: 429,
      body: { type: "error", error: { type: "rate_limit_error", message: "Slow down" } },
      headers: { "retry-after": "5" },
    });
    expect(anthropicErrorEvent(rateLimited)).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"rate_limit_error","message":"Slow down"}}\n\n',
    );
  });

  it("renders a provider's own error as the provider sent it; OpenAI's envelope keeps the mapping", () => {
    const overloaded = mapUpstreamFailure({
      kind: "http",
      status: 529,
      bodyText: JSON.stringify({
        type: "error",
        error: { type: "overloaded_error", message: "Overloaded" },
        request_id: "req_1",
      }),
      retryAfter: "3",
      headers: { "request-id": "req_1", "retry-after": "3", "x-should-retry": "true" },
    });
    expect(toAnthropicErrorResponse(overloaded)).toEqual({
      status: 529,
      body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: "req_1" },
      headers: { "request-id": "req_1", "retry-after": "3", "x-should-retry": "true" },
    });
    expect(toOpenAIErrorResponse(overloaded)).toEqual({
      status: 503,
      body: { error: { message: "Overloaded", type: "upstream_error", param: null, code: "provider_overloaded" } },
      headers: { "retry-after": "3" },
    });
  });

  it("renders OpenAI's envelope with retry-after", () => {
    expect(toOpenAIErrorResponse(rateLimited)).toEqual({
      status: 429,
      body: { error: { message: "Slow down", type: "rate_limit_error", param: null, code: "rate_limit_exceeded" } },
      headers: { "retry-after": "5" },
    });
  });

  it("never leaks an unexpected error's details", () => {
    const internal = new Error("database password is hunter2");
    expect(toAnthropicErrorResponse(internal)).toEqual({
      status: 500,
      body: { type: "error", error: { type: "api_error", message: "Internal server error." } },
      headers: {},
    });
    expect(toOpenAIErrorResponse(internal).body.error.message).toBe("Internal server error.");
  });

  it("renders the app's AppError (auth, missing credential) by its code in both shapes", () => {
    const unauthorized = new AppError("unauthorized", "Missing or invalid API key.");
    expect(toOpenAIErrorResponse(unauthorized)).toMatchObject({
      status: 401,
      body: {
        error: { type: "invalid_request_error", code: "invalid_api_key", message: "Missing or invalid API key." },
      },
    });
    expect(toAnthropicErrorResponse(unauthorized).body.error.type).toBe("authentication_error");
    const noCredential = new AppError("invalid_input", "No enabled Anthropic credential is configured.", "model");
    expect(toOpenAIErrorResponse(noCredential)).toMatchObject({ status: 400, body: { error: { param: "model" } } });
  });

  it("names the known prefixes when a model id has none of them", () => {
    expect(() => resolveGatewayModelOrThrow("openai/gpt-5", { param: "fallbacks[0].model" })).toThrow(
      expect.objectContaining({ status: 400, param: "fallbacks[0].model", code: "model_not_found" }),
    );
    expect(() => resolveGatewayModelOrThrow("openai/gpt-5")).toThrow(
      /anthropic\/, aws\/anthropic\/, google\/anthropic\//,
    );
  });

  it("gives validation errors Anthropic's invalid_request_error type", () => {
    expect(toAnthropicErrorResponse(new InvalidRequestError("bad", { param: "x" })).body.error.type).toBe(
      "invalid_request_error",
    );
  });
});
