/**
 * A provider that misbehaves after accepting the request: a complete answer that is not JSON or
 * not a message, one that breaks off (reset or silence) mid-body, one over the size cap, and a
 * stream that goes quiet. Each is the provider's failure — a 502 (or an in-stream error event
 * once streaming), never a 200 of garbage, never a 500, never a hang. Short limits come from
 * the environment, as an operator would set them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { gatewayFetch } from "@/tests/helpers/gateway-fetch";
import {
  startFakeAnthropicServer,
  type FakeAnthropicServer,
  type FakeScenario,
} from "../fake-upstream/fake-anthropic-server";
import { seedAdminKeyAndCredential } from "../helpers/seed-install";
import type { TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";

const SONNET = "anthropic/claude-sonnet-4-6";
const PROVIDER_KEY = "sk-ant-upstream-failures-test-key-0000";
const LIMITS = {
  UPSTREAM_IDLE_TIMEOUT_MS: "1000",
  UPSTREAM_HEADERS_TIMEOUT_MS: "2000",
  UPSTREAM_MAX_RESPONSE_MB: "1",
};
/** The limits above are 1–2 s; this bound only proves nothing waits for the defaults (minutes). */
const ANSWER_WITHIN_MS = 8_000;
const MESSAGE = {
  id: "msg_fake",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-6",
  content: [{ type: "text", text: "Hello there, this is a complete answer." }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: 9 },
};

let database: TestDatabase;
let db: Db;
let fake: FakeAnthropicServer;
let apiKey: string;
const savedEnv: Record<string, string | undefined> = {};

const endpoints = {
  "chat/completions": {
    call: (extra: Record<string, unknown> = {}) =>
      gatewayFetch(
        new Request("http://gateway.test/v3/router/chat/completions", {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ model: SONNET, messages: [{ role: "user", content: "Hi" }], ...extra }),
        }),
      ),
    expectError(body: Record<string, unknown>, code: string) {
      expect(body).toEqual({ error: { type: "upstream_error", code, param: null, message: expect.any(String) } });
    },
  },
  "v1/messages": {
    call: (extra: Record<string, unknown> = {}) =>
      gatewayFetch(
        new Request("http://gateway.test/v3/router/v1/messages", {
          method: "POST",
          headers: { "x-api-key": apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" },
          body: JSON.stringify({
            model: SONNET,
            max_tokens: 64,
            messages: [{ role: "user", content: "Hi" }],
            ...extra,
          }),
        }),
      ),
    expectError(body: Record<string, unknown>) {
      expect(body).toMatchObject({ type: "error", error: { type: "api_error", message: expect.any(String) } });
    },
  },
} as const;
type Endpoint = keyof typeof endpoints;
const endpointNames = Object.keys(endpoints) as Endpoint[];

beforeAll(async () => {
  for (const [name, value] of Object.entries(LIMITS)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  ({ database, db } = await createMigratedDatabase("sqlite"));
  fake = await startFakeAnthropicServer({ apiKey: PROVIDER_KEY });
  ({ apiKey } = await seedAdminKeyAndCredential(db, {
    keyName: "upstream-failures",
    credential: { name: "Fake", apiKey: PROVIDER_KEY, baseUrl: fake.url },
  }));
}, 60_000);

afterAll(async () => {
  await fake?.close();
  await disposeDatabase({ database, db });
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(() => fake.reset());

describe.each(endpointNames)("a complete (non-streaming) answer on %s", (endpoint) => {
  const cases: Array<[string, FakeScenario, string, RegExp]> = [
    [
      "that is not JSON",
      { type: "raw", body: "<html>502 Bad Gateway</html>" },
      "invalid_upstream_response",
      /not JSON/,
    ],
    [
      "that is JSON but not a message",
      { type: "raw", body: JSON.stringify({ hello: "world" }) },
      "invalid_upstream_response",
      /not a Messages API message/,
    ],
    [
      "whose connection is reset mid-answer",
      { type: "partial-json", body: MESSAGE, bytes: 40, then: "destroy" },
      "provider_connection_closed",
      /closed the connection/,
    ],
    [
      "that stops sending mid-answer",
      { type: "partial-json", body: MESSAGE, bytes: 40, then: "stall" },
      "provider_idle_timeout",
      /sent nothing for 1 s/,
    ],
    [
      "larger than UPSTREAM_MAX_RESPONSE_MB",
      { type: "huge", bytes: 3 * 1024 * 1024 },
      "provider_response_too_large",
      /larger than the 1 MB limit/,
    ],
  ];

  it.each(cases)(
    "%s → 502 upstream_error in the caller's shape",
    async (_name, scenario, code, message) => {
      fake.addRule({ scenario });
      const started = Date.now();
      const response = await endpoints[endpoint].call();
      const body = (await response.json()) as { error: { message: string } };
      expect(response.status, JSON.stringify(body)).toBe(502);
      endpoints[endpoint].expectError(body, code);
      expect(body.error.message).toMatch(message);
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    },
    30_000,
  );

  it("a well-formed message still passes (the check is not in the way)", async () => {
    fake.addRule({ scenario: { type: "json", body: MESSAGE } });
    const response = await endpoints[endpoint].call();
    expect(response.status).toBe(200);
  });
});

describe.each(endpointNames)("a streamed answer on %s", (endpoint) => {
  it("that goes quiet mid-stream ends with an in-stream error event, and the upstream is closed", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 3 } });
    const started = Date.now();
    const response = await endpoints[endpoint].call({ stream: true });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    expect(text).toMatch(/sent nothing for 1 s/);
    if (endpoint === "v1/messages") expect(text).toMatch(/event: error\ndata: .*"type":"api_error"/);
    else expect(text).toMatch(/data: \{"error":\{/);
    const [upstream] = await fake.waitForRequests(1);
    await expect(upstream!.clientClosed).resolves.toEqual(expect.any(Number));
  }, 30_000);

  it("whose headers never come → 504 after UPSTREAM_HEADERS_TIMEOUT_MS", async () => {
    fake.addRule({ scenario: { type: "hang" } });
    const started = Date.now();
    const response = await endpoints[endpoint].call({ stream: true });
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status, JSON.stringify(body)).toBe(504);
    expect(body.error.message).toMatch(/did not respond within 2 s/);
    expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
  }, 30_000);
});
