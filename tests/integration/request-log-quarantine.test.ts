/**
 * A row the database refuses never stops the request log: the batch writer bisects the batch,
 * writes every other row and keeps the refused one in RequestLogQuarantine with the database's
 * reason — on PostgreSQL (Prisma), and on SQLite through Prisma and through the production
 * server's writer thread. The rows here skip the sanitizer on purpose, as a bug in it would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { insertRequestLogRows, type RequestLogInsert } from "@/lib/db/insert-request-log-rows";
import { isDataError } from "@/lib/db/is-data-error";
import { offThreadSqliteRequestLogWriter } from "@/lib/db/off-thread-request-log-writer";
import { quarantineRequestLogRow } from "@/lib/db/quarantine-request-log-row";
import { BatchWriter } from "@/lib/request-log/batch-writer";
import { buildRequestLogRow, type RequestLogRow } from "@/lib/request-log/build-request-log-row";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

function row(index: number): RequestLogRow {
  return buildRequestLogRow({
    startedAt: new Date(Date.UTC(2026, 11, 3, 12, 0, 0, index)),
    endpoint: "/v3/router/chat/completions",
    principal: undefined,
    requestedModel: "anthropic/claude-sonnet-4-6",
    servedModel: "anthropic/claude-sonnet-4-6",
    attempts: [{ model: "anthropic/claude-sonnet-4-6", status: 200, latencyMs: 12 }],
    status: 200,
    errorType: undefined,
    stream: false,
    latencyMs: 12,
    ttftMs: undefined,
    usage: { inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
    requestBody: undefined,
    responseBody: undefined,
  });
}

type Writer = { name: string; write: (db: Db, database: TestDatabase) => (rows: RequestLogInsert[]) => Promise<void> };
const dataPlaneWriter: Writer = {
  name: "one INSERT",
  write: () => (rows) => insertRequestLogRows(getDataPlaneDb(), rows),
};
const threadWriter: Writer = {
  name: "the writer thread",
  write: (_db, database) => offThreadSqliteRequestLogWriter(database.url.slice("file:".length)),
};

/** Values each database refuses, applied after the sanitizer. */
const badValues = {
  postgresql: [{ requestedModel: "anthropic/claude\u0000" }, { outputTokens: 1e308 }, { latencyMs: NaN }],
  sqlite: [{ latencyMs: NaN }, { inputTokens: NaN }],
} as const;

const cases = testProviders.flatMap((provider) =>
  (provider === "sqlite" ? [dataPlaneWriter, threadWriter] : [dataPlaneWriter]).map(
    (writer) => [provider, writer.name, writer] as const,
  ),
);

describe.each(cases)("on %s via %s, a refused row", (provider, _name, writer) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
  });

  afterAll(() => disposeDatabase({ database, db }));

  it("is quarantined with its reason while every other row is written", async () => {
    const alarms: string[] = [];
    const batchWriter = new BatchWriter<RequestLogRow>({
      write: writer.write(db, database),
      isDataError,
      quarantine: (refused, reason) => quarantineRequestLogRow(getDataPlaneDb(), refused, reason),
      alarm: (message) => alarms.push(message),
      warn: () => {},
      flushDelayMs: 10_000,
    });
    const bad = badValues[provider].map((values, index) => ({ ...row(1000 + index), ...values }) as RequestLogRow);
    const good = Array.from({ length: 40 }, (_, index) => row(index));
    const rows = [...good.slice(0, 10), bad[0]!, ...good.slice(10, 30), ...bad.slice(1), ...good.slice(30)];
    for (const each of rows) batchWriter.enqueue(each);
    const stats = await batchWriter.flush(20_000);

    expect(stats).toMatchObject({ buffered: 0, written: good.length, quarantined: bad.length, discarded: 0 });
    expect(await db.requestLog.count({ where: { id: { in: good.map((each) => each.id) } } })).toBe(good.length);
    expect(await db.requestLog.count({ where: { id: { in: bad.map((each) => each.id) } } })).toBe(0);
    const kept = await db.requestLogQuarantine.findMany({ orderBy: { id: "asc" } });
    expect(kept.map((each) => each.id).sort()).toEqual(bad.map((each) => each.id).sort());
    for (const each of kept) {
      expect(each.reason).toMatch(provider === "postgresql" ? /22021|22P02|22003|23502/ : /SQLITE_CONSTRAINT/);
      expect((JSON.parse(each.row) as { id: string }).id).toBe(each.id);
    }
    expect(alarms.join("\n")).toMatch(
      new RegExp(`refused ${bad.length} rows .*${bad.length} quarantined, 0 discarded`),
    );

    // And the log goes on.
    const after = Array.from({ length: 20 }, (_, index) => row(2000 + index));
    for (const each of after) batchWriter.enqueue(each);
    await batchWriter.flush(20_000);
    expect(await db.requestLog.count({ where: { id: { in: after.map((each) => each.id) } } })).toBe(after.length);
  }, 60_000);
});
