/**
 * Issue 10 acceptance, request log: 1,000 requests through the running app (mixed endpoints,
 * stream and non-stream, cache usage, fallbacks; fake upstream) yield exactly 1,000 rows whose
 * tokens and costs match the fake's usage at the catalog's prices — while the log's database is
 * made slow (locked) and, on PostgreSQL, its connections are killed, and no answer is lost. Then
 * a SIGTERM with rows still buffered: the shutdown writes them. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { startAppServer } from "../helpers/app-server";
import { testProviders } from "../helpers/test-database";
import { appEnv } from "../helpers/test-env";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";
import { databaseOutage, lockRequestLog, sleep } from "../request-log/database-outage";
import {
  comparableRow,
  configureFake,
  expectedRow,
  planTraffic,
  runTraffic,
  send,
  sortKey,
} from "../request-log/gateway-traffic";

const PORTS = { sqlite: 3520, postgresql: 3530 } as const;
const REQUESTS = 1000;
const OUTAGE_MS = 4000;

async function waitForRows(db: Db, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let rows = await db.requestLog.count();
  while (rows < count && Date.now() < deadline) {
    await sleep(200);
    rows = await db.requestLog.count();
  }
  return rows;
}

describe.each(testProviders)("request log on %s", (provider) => {
  let gateway: GatewayUnderTest;
  let db: Db;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS[provider], provider });
    configureFake(gateway.fake);
    db = gateway.db;
  }, 240_000);

  afterAll(() => gateway?.stop());

  it("records 1,000 mixed requests exactly once, tokens and costs matching the fake's usage, through a database outage", async () => {
    const plan = planTraffic(REQUESTS);
    let outage: Promise<{ terminated: number }> | undefined;
    let outageWindow: { from: number; to: number } | undefined;
    const answers = await runTraffic(gateway, plan, 8, (done) => {
      if (done === 250) {
        const from = Date.now();
        outage = databaseOutage(gateway.database, OUTAGE_MS).then((result) => {
          outageWindow = { from, to: Date.now() };
          return result;
        });
      }
    });
    const { terminated } = await outage!;

    // No answer lost: every one complete and successful, including those sent during the outage.
    const failures = answers
      .map((answer, index) => ({ index, ...answer }))
      .filter((answer) => answer.status !== 200 || !answer.complete);
    expect(failures.map(({ index, status, text }) => ({ index, status, text: text.slice(0, 300) }))).toEqual([]);
    const answeredDuringOutage = answers.filter(
      (answer) => answer.finishedAt >= outageWindow!.from && answer.finishedAt <= outageWindow!.to,
    );
    expect(answeredDuringOutage.length).toBeGreaterThan(0);
    if (provider === "postgresql") {
      expect(terminated).toBeGreaterThan(0);
      expect(gateway.server.output()).toMatch(/request log: writing \d+ rows failed/);
    }

    expect(await waitForRows(db, REQUESTS)).toBe(REQUESTS);
    await sleep(1000);
    expect(await db.requestLog.count()).toBe(REQUESTS);

    const rows = await db.requestLog.findMany();
    const actual = rows.map(comparableRow).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    const expected = plan.map(expectedRow).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
    expect(actual).toEqual(expected);

    const totalCost = rows.reduce((sum, row) => sum + row.costMicros, 0);
    expect(totalCost).toBe(plan.map(expectedRow).reduce((sum, row) => sum + row.costMicros, 0));
    for (const row of rows) {
      expect(row.apiKeyPrefix).toMatch(/^sy-[0-9a-f]{8}$/);
      expect(row.apiKeyName).toBe("gateway-tests");
      expect(row.latencyMs).toBeGreaterThanOrEqual(0);
      if (row.stream) expect(row.ttftMs).not.toBeNull();
      expect(row.requestBody).toBeNull();
      expect(JSON.stringify(row)).not.toContain(gateway.apiKey);
    }
  }, 300_000);

  it("writes the rows still buffered when the server gets SIGTERM", async () => {
    await db.requestLog.deleteMany();
    const server = await startAppServer(
      Object.fromEntries(Object.entries(appEnv(gateway.database)).map(([key, value]) => [key, value ?? ""])),
      PORTS[provider] + 1,
    );
    const target = { url: server.url, apiKey: gateway.apiKey };
    // One request first, so the key's last-used time is written before the database is locked.
    await send(target, { endpoint: "/v3/router/chat/completions", stream: false, cache: false, fallback: false });
    expect(await waitForRows(db, 1), server.output()).toBe(1);
    const release = await lockRequestLog(gateway.database);
    try {
      const plan = planTraffic(20);
      const answers = await runTraffic(target, plan, 4);
      expect(answers.every((answer) => answer.status === 200 && answer.complete)).toBe(true);
      // The log's table is locked: the 20 rows can only be in the server's buffer.
      const stopped = server.stop();
      await sleep(300);
      await release();
      await stopped;
    } catch (error) {
      await release().catch(() => {});
      await server.stop();
      throw new Error(`${error}\n--- server output ---\n${server.output()}`);
    }
    expect(await db.requestLog.count()).toBe(21);
  }, 300_000);

  it(
    "records failed requests too: the status, the error type and each failed attempt",
    { timeout: 120_000 },
    async () => {
      await db.requestLog.deleteMany();
      gateway.fake.addRule({
        match: (request) => request.rawBody.includes("always-fails"),
        scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
      });
      const reply = await fetch(`${gateway.url}/v3/router/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${gateway.apiKey}` },
        body: JSON.stringify({
          model: "anthropic/claude-sonnet-4-6",
          messages: [{ role: "user", content: "always-fails" }],
          fallbacks: [{ model: "anthropic/claude-opus-4-7" }],
        }),
      });
      expect(reply.status).toBe(503);
      const invalid = await send(gateway, {
        endpoint: "/v3/router/v1/messages",
        stream: false,
        cache: false,
        fallback: false,
      }).then(() =>
        fetch(`${gateway.url}/v3/router/v1/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": gateway.apiKey },
          body: "{not json",
        }),
      );
      expect(invalid.status).toBe(400);
      expect(await waitForRows(db, 3)).toBe(3);
      const failed = await db.requestLog.findFirstOrThrow({ where: { status: 503 } });
      expect(failed).toMatchObject({
        requestedModel: "anthropic/claude-sonnet-4-6",
        servedModel: null,
        errorType: "provider_overloaded",
        costMicros: 0,
      });
      expect(JSON.parse(failed.attempts)).toEqual([
        {
          model: "anthropic/claude-sonnet-4-6",
          provider: "anthropic",
          status: 503,
          latencyMs: expect.any(Number),
          error: "provider_overloaded",
        },
        {
          model: "anthropic/claude-opus-4-7",
          provider: "anthropic",
          status: 503,
          latencyMs: expect.any(Number),
          error: "provider_overloaded",
        },
      ]);
      const badJson = await db.requestLog.findFirstOrThrow({ where: { status: 400 } });
      expect(badJson).toMatchObject({
        endpoint: "/v3/router/v1/messages",
        requestedModel: null,
        errorType: "invalid_request_error",
      });
    },
  );
});
