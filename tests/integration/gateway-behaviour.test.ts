/**
 * The gateway's behaviour around the happy path (issue 5), against the running app with an
 * Anthropic BYOK credential pointing at the fake upstream: validation before any upstream
 * call, upstream error mapping, fallbacks, in-stream errors, client aborts, the model list
 * and count_tokens. Keys and credentials on both databases: gateway-auth-and-credentials.test.ts.
 */
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultLimits } from "@/lib/catalog/model-catalog";
import type { FakeScenario } from "../fake-upstream/fake-anthropic-server";
import {
  callGateway,
  postEndlessBody,
  readUntil,
  sendToGateway,
  within,
  type GatewayReply,
} from "../reference-samples/gateway-requests";
import {
  PROVIDER_SECRET,
  startGatewayUnderTest,
  type GatewayUnderTest,
} from "../reference-samples/start-gateway-under-test";

const PORT = 3440;
const CHAT = "/v3/router/chat/completions";
const MESSAGES = "/v3/router/v1/messages";
const COUNT_TOKENS = "/v3/router/v1/messages/count_tokens";
const SONNET = "anthropic/claude-sonnet-4-6";
const HAIKU = "anthropic/claude-haiku-4-5-20251001";
const ANTHROPIC_VERSION = { "anthropic-version": "2023-06-01" };
const EXTENDED_CACHE_TTL_BETA = "extended-cache-ttl-2025-04-11";

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: SONNET,
  messages: [{ role: "user", content: "Hi" }],
  ...extra,
});
const messagesBody = (extra: Record<string, unknown> = {}) => ({
  model: SONNET,
  max_tokens: 64,
  messages: [{ role: "user", content: "Hi" }],
  ...extra,
});

/** The two protocols, as a table row: where to send, what body, what error envelope. */
const endpoints = {
  "chat/completions": { path: CHAT, body: chatBody, headers: {}, expectError: expectOpenAIError },
  "v1/messages": { path: MESSAGES, body: messagesBody, headers: ANTHROPIC_VERSION, expectError: expectAnthropicError },
} as const;
type EndpointName = keyof typeof endpoints;

type ExpectedError = { status: number; type: string; param?: string | null; code?: string | null; message?: RegExp };

function expectOpenAIError(reply: GatewayReply, expected: ExpectedError) {
  expect(reply.status, reply.text).toBe(expected.status);
  const body = reply.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
  expect(body.error.type).toBe(expected.type);
  if (expected.param !== undefined) expect(body.error.param).toBe(expected.param);
  if (expected.code !== undefined) expect(body.error.code).toBe(expected.code);
  if (expected.message) expect(body.error.message).toMatch(expected.message);
}

/** `expected.type` is Anthropic's `error.type` here. */
function expectAnthropicError(reply: GatewayReply, expected: ExpectedError) {
  expect(reply.status, reply.text).toBe(expected.status);
  const body = reply.json();
  expect(body).toMatchObject({ type: "error", error: { type: expected.type, message: expect.any(String) } });
  if (expected.message) expect(body.error.message).toMatch(expected.message);
}

let gateway: GatewayUnderTest;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
  openai = new OpenAI({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
});

beforeEach(() => {
  gateway.fake.reset();
});

function serve(scenario: FakeScenario, match?: (model: string) => boolean) {
  gateway.fake.addRule({
    scenario,
    ...(match ? { match: (request) => match((request.body as { model: string }).model) } : {}),
  });
}

/** The `model` of a non-streamed answer, or of every chunk / message_start of a stream. */
function modelsNamedIn(reply: GatewayReply, stream: boolean): string[] {
  if (!stream) return [reply.json().model];
  return reply.text
    .split("\n")
    .filter((line) => line.startsWith("data: {"))
    .map((line) => JSON.parse(line.slice("data: ".length)))
    .map((event) => event.model ?? event.message?.model)
    .filter(Boolean);
}

const upstreamModels = () => gateway.fake.requests.map((request) => (request.body as { model: string }).model);

describe("the gateway key", () => {
  it.each([
    ["chat/completions", "Authorization: Bearer"],
    ["chat/completions", "x-api-key"],
    ["v1/messages", "Authorization: Bearer"],
    ["v1/messages", "x-api-key"],
  ] as const)("is accepted on %s as %s, and only the BYOK key goes upstream", async (endpointName, style) => {
    const endpoint = endpoints[endpointName];
    const auth = style === "x-api-key" ? { xApiKey: gateway.apiKey } : { bearer: gateway.apiKey };
    const reply = await callGateway(gateway, endpoint.path, { body: endpoint.body(), auth, headers: endpoint.headers });
    expect(reply.status, reply.text).toBe(200);
    const [upstream] = gateway.fake.requests;
    expect(upstream!.headers["x-api-key"]).toBe(PROVIDER_SECRET);
    expect(upstream!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(upstream!.headers)).not.toContain(gateway.apiKey);
  });
});

describe("validation errors: 400 in OpenAI's shape, and nothing sent upstream", () => {
  const tools = [
    { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: {} } } },
  ];
  const thinkingOn = { thinking: { type: "enabled", budget_tokens: 2048 }, max_tokens: 4096 };
  const cachedText = (text: string, ttl?: string) => ({
    type: "text",
    text,
    cache_control: { type: "ephemeral", ...(ttl ? { ttl } : {}) },
  });
  const userParts = (...parts: unknown[]) => ({
    messages: [{ role: "user", content: [{ type: "text", text: "Look:" }, ...parts] }],
  });

  it.each([
    {
      rule: "thinking.budget_tokens below 1024",
      body: chatBody({ thinking: { type: "enabled", budget_tokens: 1023 }, max_tokens: 4096 }),
      param: "thinking.budget_tokens",
      message: /at least 1024/,
    },
    {
      rule: "adaptive thinking on a model without it (Sonnet 4.5)",
      body: chatBody({ model: "anthropic/claude-sonnet-4-5", thinking: { type: "adaptive" } }),
      param: "thinking.type",
      message: /does not support adaptive thinking/,
    },
    {
      rule: "manual thinking on a model that only thinks adaptively (Opus 4.7)",
      body: chatBody({ model: "anthropic/claude-opus-4-7", thinking: { type: "enabled", budget_tokens: 2048 } }),
      param: "thinking.type",
      message: /adaptive/,
    },
    {
      rule: 'tool_choice "required" while thinking',
      body: chatBody({ ...thinkingOn, tools, tool_choice: "required" }),
      param: "tool_choice",
      message: /cannot force a tool/,
    },
    {
      rule: "a named tool_choice while thinking",
      body: chatBody({ ...thinkingOn, tools, tool_choice: { type: "function", function: { name: "get_weather" } } }),
      param: "tool_choice",
      message: /cannot force a tool/,
    },
    {
      rule: "temperature other than 1 while thinking",
      body: chatBody({ ...thinkingOn, temperature: 0.5 }),
      param: "temperature",
      message: /must be 1/,
    },
    { rule: "top_k while thinking", body: chatBody({ ...thinkingOn, top_k: 40 }), param: "top_k", message: /top_k/ },
    {
      rule: "five cache_control breakpoints",
      body: chatBody({
        messages: [{ role: "user", content: [1, 2, 3, 4, 5].map((part) => cachedText(`part ${part}`)) }],
      }),
      code: "too_many_cache_breakpoints",
      message: /at most 4/,
    },
    {
      rule: 'a cache ttl other than "5m" or "1h"',
      body: chatBody({ messages: [{ role: "user", content: [cachedText("question", "10m")] }] }),
      param: "messages[0].content[0].cache_control.ttl",
    },
    {
      rule: "a 1h cache breakpoint after a 5m one",
      body: chatBody({
        messages: [
          { role: "system", content: [cachedText("rules", "5m")] },
          { role: "user", content: [cachedText("question", "1h")] },
        ],
      }),
      code: "cache_ttl_order",
      message: /must come before/,
    },
    {
      rule: "an image media type Claude cannot read",
      body: chatBody(userParts({ type: "image_url", image_url: { url: "data:image/tiff;base64,SUkqAA==" } })),
      param: "messages[0].content[1].image_url.url",
      message: /Unsupported image media type "image\/tiff"/,
    },
    {
      rule: "a file media type Claude cannot read",
      body: chatBody(
        userParts({ type: "file", file: { file_data: "data:application/zip;base64,UEsDBA==", filename: "a.zip" } }),
      ),
      param: "messages[0].content[1].file.file_data",
      message: /Unsupported file media type "application\/zip"/,
    },
    {
      rule: "an unknown model prefix",
      body: chatBody({ model: "openai/gpt-5" }),
      param: "model",
      code: "model_not_found",
      message: /anthropic\/, aws\/anthropic\/, google\/anthropic\//,
    },
    {
      rule: "an unknown model prefix in fallbacks",
      body: chatBody({ fallbacks: [{ model: "mistral/mistral-large" }] }),
      param: "fallbacks[0].model",
      code: "model_not_found",
    },
    {
      rule: "an aws/ model with no Bedrock credential configured",
      body: chatBody({ model: "aws/anthropic/claude-sonnet-4-6" }),
      param: "model",
      code: "provider_not_configured",
      message: /No enabled AWS Bedrock credential is configured/,
    },
    {
      rule: "a google/ model with no Vertex AI credential configured",
      body: chatBody({ model: "google/anthropic/claude-opus-4-6" }),
      param: "model",
      code: "provider_not_configured",
      message: /No enabled Google Vertex AI credential is configured/,
    },
  ])("$rule", async ({ body, ...expected }) => {
    const reply = await callGateway(gateway, CHAT, { body });
    expectOpenAIError(reply, { status: 400, type: "invalid_request_error", ...expected });
    expect(gateway.fake.requests).toEqual([]);
  });

  it.each([
    {
      rule: "an unknown model prefix",
      body: messagesBody({ model: "openai/gpt-5" }),
      message: /prefix the model id with one of/,
    },
    {
      rule: "an aws/ model with no Bedrock credential",
      body: messagesBody({ model: "aws/anthropic/claude-sonnet-4-6" }),
      message: /No enabled AWS Bedrock credential/,
    },
    { rule: "a body without messages", body: { model: SONNET, max_tokens: 64 }, message: /messages/ },
  ])("/v1/messages: $rule, in Anthropic's shape", async ({ body, message }) => {
    const reply = await callGateway(gateway, MESSAGES, { body, headers: ANTHROPIC_VERSION });
    expectAnthropicError(reply, { status: 400, type: "invalid_request_error", message });
    expect(gateway.fake.requests).toEqual([]);
  });

  it.each(Object.keys(endpoints) as EndpointName[])(
    "malformed JSON on %s is a 400 in the caller's shape",
    async (endpointName) => {
      const endpoint = endpoints[endpointName];
      const reply = await callGateway(gateway, endpoint.path, {
        rawBody: '{"model": "anthropic/claude-sonnet-4-6", "messages": [',
        headers: endpoint.headers,
      });
      endpoint.expectError(reply, { status: 400, type: "invalid_request_error", message: /not valid JSON/ });
      expect(gateway.fake.requests).toEqual([]);
    },
  );

  it.each([
    ["chat/completions", "a Content-Length over 32 MB", 32 * 1024 * 1024 + 1],
    ["chat/completions", "a chunked body that never ends", undefined],
    ["v1/messages", "a Content-Length over 32 MB", 32 * 1024 * 1024 + 1],
    ["v1/messages", "a chunked body that never ends", undefined],
  ] as const)("%s refuses %s with 413 without reading it whole", async (endpointName, _how, declaredBytes) => {
    const endpoint = endpoints[endpointName];
    const reply = await within(
      postEndlessBody(
        `${gateway.url}${endpoint.path}`,
        { authorization: `Bearer ${gateway.apiKey}`, ...endpoint.headers },
        { declaredBytes },
      ),
      20_000,
      "the 413",
    );
    expect(reply.status).toBe(413);
    const body = JSON.parse(reply.body);
    if (endpointName === "v1/messages")
      expect(body).toMatchObject({ type: "error", error: { type: "request_too_large" } });
    else expect(body).toMatchObject({ error: { type: "invalid_request_error", code: "request_too_large" } });
    if (declaredBytes === undefined) expect(reply.bytesSent).toBeGreaterThan(32 * 1024 * 1024);
    expect(gateway.fake.requests).toEqual([]);
  });
});

describe("upstream errors, in the caller's shape", () => {
  const upstreamErrors = [
    {
      upstream: "400 (the provider's message passes through)",
      scenario: {
        type: "error",
        status: 400,
        errorType: "invalid_request_error",
        message: "prompt is too long: 250000 tokens > 200000 maximum",
      },
      status: 400,
      openai: { type: "invalid_request_error" },
      anthropicType: "invalid_request_error",
      message: /^prompt is too long: 250000 tokens > 200000 maximum$/,
    },
    {
      upstream: "429 with retry-after",
      scenario: {
        type: "error",
        status: 429,
        errorType: "rate_limit_error",
        message: "Rate limited: slow down",
        retryAfter: "5",
      },
      status: 429,
      openai: { type: "rate_limit_error" },
      anthropicType: "rate_limit_error",
      retryAfter: "5",
      message: /Rate limited: slow down/,
    },
    {
      upstream: "529 overloaded",
      scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
      status: 503,
      openai: { type: "upstream_error", code: "provider_overloaded" },
      anthropicType: "overloaded_error",
      // /v1/messages answers as Anthropic did, so the client's own retries see the 529.
      anthropic: { status: 529 },
      message: /Overloaded/,
    },
    {
      upstream: "503 unavailable",
      scenario: { type: "error", status: 503, errorType: "api_error", message: "Service unavailable" },
      status: 503,
      openai: { type: "upstream_error", code: "provider_overloaded" },
      anthropicType: "overloaded_error",
      anthropic: { status: 503, type: "api_error" },
      message: /Service unavailable/,
    },
  ] as const;

  const cases = upstreamErrors.flatMap((error) =>
    (Object.keys(endpoints) as EndpointName[]).map((endpoint) => ({ endpoint, ...error })),
  );

  it.each(cases)(
    "$endpoint: upstream $upstream → $status",
    async ({ endpoint: endpointName, scenario, status, openai, anthropicType, message, ...rest }) => {
      const endpoint = endpoints[endpointName];
      serve(scenario);
      const reply = await callGateway(gateway, endpoint.path, { body: endpoint.body(), headers: endpoint.headers });
      if (endpointName === "chat/completions") expectOpenAIError(reply, { status, ...openai, message });
      else {
        const native = "anthropic" in rest ? rest.anthropic : {};
        expectAnthropicError(reply, { status, type: anthropicType, message, ...native });
      }
      expect(reply.headers.get("retry-after")).toBe("retryAfter" in rest ? rest.retryAfter : null);
      // No fallbacks were given: only the requested model was tried (perhaps retried).
      expect(new Set(upstreamModels())).toEqual(new Set(["claude-sonnet-4-6"]));
      if (status === 400) expect(upstreamModels()).toHaveLength(1);
    },
  );
});

describe("fallbacks: top-level `fallbacks: [{model}]`", () => {
  const overloaded: FakeScenario = { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" };
  const attemptsAfterOverload = (served: string) =>
    new RegExp(
      `^(anthropic/claude-sonnet-4-6;status=503;[^,]*, )+${served.replaceAll("/", "\\/")};status=200;ms=\\d+$`,
    );

  it.each([
    { endpoint: "chat/completions", stream: false },
    { endpoint: "chat/completions", stream: true },
    { endpoint: "v1/messages", stream: false },
    { endpoint: "v1/messages", stream: true },
  ] as const)(
    "$endpoint (stream: $stream): the primary is overloaded, the fallback serves and is named",
    async ({ endpoint: endpointName, stream }) => {
      const endpoint = endpoints[endpointName];
      serve(overloaded, (model) => model === "claude-sonnet-4-6");
      const reply = await callGateway(gateway, endpoint.path, {
        body: endpoint.body({ stream, fallbacks: [{ model: HAIKU }] }),
        headers: endpoint.headers,
      });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers.get("x-switchyard-model")).toBe(HAIKU);
      expect(reply.headers.get("x-switchyard-attempts")).toMatch(attemptsAfterOverload(HAIKU));
      // Chat Completions names the gateway model; /v1/messages relays Anthropic's own answer.
      const expectedModel = endpointName === "chat/completions" ? HAIKU : "claude-haiku-4-5-20251001";
      expect(new Set(modelsNamedIn(reply, stream))).toEqual(new Set([expectedModel]));
      expect(upstreamModels().at(-1)).toBe("claude-haiku-4-5-20251001");
      expect(new Set(upstreamModels().slice(0, -1))).toEqual(new Set(["claude-sonnet-4-6"]));
      for (const request of gateway.fake.requests) expect(request.body).not.toHaveProperty("fallbacks");
    },
  );

  it.each([
    {
      failure: "429 rate limited",
      scenario: { type: "error", status: 429, errorType: "rate_limit_error", message: "Slow down" },
    },
    {
      failure: "500 api error",
      scenario: { type: "error", status: 500, errorType: "api_error", message: "Internal error" },
    },
    {
      failure: "502 bad gateway",
      scenario: { type: "error", status: 502, errorType: "api_error", message: "Bad gateway" },
    },
    {
      failure: "503 unavailable",
      scenario: { type: "error", status: 503, errorType: "api_error", message: "Unavailable" },
    },
    {
      failure: "504 timeout",
      scenario: { type: "error", status: 504, errorType: "timeout_error", message: "Timeout" },
    },
    {
      failure: "401 (the provider rejects the credential)",
      scenario: { type: "error", status: 401, errorType: "authentication_error", message: "invalid x-api-key" },
    },
    { failure: "a connection error", scenario: { type: "destroy" } },
  ] as const)("chat/completions: after $failure on the primary, the fallback serves", async ({ scenario }) => {
    serve(scenario, (model) => model === "claude-sonnet-4-6");
    const reply = await callGateway(gateway, CHAT, { body: chatBody({ fallbacks: [{ model: HAIKU }] }) });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json().model).toBe(HAIKU);
    expect(upstreamModels().at(-1)).toBe("claude-haiku-4-5-20251001");
    expect(reply.headers.get("x-switchyard-attempts")).toMatch(
      /^anthropic\/claude-sonnet-4-6;status=\d+;.*, anthropic\/claude-haiku-4-5-20251001;status=200;/,
    );
  });

  it.each(Object.keys(endpoints) as EndpointName[])(
    "%s: a non-retryable 400 from the primary is returned, no fallback tried",
    async (endpointName) => {
      const endpoint = endpoints[endpointName];
      serve({ type: "error", status: 400, errorType: "invalid_request_error", message: "messages.0: bad content" });
      const reply = await callGateway(gateway, endpoint.path, {
        body: endpoint.body({ fallbacks: [{ model: HAIKU }] }),
        headers: endpoint.headers,
      });
      expect(reply.status).toBe(400);
      expect(upstreamModels()).toEqual(["claude-sonnet-4-6"]);
      expect(reply.headers.get("x-switchyard-attempts")).toMatch(/^anthropic\/claude-sonnet-4-6;status=400;[^,]*$/);
    },
  );

  it.each(Object.keys(endpoints) as EndpointName[])(
    "%s: an aws/ fallback with no credential is skipped and the next anthropic/ fallback serves",
    async (endpointName) => {
      const endpoint = endpoints[endpointName];
      serve(overloaded, (model) => model === "claude-sonnet-4-6");
      const fallbacks = [{ model: "aws/anthropic/claude-sonnet-4-6" }, { model: "anthropic/claude-opus-4-6" }];
      const reply = await callGateway(gateway, endpoint.path, {
        body: endpoint.body({ fallbacks }),
        headers: endpoint.headers,
      });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers.get("x-switchyard-model")).toBe("anthropic/claude-opus-4-6");
      expect(reply.headers.get("x-switchyard-attempts")).toMatch(
        /anthropic\/claude-sonnet-4-6;status=503;.*, aws\/anthropic\/claude-sonnet-4-6;status=400;ms=\d+;error=provider_not_configured, anthropic\/claude-opus-4-6;status=200;/,
      );
      expect(upstreamModels().filter((model) => model !== "claude-sonnet-4-6")).toEqual(["claude-opus-4-6"]);
    },
  );
});

describe("an upstream failure after the first byte becomes an error event, never a silent truncation", () => {
  const midStreamFailures = [
    {
      failure: "an error event",
      scenario: { type: "fixture", fixture: "anthropic-error-mid-stream" },
      received: "Once upon a",
    },
    {
      failure: "a connection reset",
      scenario: { type: "fixture", fixture: "anthropic-text", destroyAfterEvents: 4 },
      received: "Quantum computers use qubits",
    },
  ] as const;

  it.each(midStreamFailures)(
    "chat/completions: $failure → the openai SDK's stream iteration throws",
    async ({ scenario, received }) => {
      serve(scenario);
      const stream = await openai.chat.completions.create({
        model: SONNET,
        messages: [{ role: "user", content: "Tell me a story" }],
        stream: true,
      });
      let text = "";
      const iterate = async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
      };
      await expect(iterate()).rejects.toBeInstanceOf(OpenAI.APIError);
      expect(text).toBe(received);
    },
  );

  it.each(midStreamFailures)(
    "v1/messages: $failure → an Anthropic `error` event that the SDK throws",
    async ({ scenario, received }) => {
      serve(scenario);
      const reply = await callGateway(gateway, MESSAGES, {
        body: messagesBody({ stream: true }),
        headers: ANTHROPIC_VERSION,
      });
      expect(reply.text).toMatch(
        /event: error\ndata: \{"type":"error","error":\{"type":"\w+","message":"(?:[^"\\]|\\.)+"\}/,
      );
      expect(reply.text.trimEnd().split("\n\n").at(-1)).toMatch(/^event: error\n/);

      gateway.fake.reset();
      serve(scenario);
      const stream = await anthropic.messages.create({
        model: SONNET,
        max_tokens: 64,
        messages: [{ role: "user", content: "Hi" }],
        stream: true,
      });
      let text = "";
      const iterate = async () => {
        for await (const event of stream) {
          if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
        }
      };
      await expect(iterate()).rejects.toBeInstanceOf(Anthropic.APIError);
      expect(text).toBe(received);
    },
  );
});

describe("a client that disconnects closes the upstream connection within 1 s", () => {
  const hang: FakeScenario = { type: "hang" };
  // message_start, content_block_start, ping, the first text delta; then silence.
  const stallAfterFirstDelta: FakeScenario = { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 4 };

  it.each([
    { endpoint: "chat/completions", moment: "before the first token", stream: true, scenario: hang },
    { endpoint: "chat/completions", moment: "while waiting for a non-streamed answer", stream: false, scenario: hang },
    {
      endpoint: "chat/completions",
      moment: "mid-stream",
      stream: true,
      scenario: stallAfterFirstDelta,
      seen: "Quantum computers use qubits",
    },
    { endpoint: "v1/messages", moment: "before the first token", stream: true, scenario: hang },
    { endpoint: "v1/messages", moment: "while waiting for a non-streamed answer", stream: false, scenario: hang },
    {
      endpoint: "v1/messages",
      moment: "mid-stream",
      stream: true,
      scenario: stallAfterFirstDelta,
      seen: "Quantum computers use qubits",
    },
  ] as const)("$endpoint: $moment", async ({ endpoint: endpointName, stream, scenario, ...rest }) => {
    const endpoint = endpoints[endpointName];
    serve(scenario);
    const client = new AbortController();
    const answer = sendToGateway(gateway, endpoint.path, {
      body: endpoint.body({ stream }),
      headers: endpoint.headers,
      signal: client.signal,
    });
    const [upstream] = await gateway.fake.waitForRequests(1);
    if ("seen" in rest && rest.seen) await readUntil(await answer, rest.seen);

    const disconnectedAt = Date.now();
    client.abort();
    await answer.catch(() => {});
    const upstreamClosedAt = await within(
      upstream!.clientClosed,
      10_000,
      "the gateway to close the upstream connection",
    );
    expect(upstreamClosedAt - disconnectedAt).toBeLessThan(1000);
  });
});

describe("routing and the official SDK clients", () => {
  it("passes a model id the catalog does not know through to the provider, with the default max_tokens", async () => {
    const reply = await callGateway(gateway, CHAT, { body: chatBody({ model: "anthropic/claude-sonnet-9-9" }) });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json().model).toBe("anthropic/claude-sonnet-9-9");
    expect(gateway.fake.requests[0]!.body).toMatchObject({
      model: "claude-sonnet-9-9",
      max_tokens: defaultLimits.defaultMaxTokens,
    });
  });

  it("streams tool calls that the openai SDK's stream helper assembles, arguments split across chunks", async () => {
    serve({ type: "fixture", fixture: "anthropic-tool-use" });
    const stream = openai.chat.completions.stream({
      model: SONNET,
      messages: [{ role: "user", content: "What's the weather in Tokyo?" }],
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            parameters: { type: "object", properties: { location: { type: "string" } } },
          },
        },
      ],
    });
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0]).toMatchObject({
      finish_reason: "tool_calls",
      message: {
        content: "Let me check the weather.",
        tool_calls: [
          {
            id: "toolu_01WeatherFixture",
            type: "function",
            function: { name: "get_weather", arguments: '{"location": "Tokyo", "unit": "celsius"}' },
          },
        ],
      },
    });
  });

  it("reports usage in the final chunk and, with stream_options.include_usage, in a trailing usage chunk", async () => {
    serve({ type: "fixture", fixture: "anthropic-cache-usage" });
    const stream = await openai.chat.completions.create({
      model: SONNET,
      messages: [{ role: "user", content: "How do I read a CSV file?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const usage = {
      prompt_tokens: 7060,
      completion_tokens: 9,
      total_tokens: 7069,
      prompt_tokens_details: { cached_tokens: 2048 },
    };
    expect(chunks.at(-2)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage });
  });

  it("gives the Anthropic SDK's stream helper the thinking block with its signature", async () => {
    serve({ type: "fixture", fixture: "anthropic-thinking" });
    const message = await anthropic.messages
      .stream({
        model: "anthropic/claude-opus-4-5-20251101",
        max_tokens: 4096,
        thinking: { type: "enabled", budget_tokens: 2048 },
        messages: [{ role: "user", content: "Design a rate limiter" }],
      })
      .finalMessage();
    expect(message.content).toEqual([
      {
        type: "thinking",
        thinking: "A token bucket per client, sharded by client id across Redis nodes.",
        signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
      },
      { type: "text", text: "Use sharded token buckets." },
    ]);
  });
});

describe("prompt caching headers and /v1/messages passthrough", () => {
  it('chat/completions sends anthropic-beta: extended-cache-ttl-2025-04-11 when a ttl "1h" breakpoint is present', async () => {
    const body = chatBody({
      messages: [
        {
          role: "system",
          content: [{ type: "text", text: "Long rules", cache_control: { type: "ephemeral", ttl: "1h" } }],
        },
        {
          role: "user",
          content: [{ type: "text", text: "Question", cache_control: { type: "ephemeral", ttl: "5m" } }],
        },
      ],
    });
    const reply = await callGateway(gateway, CHAT, { body });
    expect(reply.status, reply.text).toBe(200);
    const [upstream] = gateway.fake.requests;
    expect(upstream!.headers["anthropic-beta"]).toBe(EXTENDED_CACHE_TTL_BETA);
    expect(upstream!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(upstream!.body).toMatchObject({
      system: [{ type: "text", text: "Long rules", cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [
        {
          role: "user",
          content: [{ type: "text", text: "Question", cache_control: { type: "ephemeral", ttl: "5m" } }],
        },
      ],
    });
  });

  it("v1/messages forwards the body as sent (model prefix stripped, fallbacks removed) and the client's anthropic-version and anthropic-beta", async () => {
    const sent: Record<string, unknown> = messagesBody({
      system: [{ type: "text", text: "Rules", cache_control: { type: "ephemeral", ttl: "1h" } }],
      thinking: { type: "enabled", budget_tokens: 1024 },
      max_tokens: 2048,
      some_future_field: { kept: true },
      fallbacks: [{ model: HAIKU }],
    });
    const reply = await callGateway(gateway, MESSAGES, {
      body: sent,
      headers: {
        "anthropic-version": "2023-06-01",
        "anthropic-beta": `${EXTENDED_CACHE_TTL_BETA}, interleaved-thinking-2025-05-14`,
      },
    });
    expect(reply.status, reply.text).toBe(200);
    const [upstream] = gateway.fake.requests;
    const { fallbacks: _fallbacks, ...forwarded } = sent;
    expect(upstream!.body).toEqual({ ...forwarded, model: "claude-sonnet-4-6" });
    expect(upstream!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(
      String(upstream!.headers["anthropic-beta"])
        .split(",")
        .map((beta) => beta.trim()),
    ).toEqual([EXTENDED_CACHE_TTL_BETA, "interleaved-thinking-2025-05-14"]);
  });

  it("v1/messages/count_tokens proxies to Anthropic's count_tokens with the client's version", async () => {
    const counted = await anthropic.messages.countTokens({
      model: SONNET,
      messages: [{ role: "user", content: "How many tokens is this?" }],
    });
    const [upstream] = gateway.fake.requests;
    expect(upstream!.path).toBe("/v1/messages/count_tokens");
    expect(upstream!.body).toEqual({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "How many tokens is this?" }],
    });
    expect(upstream!.headers["anthropic-version"]).toEqual(expect.any(String));
    // The fake counts a quarter token per byte of what it received.
    expect(counted).toEqual({ input_tokens: Math.ceil(upstream!.rawBody.length / 4) });
  });

  it("count_tokens refuses an unknown prefix in Anthropic's shape without calling upstream", async () => {
    const reply = await callGateway(gateway, COUNT_TOKENS, {
      body: { model: "openai/gpt-5", messages: [{ role: "user", content: "Hi" }] },
      headers: ANTHROPIC_VERSION,
    });
    expectAnthropicError(reply, { status: 400, type: "invalid_request_error", message: /prefix the model id/ });
    expect(gateway.fake.requests).toEqual([]);
  });
});

describe("GET /v3/router/models", () => {
  const referenceModels = [
    { id: "claude-opus-4-7", thinking: { manual: false, adaptive: true } },
    { id: "claude-opus-4-6", thinking: { manual: true, adaptive: true } },
    { id: "claude-sonnet-4-6", thinking: { manual: true, adaptive: true } },
    { id: "claude-haiku-4-5-20251001", thinking: { manual: true, adaptive: false } },
    { id: "claude-opus-4-5-20251101", thinking: { manual: true, adaptive: false } },
    { id: "claude-sonnet-4-5", thinking: { manual: true, adaptive: false } },
  ];
  const prefixes = ["anthropic/", "aws/anthropic/", "google/anthropic/"];

  it("lists every reference-doc model under each provider prefix, readable by the openai SDK, with limits, capabilities and prices", async () => {
    const listed = new Map<string, Record<string, unknown>>();
    for await (const model of openai.models.list()) listed.set(model.id, model as unknown as Record<string, unknown>);

    for (const prefix of prefixes) {
      for (const { id, thinking } of referenceModels) {
        expect(listed.get(`${prefix}${id}`), `${prefix}${id}`).toMatchObject({
          id: `${prefix}${id}`,
          object: "model",
          created: expect.any(Number),
          owned_by: "anthropic",
          context_window: expect.any(Number),
          max_output_tokens: expect.any(Number),
          capabilities: { thinking, vision: true, pdf: true },
          pricing: { input: expect.any(Number), output: expect.any(Number) },
        });
      }
    }
    // The doc's figures: Opus 4.7 has a 1M context, Haiku 4.5 200K.
    expect(listed.get("anthropic/claude-opus-4-7")).toMatchObject({ context_window: 1_000_000 });
    expect(listed.get("anthropic/claude-haiku-4-5-20251001")).toMatchObject({ context_window: 200_000 });
    expect(gateway.fake.requests).toEqual([]);
  });

  it("answers in OpenAI's list shape", async () => {
    const reply = await callGateway(gateway, "/v3/router/models");
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({ object: "list", data: expect.any(Array) });
  });
});
