/**
 * The request log's read side on both databases: keyset pages (every row exactly once, newest
 * first, filters), members limited to their own keys, usage totals equal to the sum of the rows
 * to the micro-dollar, the CSV export, and retention pruning.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { insertRequestLogRows } from "@/lib/db/insert-request-log-rows";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { buildRequestLogRow, type RequestLogRow } from "@/lib/request-log/build-request-log-row";
import { requestLogsCsvStream } from "@/lib/request-log/export-request-logs-csv";
import { getRequestLog, listRequestLogs } from "@/lib/request-log/list-request-logs";
import { requestLogQuerySchema } from "@/lib/request-log/request-log-filters";
import { pruneRequestLog, setRetentionDays } from "@/lib/request-log/retention";
import { summarizeUsage } from "@/lib/request-log/usage-summary";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

const admin: SignedInUser = { id: "user_admin", email: "admin@example.com", role: "admin" };
const member: SignedInUser = { id: "user_member", email: "member@example.com", role: "member" };
const DAY = 86_400_000;
const NOW = Math.floor(Date.now() / 3_600_000) * 3_600_000;

const query = (input: Record<string, unknown> = {}) => requestLogQuerySchema.parse(input);

/** 300 rows over 3 days, two keys (one per user), two models, some errors, all in the same few timestamps. */
function seedRows(): RequestLogRow[] {
  return Array.from({ length: 300 }, (_, index) => {
    const mine = index % 3 === 0;
    const model = index % 2 === 0 ? "anthropic/claude-sonnet-4-6" : "anthropic/claude-haiku-4-5";
    // Several rows share each timestamp: the cursor must break ties by id.
    const startedAt = new Date(NOW - Math.floor(index / 4) * 3_600_000);
    const failed = index % 10 === 7;
    return buildRequestLogRow({
      startedAt,
      endpoint: index % 2 ? "/v3/router/chat/completions" : "/v3/router/v1/messages",
      principal: mine
        ? {
            keyId: "key_member",
            keyName: "member laptop",
            keyPrefix: "sy-bbbbbbbb",
            userId: member.id,
            logBodies: false,
            limits: null,
          }
        : {
            keyId: "key_admin",
            keyName: "ci",
            keyPrefix: "sy-aaaaaaaa",
            userId: admin.id,
            logBodies: index === 1,
            limits: null,
          },
      requestedModel: model,
      servedModel: failed ? undefined : model,
      attempts: [{ model, status: failed ? 503 : 200, latencyMs: 10 + index }],
      status: failed ? 503 : 200,
      errorType: failed ? "provider_overloaded" : undefined,
      stream: index % 4 === 0,
      latencyMs: 10 + index,
      ttftMs: 5,
      usage: failed
        ? undefined
        : {
            inputTokens: 100 + index,
            outputTokens: 50,
            cacheReadInputTokens: index % 5 === 0 ? 1000 : 0,
            cacheCreationInputTokens: index % 7 === 0 ? 300 : 0,
          },
      requestBody: { messages: [{ role: "user", content: `question ${index}` }] },
      responseBody: { text: `answer ${index}` },
    });
  });
}

describe.each(testProviders)("request log queries on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;
  const rows = seedRows();

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    // Written as the server writes them; the second batch is a retry after an ambiguous failure.
    await insertRequestLogRows(getDataPlaneDb(), rows);
    await insertRequestLogRows(getDataPlaneDb(), rows.slice(0, 50));
  });

  it("stores each row exactly once, as Prisma reads it back", async () => {
    expect(await db.requestLog.count()).toBe(rows.length);
    for (const row of [rows[0]!, rows[1]!, rows[7]!]) {
      expect(await db.requestLog.findUnique({ where: { id: row.id } })).toEqual(row);
    }
  });

  afterAll(() => disposeDatabase({ database, db }));

  async function allPages(viewer: SignedInUser, input: Record<string, unknown> = {}) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await listRequestLogs(db, viewer, query({ ...input, limit: 7, ...(cursor ? { cursor } : {}) }));
      seen.push(...result.rows.map((row) => row.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return seen;
  }

  const newestFirst = (subset: RequestLogRow[]) =>
    [...subset]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0))
      .map((row) => row.id);

  it("pages through every row exactly once, newest first, ties broken by id", async () => {
    expect(await allPages(admin)).toEqual(newestFirst(rows));
  });

  it.each([
    ["key", { key: "key_member" }, (row: RequestLogRow) => row.apiKeyId === "key_member"],
    [
      "model",
      { model: "anthropic/claude-haiku-4-5" },
      (row: RequestLogRow) => row.requestedModel === "anthropic/claude-haiku-4-5",
    ],
    ["exact status", { status: "503" }, (row: RequestLogRow) => row.status === 503],
    ["errors", { status: "error" }, (row: RequestLogRow) => row.status >= 400],
    [
      "endpoint",
      { endpoint: "/v3/router/v1/messages" },
      (row: RequestLogRow) => row.endpoint === "/v3/router/v1/messages",
    ],
    [
      "time range",
      { from: new Date(NOW - DAY).toISOString(), to: new Date(NOW - DAY / 2).toISOString() },
      (row: RequestLogRow) => row.createdAt.getTime() >= NOW - DAY && row.createdAt.getTime() < NOW - DAY / 2,
    ],
  ])("filters by %s", async (_name, filter, predicate) => {
    const expected = newestFirst(rows.filter(predicate));
    expect(expected.length).toBeGreaterThan(0);
    expect(await allPages(admin, filter)).toEqual(expected);
  });

  it("shows members only their own keys' rows, whatever they filter on", async () => {
    expect(await allPages(member)).toEqual(newestFirst(rows.filter((row) => row.userId === member.id)));
    expect(await allPages(member, { key: "key_admin" })).toEqual([]);
    const adminRow = rows.find((row) => row.userId === admin.id)!;
    await expect(getRequestLog(db, member, adminRow.id)).rejects.toThrow(/no request/);
    expect((await getRequestLog(db, admin, adminRow.id)).id).toBe(adminRow.id);
  });

  it("returns bodies in the detail only when they were logged", async () => {
    const logged = await getRequestLog(db, admin, rows[1]!.id);
    expect(JSON.parse(logged.requestBody!)).toEqual({ messages: [{ role: "user", content: "question 1" }] });
    expect((await getRequestLog(db, admin, rows[2]!.id)).requestBody).toBeNull();
  });

  it("sums usage to exactly the log's totals, per model and per key", async () => {
    const expectedCost = rows.reduce((sum, row) => sum + row.costMicros, 0);
    expect(expectedCost).toBeGreaterThan(0);
    for (const groupBy of ["model", "key"] as const) {
      const summary = await summarizeUsage(db, admin, query(), groupBy);
      expect(summary.totals.costMicros).toBe(expectedCost);
      expect(summary.totals.cacheSavingsMicros).toBe(rows.reduce((sum, row) => sum + row.cacheSavingsMicros, 0));
      expect(summary.totals.requests).toBe(300);
      expect(summary.totals.errors).toBe(rows.filter((row) => row.status >= 400).length);
      expect(summary.totals.inputTokens).toBe(rows.reduce((sum, row) => sum + row.inputTokens, 0));
    }
    const byKey = await summarizeUsage(db, admin, query(), "key");
    expect(new Set(byKey.buckets.map((bucket) => bucket.group))).toEqual(
      new Set(["sy-aaaaaaaa ci", "sy-bbbbbbbb member laptop"]),
    );
    const mine = await summarizeUsage(db, member, query(), "model");
    expect(mine.totals.costMicros).toBe(
      rows.filter((row) => row.userId === member.id).reduce((sum, row) => sum + row.costMicros, 0),
    );
  });

  it("computes p50 and p95 latency per day by nearest rank, successful requests only", async () => {
    const summary = await summarizeUsage(db, admin, query(), "model");
    for (const point of summary.latency) {
      const latencies = rows
        .filter((row) => row.status < 400 && row.createdAt.toISOString().slice(0, 10) === point.day)
        .map((row) => row.latencyMs)
        .sort((a, b) => a - b);
      const rank = (p: number) => latencies[Math.ceil(latencies.length * p) - 1];
      expect(point).toEqual({ day: point.day, p50: rank(0.5), p95: rank(0.95) });
    }
  });

  it("exports the filtered rows as CSV, costs as exact decimals", async () => {
    const response = new Response(requestLogsCsvStream(db, admin, query({ key: "key_member" })));
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^time,key_name,key_prefix,endpoint,/);
    const expected = rows.filter((row) => row.apiKeyId === "key_member");
    expect(lines).toHaveLength(expected.length + 1);
    const costColumn = lines[0]!.split(",").indexOf("cost_usd");
    const exported = lines
      .slice(1)
      .reduce((sum, line) => sum + Math.round(Number(line.split(",")[costColumn]) * 1e6), 0);
    expect(exported).toBe(expected.reduce((sum, row) => sum + row.costMicros, 0));
  });

  it("prunes rows older than the retention setting", async () => {
    await setRetentionDays(db, 2);
    const cutoff = Date.now() - 2 * DAY;
    const expectedLeft = await db.requestLog.count({ where: { createdAt: { gte: new Date(cutoff) } } });
    expect(expectedLeft).toBeGreaterThan(0);
    expect(expectedLeft).toBeLessThan(300);
    const { logRows } = await pruneRequestLog(getDataPlaneDb());
    expect(logRows).toBe(300 - expectedLeft);
    expect(await db.requestLog.count()).toBe(expectedLeft);
    await expect(setRetentionDays(db, -1)).rejects.toThrow();
  });
});
