/**
 * The production server's SQLite request-log writer (a worker thread with better-sqlite3): rows
 * read back through Prisma exactly as the data-plane client stores them, a retried batch is not
 * written twice, a locked database fails the batch (for the batch writer to retry) without
 * blocking this thread, and the writer recovers once the lock is gone.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { insertRequestLogRows } from "@/lib/db/insert-request-log-rows";
import { offThreadSqliteRequestLogWriter } from "@/lib/db/off-thread-request-log-writer";
import { buildRequestLogRow, type RequestLogRow } from "@/lib/request-log/build-request-log-row";
import type { TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";

function row(index: number, overrides: Partial<Parameters<typeof buildRequestLogRow>[0]> = {}): RequestLogRow {
  return buildRequestLogRow({
    startedAt: new Date(Date.UTC(2026, 11, 2, 12, 0, 0, index)),
    endpoint: "/v3/router/chat/completions",
    principal: {
      keyId: "key_1",
      keyName: "ci",
      keyPrefix: "sy-aaaaaaaa",
      userId: "user_1",
      logBodies: index % 2 === 0,
      limits: null,
    },
    requestedModel: "anthropic/claude-sonnet-4-6",
    servedModel: "anthropic/claude-sonnet-4-6",
    attempts: [{ model: "anthropic/claude-sonnet-4-6", status: 200, latencyMs: 12 }],
    status: 200,
    errorType: undefined,
    stream: index % 3 === 0,
    latencyMs: 12.5 + index,
    ttftMs: index % 4 === 0 ? undefined : 3,
    usage: { inputTokens: 100 + index, outputTokens: 7, cacheReadInputTokens: 1000, cacheCreationInputTokens: 0 },
    requestBody: { messages: [{ role: "user", content: `question ${index} — é` }] },
    responseBody: { text: `answer ${index}` },
    ...overrides,
  });
}

describe("off-thread SQLite request log writer", () => {
  let database: TestDatabase;
  let db: Db;
  let file: string;

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase("sqlite"));
    file = database.url.slice("file:".length);
  });

  afterAll(() => disposeDatabase({ database, db }));

  it("stores rows as the data-plane client does, each once even when a batch is retried", async () => {
    const write = offThreadSqliteRequestLogWriter(file);
    const rows = Array.from({ length: 40 }, (_, index) =>
      row(index, index === 5 ? { status: 503, errorType: "provider_overloaded", usage: undefined } : {}),
    );
    await write(rows);
    await write(rows.slice(0, 10));
    expect(await db.requestLog.count({ where: { id: { in: rows.map((r) => r.id) } } })).toBe(rows.length);
    for (const expected of [rows[0]!, rows[1]!, rows[5]!, rows[39]!]) {
      expect(await db.requestLog.findUnique({ where: { id: expected.id } })).toEqual(expected);
    }

    // The same rows through the data-plane client read back identically.
    const viaDataPlane = [row(100), row(101)];
    await insertRequestLogRows(getDataPlaneDb(), viaDataPlane);
    const viaWorker = [row(100), row(101)].map((r) => ({ ...r, id: `${r.id}-worker` }));
    await write(viaWorker);
    for (const [index, expected] of viaDataPlane.entries()) {
      const fromDataPlane = await db.requestLog.findUnique({ where: { id: expected.id } });
      const fromWorker = await db.requestLog.findUnique({ where: { id: viaWorker[index]!.id } });
      expect({ ...fromWorker, id: expected.id }).toEqual(fromDataPlane);
    }
  });

  it("fails a batch while the database is locked, without blocking this thread, and writes it once the lock is gone", async () => {
    const write = offThreadSqliteRequestLogWriter(file, 300);
    const locker = new Database(file);
    locker.exec("BEGIN IMMEDIATE");
    let turns = 0;
    let settled = false;
    const spin = () => {
      turns += 1;
      if (!settled) setImmediate(spin);
    };
    setImmediate(spin);
    const rows = [row(200), row(201)];
    const failure = await write(rows).then(
      () => undefined,
      (error: unknown) => error,
    );
    settled = true;
    locker.exec("COMMIT");
    locker.close();
    expect(String(failure)).toMatch(/SQLITE_BUSY|locked/i);
    // This thread kept running while the worker waited for the lock.
    expect(turns).toBeGreaterThan(10);

    await write(rows);
    expect(await db.requestLog.count({ where: { id: { in: rows.map((r) => r.id) } } })).toBe(2);
  });
});
