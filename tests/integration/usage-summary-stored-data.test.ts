/**
 * The usage summary, the log's pages and its CSV export read whatever is stored — rows written
 * before values were sanitized, or by hand — without failing: sums that overflow a column's type,
 * 32-bit extremes added together, values of the wrong type. Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { requestLogsCsvStream } from "@/lib/request-log/export-request-logs-csv";
import { listRequestLogs } from "@/lib/request-log/list-request-logs";
import { requestLogQuerySchema } from "@/lib/request-log/request-log-filters";
import { summarizeUsage } from "@/lib/request-log/usage-summary";
import { testProviders, type TestDatabase } from "../helpers/test-database";
import { createMigratedDatabase, disposeDatabase } from "../helpers/test-env";

const admin: SignedInUser = { id: "user_admin", email: "admin@example.com", role: "admin" };
const query = (input: Record<string, unknown> = {}) => requestLogQuerySchema.parse(input);
const INT4_MAX = 2_147_483_647;

/** The most each database's columns can hold: 32-bit on PostgreSQL, 64-bit (or any type) on SQLite. */
const extremes = {
  postgresql: [INT4_MAX, INT4_MAX, INT4_MAX],
  sqlite: [9e18, 9e18, "9e18"],
} as const;

describe.each(testProviders)("usage from extreme stored rows on %s", (provider) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    ({ database, db } = await createMigratedDatabase(provider));
    const now = new Date();
    for (const [index, value] of extremes[provider].entries()) {
      const createdAt = provider === "sqlite" ? now.toISOString().replace("Z", "+00:00") : now;
      const placeholders = Array.from({ length: 10 }, (_, at) => (provider === "sqlite" ? "?" : `$${at + 1}`));
      await db.$executeRawUnsafe(
        `INSERT INTO "RequestLog" ("id", "createdAt", "endpoint", "requestedModel", "attempts", "status", "latencyMs",
          "inputTokens", "outputTokens", "cacheReadTokens", "cacheWrite5mTokens", "cacheWrite1hTokens", "costMicros",
          "cacheSavingsMicros")
         VALUES (${placeholders[0]}, ${placeholders[1]}, '/v1/messages', 'anthropic/claude-sonnet-4-6', '[]', 200,
           ${placeholders.slice(2).join(", ")})`,
        `row-${index}`,
        createdAt,
        ...Array.from({ length: 8 }, () => value),
      );
    }
  });

  afterAll(() => disposeDatabase({ database, db }));

  it("summarizes them, per model and per key, as finite numbers", async () => {
    for (const groupBy of ["model", "key"] as const) {
      const summary = await summarizeUsage(db, admin, query(), groupBy);
      expect(summary.totals.requests).toBe(3);
      for (const value of Object.values(summary.totals)) expect(Number.isFinite(value)).toBe(true);
      expect(summary.totals.cacheWriteTokens).toBeGreaterThan(0);
      expect(JSON.parse(JSON.stringify(summary))).toMatchObject({ totals: { requests: 3 } });
      expect(summary.latency).toHaveLength(1);
    }
  });

  it("lists and exports them", async () => {
    expect((await listRequestLogs(db, admin, query())).rows).toHaveLength(3);
    const csv = await new Response(requestLogsCsvStream(db, admin, query())).text();
    expect(csv.trimEnd().split("\r\n")).toHaveLength(4);
  });
});
