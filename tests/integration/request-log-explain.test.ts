/**
 * Keyset pagination stays fast at a million rows: on PostgreSQL with 1,000,000 log rows, every
 * page query — first page and one deep in the table, unfiltered, per member, per key, model and
 * status — is an index scan on the index lib/db/request-log-queries.ts names for it, with no
 * sort and no sequential scan. (Plans, not timings: no timed assertions here.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, createDb, type Db } from "@/lib/db";
import { requestLogPageSql, type RequestLogFilter } from "@/lib/db/request-log-queries";
import { sql } from "@/lib/db/generated/postgresql/internal/prismaNamespace";
import { createTestDatabase, postgresUrl, type TestDatabase } from "../helpers/test-database";
import { disposeDatabase, useAppEnv } from "../helpers/test-env";

const ROWS = 1_000_000;

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.runIf(postgresUrl)("request log page queries at 1M rows (PostgreSQL)", () => {
  let database: TestDatabase;
  let db: Db;
  let deepCursor: { createdAt: Date; id: string };

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    await applyMigrations(database);
    useAppEnv(database);
    // Seeding a million rows is one long statement: more than the app's statement timeout allows.
    db = createDb({ provider: "postgresql", url: database.url }, { statementTimeoutMs: 600_000 });
    // A year of traffic: 50 users, 200 keys, 6 models, 5% errors.
    await db.$executeRaw(sql`
      INSERT INTO "RequestLog" ("id", "createdAt", "apiKeyId", "apiKeyName", "apiKeyPrefix", "userId", "endpoint",
        "requestedModel", "servedModel", "attempts", "status", "stream", "latencyMs", "inputTokens", "outputTokens", "costMicros")
      SELECT md5(i::text), now() - (i * interval '31 seconds'), 'key_' || (i % 200), 'key ' || (i % 200), 'sy-' || lpad((i % 200)::text, 8, '0'),
        'user_' || (i % 50), '/v3/router/chat/completions', 'anthropic/model-' || (i % 6), 'anthropic/model-' || (i % 6), '[]',
        CASE WHEN i % 20 = 0 THEN 503 ELSE 200 END, i % 2 = 0, 100 + i % 900, 100, 50, 312
      FROM generate_series(1, ${ROWS}) AS i`);
    await db.$executeRaw(sql`ANALYZE "RequestLog"`);
    const [deep] = await db.$queryRaw<Array<{ createdAt: Date; id: string }>>(
      sql`SELECT "createdAt", "id" FROM "RequestLog" ORDER BY "createdAt" DESC, "id" DESC OFFSET 900000 LIMIT 1`,
    );
    deepCursor = deep!;
  }, 600_000);

  afterAll(() => disposeDatabase({ database, db }));

  it.each<[string, RequestLogFilter, string]>([
    ["no filter (admin)", {}, "RequestLog_createdAt_id_idx"],
    ["a member's own keys", { userId: "user_7" }, "RequestLog_userId_createdAt_id_idx"],
    ["one key", { apiKeyId: "key_42" }, "RequestLog_apiKeyId_createdAt_id_idx"],
    ["one model", { model: "anthropic/model-3" }, "RequestLog_requestedModel_createdAt_id_idx"],
    ["an exact status", { status: 503 }, "RequestLog_status_createdAt_id_idx"],
  ])(
    "%s: first and deep pages walk %s, no sort, no sequential scan",
    async (_name, filter, index) => {
      for (const cursor of [undefined, deepCursor]) {
        const page = requestLogPageSql(filter, 51, cursor);
        const [result] = await db.$queryRaw<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
          sql`EXPLAIN (FORMAT JSON) ${page}`,
        );
        const planNodes = nodes(result!["QUERY PLAN"][0]!.Plan);
        const summary = planNodes.map(
          (node) => `${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ""}`,
        );
        expect(summary, summary.join(" > ")).toContain(`Index Scan ${index}`);
        expect(
          summary.some((node) => node.startsWith("Sort") || node.startsWith("Seq Scan")),
          summary.join(" > "),
        ).toBe(false);
      }
    },
    120_000,
  );
});
