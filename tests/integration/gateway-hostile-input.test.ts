/**
 * Hostile input against the running production server: every endpoint × {bad JSON, JSON nested
 * too deep, a bad model id, a wrong method, no key} answers a 4xx in the endpoint's own error
 * shape (OpenAI's, or Anthropic's under /v3/router/v1), never a 500; too-large headers get a 431
 * with a body; and a refused deep body still writes its log row for a key with limits and body
 * logging on.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { callGateway, type GatewayReply } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";
import { sleep } from "../request-log/database-outage";

const PORT = 3446;

let gateway: GatewayUnderTest;
let db: Db;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
  db = gateway.db;
}, 300_000);
afterAll(() => gateway?.stop());

type Shape = "openai" | "anthropic";
const ENDPOINTS: Array<{ path: string; shape: Shape; body: (model: string) => Record<string, unknown> }> = [
  {
    path: "/v3/router/chat/completions",
    shape: "openai",
    body: (model) => ({ model, messages: [{ role: "user", content: "Hi" }] }),
  },
  {
    path: "/v2/proxy/chat/completions",
    shape: "openai",
    body: (model) => ({ model, messages: [{ role: "user", content: "Hi" }] }),
  },
  { path: "/v3/router/responses", shape: "openai", body: (model) => ({ model, input: "Hi" }) },
  {
    path: "/v3/router/v1/messages",
    shape: "anthropic",
    body: (model) => ({ model, max_tokens: 16, messages: [{ role: "user", content: "Hi" }] }),
  },
  {
    path: "/v3/router/v1/messages/count_tokens",
    shape: "anthropic",
    body: (model) => ({ model, messages: [{ role: "user", content: "Hi" }] }),
  },
];

const MODEL = "anthropic/claude-sonnet-4-6";
const anthropicVersion = { "anthropic-version": "2023-06-01" };
const deepJson = (levels: number) =>
  `{"model":"${MODEL}","max_tokens":16,"messages":[{"role":"user","content":"Hi"}],"metadata":` +
  '{"a":'.repeat(levels) +
  "1" +
  "}".repeat(levels) +
  "}";

/** The endpoint's error envelope, and nothing else. */
function expectErrorShape(reply: GatewayReply, shape: Shape) {
  const body = reply.json();
  if (shape === "openai") {
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toEqual({
      message: expect.any(String),
      type: expect.any(String),
      param: expect.toBeOneOf([null, expect.any(String)]),
      code: expect.toBeOneOf([null, expect.any(String)]),
    });
  } else {
    expect(body).toEqual({ type: "error", error: { type: expect.any(String), message: expect.any(String) } });
  }
  return body;
}

type Case = {
  name: string;
  send: (path: string, body: (model: string) => Record<string, unknown>) => Promise<GatewayReply>;
  status: number;
  check?: (reply: GatewayReply, body: unknown) => void;
};

const post = (path: string, rawBody: string, auth?: "none") =>
  callGateway(gateway, path, { rawBody, headers: anthropicVersion, ...(auth ? { auth } : {}) });

const CASES: Case[] = [
  { name: "bad JSON", send: (path) => post(path, '{"model": "x", '), status: 400 },
  { name: "a JSON array", send: (path) => post(path, "[1,2,3]"), status: 400 },
  {
    name: "JSON nested 50,000 levels",
    send: (path) => post(path, deepJson(50_000)),
    status: 400,
    check: (_reply, body) => expect(JSON.stringify(body)).toContain("deeper than 128 levels"),
  },
  {
    name: "a model id with a NUL",
    send: (path, body) => post(path, JSON.stringify(body("anthropic/claude\u0000"))),
    status: 400,
  },
  {
    name: "a 100 KB model id",
    send: (path, body) => post(path, JSON.stringify(body(`anthropic/${"x".repeat(100_000)}`))),
    status: 400,
    check: (reply) => {
      expect(reply.text.length).toBeLessThan(1000);
      for (const [, value] of reply.headers) expect(value.length).toBeLessThan(5000);
    },
  },
  {
    name: "a non-Latin-1 model id",
    send: (path, body) => post(path, JSON.stringify(body("anthropic/claude-☃"))),
    status: 400,
  },
  {
    name: "a bad fallback model id",
    send: (path, body) => post(path, JSON.stringify({ ...body(MODEL), fallbacks: [{ model: "aws/☃".repeat(50) }] })),
    status: 400,
  },
  {
    name: "GET",
    send: (path) => callGateway(gateway, path, { method: "GET" }),
    status: 405,
    check: (reply) => expect(reply.headers.get("allow")).toBe("POST, OPTIONS"),
  },
  {
    name: "PUT",
    send: (path, body) => callGateway(gateway, path, { method: "PUT", body: body(MODEL) }),
    status: 405,
    check: (reply) => expect(reply.headers.get("allow")).toBe("POST, OPTIONS"),
  },
  { name: "no key", send: (path, body) => post(path, JSON.stringify(body(MODEL)), "none"), status: 401 },
  { name: "no key and bad JSON", send: (path) => post(path, "{", "none"), status: 401 },
];

describe("every endpoint answers hostile input with a 4xx in its own error shape", () => {
  // count_tokens has no fallbacks.
  const table = ENDPOINTS.flatMap((endpoint) =>
    CASES.filter((testCase) => !(endpoint.path.endsWith("/count_tokens") && testCase.name.includes("fallback"))).map(
      (testCase) => ({ ...endpoint, ...testCase }),
    ),
  );
  it.each(table)("$path, $name → $status", async ({ path, shape, body, send, status, check }) => {
    const reply = await send(path, body);
    expect(reply.status, reply.text).toBe(status);
    const parsed = expectErrorShape(reply, shape);
    check?.(reply, parsed);
  });

  it.each([
    ["/v3/router/v1/no-such-endpoint", "anthropic", 404],
    ["/v3/router/no-such-endpoint", "openai", 404],
    ["/v3/router/models", "openai", 405],
    ["/v3/router/v1/models", "anthropic", 405],
  ] as const)("POST %s → %s's shape, %i", async (path, shape, status) => {
    const reply = await callGateway(gateway, path, { body: {} });
    expect(reply.status, reply.text).toBe(status);
    expectErrorShape(reply, shape);
  });

  it("nothing reached the provider", () => {
    expect(gateway.fake.requests).toEqual([]);
  });
});

describe("headers over Node's 16 KB limit: 431 with an error body", () => {
  function sendHugeHeaders(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${gateway.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-padding": "a".repeat(20_000) },
      });
      request.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on("error", reject);
      request.end("{}");
    });
  }

  it.each([
    ["/v3/router/chat/completions", "openai"],
    ["/v3/router/v1/messages", "anthropic"],
  ] as const)("%s → %s's shape", async (path, shape) => {
    const reply = await sendHugeHeaders(path);
    expect(reply.status).toBe(431);
    const body = JSON.parse(reply.body);
    if (shape === "openai") expect(body.error.code).toBe("request_header_fields_too_large");
    else expect(body).toEqual({ type: "error", error: { type: "invalid_request_error", message: expect.any(String) } });
  });
});

describe("a refused body is still logged and charged for a key with limits and body logging", () => {
  it("JSON nested 50,000 levels: 400, and the key's log row is written", async () => {
    const created = await gateway.cli(["key", "create", "--name", "hostile-limits"]);
    const key = created.stdout.trim().split("\n").at(-1)!;
    const prefix = key.slice(0, 11);
    const set = await gateway.cli([
      "key",
      "limits",
      prefix,
      "--tpm",
      "100000",
      "--budget-usd",
      "5",
      "--log-bodies",
      "on",
    ]);
    expect(set.code, set.stderr).toBe(0);

    for (const path of ["/v3/router/chat/completions", "/v3/router/v1/messages"]) {
      const reply = await callGateway({ url: gateway.url, apiKey: key }, path, {
        rawBody: deepJson(50_000),
        headers: anthropicVersion,
      });
      expect(reply.status, reply.text).toBe(400);
    }
    // Then a request that is served, so its tokens are charged after the refused ones.
    const served = await callGateway({ url: gateway.url, apiKey: key }, "/v3/router/chat/completions", {
      body: { model: MODEL, messages: [{ role: "user", content: "Hi" }] },
    });
    expect(served.status, served.text).toBe(200);

    const deadline = Date.now() + 30_000;
    let rows = await db.requestLog.findMany({ where: { apiKeyPrefix: prefix }, orderBy: { createdAt: "asc" } });
    while (rows.length < 3 && Date.now() < deadline) {
      await sleep(200);
      rows = await db.requestLog.findMany({ where: { apiKeyPrefix: prefix }, orderBy: { createdAt: "asc" } });
    }
    expect(rows.map((row) => [row.endpoint, row.status]).sort()).toEqual(
      [
        ["/v3/router/chat/completions", 400],
        ["/v3/router/v1/messages", 400],
        ["/v3/router/chat/completions", 200],
      ].sort(),
    );
    expect(gateway.server.output()).not.toMatch(/Maximum call stack|could not record a request/);
  }, 60_000);
});
