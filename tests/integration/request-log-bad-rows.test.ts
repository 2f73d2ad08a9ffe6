/**
 * Issue "Hardening", the request log survives bad rows: against the production server and the
 * fake upstream, a request whose model id holds a NUL and requests whose provider reports absurd
 * usage (1e308, -5, 1.5 output tokens) are logged sanitized, and the 20 ordinary requests after
 * them all appear in the log within 10 s — before, PostgreSQL refused the batch (22021, 22P02)
 * and retried it forever, so logging stopped for everyone. /api/usage answers 200 throughout.
 * Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { MAX_TOKEN_COUNT } from "@/lib/gateway/core/token-count";
import { testProviders } from "../helpers/test-database";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";
import { sleep } from "../request-log/database-outage";

const PORTS = { sqlite: 3580, postgresql: 3590 } as const;
const SONNET = "anthropic/claude-sonnet-4-6";
const HAIKU = "anthropic/claude-haiku-4-5";
const ABSURD_OUTPUT_TOKENS = [1e308, -5, 1.5];

function post(gateway: GatewayUnderTest, endpoint: string, body: unknown) {
  return fetch(`${gateway.url}${endpoint}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${gateway.apiKey}`,
      "anthropic-version": "2023-06-01",
    },
    body: JSON.stringify(body),
  });
}

const chat = (model: string) => ({ model, messages: [{ role: "user", content: "Hi" }] });
const messages = (model: string) => ({ model, max_tokens: 64, messages: [{ role: "user", content: "Hi" }] });

/** A non-streamed Anthropic message whose usage says what the test wants. */
const messageWithUsage = (outputTokens: number) => ({
  id: "msg_absurd",
  type: "message",
  role: "assistant",
  model: "claude-haiku-4-5",
  content: [{ type: "text", text: "Hello" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 3, output_tokens: outputTokens },
});

async function signIn(gateway: GatewayUnderTest): Promise<string> {
  const response = await fetch(`${gateway.url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: gateway.url },
    body: JSON.stringify({ email: "admin@example.com", password: "admin-password" }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe.each(testProviders)("request log with bad rows on %s", (provider) => {
  let gateway: GatewayUnderTest;
  let db: Db;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS[provider], provider });
    db = gateway.db;
  }, 300_000);

  afterAll(() => gateway?.stop());

  it("logs a NUL model id and absurd provider usage sanitized, and the next 20 requests within 10 s", async () => {
    // Whether the gateway refuses a NUL model id (400) or not, its request is logged.
    await (await post(gateway, "/v3/router/v1/messages", messages(`${SONNET}\u0000evil`))).text();
    await (await post(gateway, "/v3/router/chat/completions", chat(`${SONNET}\u0000evil`))).text();

    for (const [index, outputTokens] of ABSURD_OUTPUT_TOKENS.entries()) {
      for (const endpoint of ["/v3/router/v1/messages", "/v3/router/chat/completions"]) {
        gateway.fake.addRule({
          match: (request) => (request.body as { model?: string }).model === "claude-haiku-4-5",
          scenario: { type: "json", body: messageWithUsage(outputTokens) },
          times: 1,
        });
        const body = endpoint === "/v3/router/v1/messages" ? messages(HAIKU) : chat(HAIKU);
        const response = await post(gateway, endpoint, body);
        expect(response.status, `${endpoint} with output_tokens ${outputTokens} (${index})`).toBe(200);
        await response.text();
      }
    }

    const since = new Date(Date.now() - 1);
    for (let index = 0; index < 20; index++) {
      const endpoint = index % 2 ? "/v3/router/chat/completions" : "/v3/router/v1/messages";
      const response = await post(gateway, endpoint, index % 2 ? chat(SONNET) : messages(SONNET));
      expect(response.status).toBe(200);
      await response.text();
    }
    const normal = { requestedModel: SONNET, status: 200, createdAt: { gte: since } };
    const deadline = Date.now() + 10_000;
    let logged = await db.requestLog.count({ where: normal });
    while (logged < 20 && Date.now() < deadline) {
      await sleep(200);
      logged = await db.requestLog.count({ where: normal });
    }
    expect(logged, gateway.server.output().slice(-2000)).toBe(20);

    // The bad rows themselves are in the log, sanitized, not quarantined.
    const nul = await db.requestLog.findMany({ where: { requestedModel: { contains: "evil" } } });
    expect(nul).toHaveLength(2);
    for (const row of nul) expect(row.requestedModel).toBe(`${SONNET}evil`);
    const absurd = await db.requestLog.findMany({ where: { requestedModel: HAIKU }, orderBy: { createdAt: "asc" } });
    expect(absurd.map((row) => row.outputTokens).sort((a, b) => a - b)).toEqual([
      0,
      0,
      2,
      2,
      MAX_TOKEN_COUNT,
      MAX_TOKEN_COUNT,
    ]);
    for (const row of absurd) {
      expect(row.status).toBe(200);
      expect(row.costMicros).toBeGreaterThanOrEqual(0);
    }
    expect(await db.requestLogQuarantine.count()).toBe(0);
    expect(gateway.server.output()).not.toMatch(/request log: (writing \d+ rows failed|the database refused)/);

    const cookie = await signIn(gateway);
    for (const groupBy of ["model", "key"]) {
      const usage = await fetch(`${gateway.url}/api/usage?groupBy=${groupBy}`, { headers: { cookie } });
      expect(usage.status).toBe(200);
      const summary = (await usage.json()) as { totals: { requests: number; outputTokens: number } };
      expect(summary.totals.requests).toBeGreaterThanOrEqual(28);
      expect(summary.totals.outputTokens).toBeGreaterThanOrEqual(2 * MAX_TOKEN_COUNT);
    }
    const logs = await fetch(`${gateway.url}/api/request-logs`, { headers: { cookie } });
    expect(logs.status).toBe(200);
  }, 120_000);
});
