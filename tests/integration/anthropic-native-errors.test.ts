/**
 * On Anthropic-native endpoints (/v1/messages, /v1/messages/count_tokens) the provider's errors
 * come back as the provider sent them — status (529 stays 529), type, request id and the headers
 * a client's retries read (retry-after, x-should-retry) — so an Anthropic SDK or Claude Code
 * retries and falls back as against Anthropic directly. The OpenAI-shaped endpoints keep their
 * mapping. Gateway-made errors use Anthropic's envelope. The client's user-agent, x-app and query
 * string (`?beta=true`, as Claude Code sends it) reach Anthropic.
 */
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeScenario } from "../fake-upstream/fake-anthropic-server";
import { callGateway } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3481;
const CHAT = "/v3/router/chat/completions";
const MESSAGES = "/v3/router/v1/messages";
const COUNT_TOKENS = "/v3/router/v1/messages/count_tokens";
const SONNET = "anthropic/claude-sonnet-4-6";
const HAIKU = "anthropic/claude-haiku-4-5-20251001";
const ANTHROPIC_VERSION = { "anthropic-version": "2023-06-01" };

const messagesBody = (extra: Record<string, unknown> = {}) => ({
  model: SONNET,
  max_tokens: 64,
  messages: [{ role: "user", content: "Hi" }],
  ...extra,
});
const chatBody = () => ({ model: SONNET, messages: [{ role: "user", content: "Hi" }] });

const overloaded: FakeScenario = {
  type: "error",
  status: 529,
  errorType: "overloaded_error",
  message: "Overloaded",
  retryAfter: "3",
  headers: { "x-should-retry": "true" },
};

let gateway: GatewayUnderTest;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
});

beforeEach(() => {
  gateway.fake.reset();
});

function serve(scenario: FakeScenario, model?: string) {
  gateway.fake.addRule({
    scenario,
    ...(model ? { match: (request) => (request.body as { model?: string }).model === model } : {}),
  });
}

describe("provider errors on /v1/messages pass through", () => {
  it.each([
    {
      upstream: "529 overloaded",
      scenario: overloaded,
      status: 529,
      type: "overloaded_error",
      message: "Overloaded",
      headers: { "retry-after": "3", "x-should-retry": "true" },
    },
    {
      upstream: "429 rate limited",
      scenario: { type: "error", status: 429, errorType: "rate_limit_error", message: "Slow down", retryAfter: "7" },
      status: 429,
      type: "rate_limit_error",
      message: "Slow down",
      headers: { "retry-after": "7" },
    },
    {
      upstream: "500 api error",
      scenario: { type: "error", status: 500, errorType: "api_error", message: "Internal server error" },
      status: 500,
      type: "api_error",
      message: "Internal server error",
      headers: {},
    },
    {
      upstream: "503 with an api_error body",
      scenario: { type: "error", status: 503, errorType: "api_error", message: "Unavailable" },
      status: 503,
      type: "api_error",
      message: "Unavailable",
      headers: {},
    },
  ] as const)("$upstream → $status, Anthropic's envelope and headers", async (row) => {
    serve(row.scenario);
    const reply = await callGateway(gateway, MESSAGES, { body: messagesBody(), headers: ANTHROPIC_VERSION });
    expect(reply.status, reply.text).toBe(row.status);
    const requestId = reply.headers.get("request-id");
    expect(requestId).toMatch(/^req_fake_\d+$/);
    expect(reply.json()).toEqual({
      type: "error",
      error: { type: row.type, message: row.message },
      request_id: requestId,
    });
    for (const [name, value] of Object.entries(row.headers)) expect(reply.headers.get(name), name).toBe(value);
    // Anthropic's organisation limits, as on a success.
    expect(reply.headers.get("anthropic-ratelimit-requests-limit")).not.toBeNull();
    expect(reply.text).not.toContain(gateway.fake.url);
  });

  it("the same 529 on /chat/completions keeps the OpenAI mapping (503 upstream_error)", async () => {
    serve(overloaded);
    const reply = await callGateway(gateway, CHAT, { body: chatBody() });
    expect(reply.status, reply.text).toBe(503);
    expect(reply.json()).toEqual({
      error: { type: "upstream_error", code: "provider_overloaded", param: null, message: "Overloaded" },
    });
    expect(reply.headers.get("x-should-retry")).toBeNull();
    expect(reply.headers.get("request-id")).toBeNull();
  });

  it("every fallback failed: the last upstream error, as sent", async () => {
    serve(overloaded, "claude-sonnet-4-6");
    serve(
      { type: "error", status: 500, errorType: "api_error", message: "Internal error" },
      "claude-haiku-4-5-20251001",
    );
    const reply = await callGateway(gateway, MESSAGES, {
      body: messagesBody({ fallbacks: [{ model: HAIKU }] }),
      headers: ANTHROPIC_VERSION,
    });
    expect(reply.status, reply.text).toBe(500);
    expect(reply.json()).toMatchObject({ type: "error", error: { type: "api_error", message: "Internal error" } });
    expect(reply.headers.get("request-id")).toMatch(/^req_fake_\d+$/);
    expect(reply.json().request_id).toBe(reply.headers.get("request-id"));
    expect(reply.headers.get("x-switchyard-attempts")).toMatch(
      /anthropic\/claude-sonnet-4-6;status=503;.*anthropic\/claude-haiku-4-5-20251001;status=502;/,
    );
  });

  it("the fallbacks' last failure is the 529: it stays 529 with its retry headers", async () => {
    serve({ type: "error", status: 500, errorType: "api_error", message: "Internal error" }, "claude-sonnet-4-6");
    serve(overloaded, "claude-haiku-4-5-20251001");
    const reply = await callGateway(gateway, MESSAGES, {
      body: messagesBody({ fallbacks: [{ model: HAIKU }] }),
      headers: ANTHROPIC_VERSION,
    });
    expect(reply.status, reply.text).toBe(529);
    expect(reply.headers.get("x-should-retry")).toBe("true");
    expect(reply.headers.get("retry-after")).toBe("3");
  });

  it("the official SDK sees the 529 and retries it itself (maxRetries: 1 → two upstream calls)", async () => {
    serve(overloaded);
    const anthropic = new Anthropic({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 1 });
    const error = await anthropic.messages
      .create({ model: SONNET, max_tokens: 64, messages: [{ role: "user", content: "Hi" }] })
      .then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBe(529);
    expect(apiError.requestID).toMatch(/^req_fake_\d+$/);
    expect(apiError.error).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
    expect(gateway.fake.requests).toHaveLength(2);
  }, 30_000);
});

describe("gateway-made errors on /v1/messages, in Anthropic's shape", () => {
  it.each([
    {
      name: "an unknown gateway key → 401 authentication_error",
      call: { body: messagesBody(), headers: ANTHROPIC_VERSION, auth: { xApiKey: "sy-not-a-real-key" } },
      status: 401,
      type: "authentication_error",
    },
    {
      name: "no gateway key → 401 authentication_error",
      call: { body: messagesBody(), headers: ANTHROPIC_VERSION, auth: "none" },
      status: 401,
      type: "authentication_error",
    },
    {
      name: "an invalid body → 400 invalid_request_error",
      call: { body: { model: SONNET, messages: "not a list" }, headers: ANTHROPIC_VERSION },
      status: 400,
      type: "invalid_request_error",
    },
    {
      name: "malformed JSON → 400 invalid_request_error",
      call: { rawBody: "{", headers: ANTHROPIC_VERSION },
      status: 400,
      type: "invalid_request_error",
    },
  ] as const)("$name", async ({ call, status, type }) => {
    const reply = await callGateway(gateway, MESSAGES, call);
    expect(reply.status, reply.text).toBe(status);
    const body = reply.json();
    expect(body).toMatchObject({ type: "error", error: { type, message: expect.any(String) } });
    expect(gateway.fake.requests).toEqual([]);
  });
});

describe("the client's headers and query string reach Anthropic", () => {
  const claudeCode = { ...ANTHROPIC_VERSION, "user-agent": "claude-cli/2.0.0 (external, cli)", "x-app": "cli" };

  it.each([
    { path: `${MESSAGES}?beta=true`, upstreamPath: "/v1/messages" },
    { path: `${COUNT_TOKENS}?beta=true`, upstreamPath: "/v1/messages/count_tokens" },
  ])("$path", async ({ path, upstreamPath }) => {
    const body = path.startsWith(COUNT_TOKENS)
      ? { model: SONNET, messages: [{ role: "user", content: "Hi" }] }
      : messagesBody();
    const reply = await callGateway(gateway, path, { body, headers: claudeCode });
    expect(reply.status, reply.text).toBe(200);
    const [upstream] = gateway.fake.requests;
    expect(upstream).toMatchObject({ path: upstreamPath, query: "?beta=true" });
    expect(upstream!.headers["user-agent"]).toBe("claude-cli/2.0.0 (external, cli)");
    expect(upstream!.headers["x-app"]).toBe("cli");
  });

  it("no query string and no x-app: none are invented", async () => {
    const reply = await callGateway(gateway, MESSAGES, { body: messagesBody(), headers: ANTHROPIC_VERSION });
    expect(reply.status, reply.text).toBe(200);
    const [upstream] = gateway.fake.requests;
    expect(upstream).toMatchObject({ path: "/v1/messages", query: "" });
    expect(upstream!.headers["x-app"]).toBeUndefined();
  });
});
