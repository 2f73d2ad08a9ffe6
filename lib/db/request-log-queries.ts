import { empty, join, raw, sql, type Sql } from "./generated/sqlite/internal/prismaNamespace";
import type { Db } from "./client";

/**
 * The request log's read queries, as explicit SQL so that which index serves each one is
 * visible (and checked on PostgreSQL with EXPLAIN by tests/integration/request-log-explain.test.ts):
 *
 * | filter                      | index                               |
 * | --------------------------- | ----------------------------------- |
 * | none (admin), time range    | RequestLog(createdAt, id)           |
 * | member (always own keys)    | RequestLog(userId, createdAt, id)   |
 * | key                         | RequestLog(apiKeyId, createdAt, id) |
 * | model                       | RequestLog(requestedModel, createdAt, id) |
 * | exact status                | RequestLog(status, createdAt, id)   |
 *
 * A page is `ORDER BY createdAt DESC, id DESC LIMIT n` after the cursor: the index is walked
 * backwards from the cursor — `createdAt <= c` is the index range, the tie on equal timestamps
 * a filter on at most a few rows — so page 10,000 costs what page 1 does. Endpoint and
 * status-class filters ride on whichever index the rest picks.
 */
export type RequestLogFilter = {
  /** Members: only rows of their own keys. */
  userId?: string;
  from?: Date;
  to?: Date;
  apiKeyId?: string;
  model?: string;
  /** An exact code, or "error" (≥ 400) / "success" (< 400). */
  status?: number | "error" | "success";
  endpoint?: string;
};

export type RequestLogCursor = { createdAt: Date; id: string };

function conditions(filter: RequestLogFilter, cursor?: RequestLogCursor): Sql {
  const parts: Sql[] = [];
  if (filter.userId !== undefined) parts.push(sql`"userId" = ${filter.userId}`);
  if (filter.apiKeyId !== undefined) parts.push(sql`"apiKeyId" = ${filter.apiKeyId}`);
  if (filter.model !== undefined) parts.push(sql`"requestedModel" = ${filter.model}`);
  if (typeof filter.status === "number") parts.push(sql`"status" = ${filter.status}`);
  if (filter.status === "error") parts.push(sql`"status" >= 400`);
  if (filter.status === "success") parts.push(sql`"status" < 400`);
  if (filter.endpoint !== undefined) parts.push(sql`"endpoint" = ${filter.endpoint}`);
  if (filter.from) parts.push(sql`"createdAt" >= ${filter.from}`);
  if (filter.to) parts.push(sql`"createdAt" < ${filter.to}`);
  if (cursor) {
    parts.push(sql`"createdAt" <= ${cursor.createdAt}`);
    parts.push(sql`("createdAt" < ${cursor.createdAt} OR "id" < ${cursor.id})`);
  }
  return parts.length ? sql`WHERE ${join(parts, " AND ")}` : empty;
}

const LIST_COLUMNS = sql`"id", "createdAt", "apiKeyId", "apiKeyName", "apiKeyPrefix", "userId", "endpoint", "requestedModel",
  "servedModel", "attempts", "status", "errorType", "stream", "latencyMs", "ttftMs", "inputTokens", "outputTokens",
  "cacheReadTokens", "cacheWrite5mTokens", "cacheWrite1hTokens", "costMicros", "cacheSavingsMicros"`;

/** One page, newest first, strictly after `cursor`. */
export function requestLogPageSql(filter: RequestLogFilter, limit: number, cursor?: RequestLogCursor): Sql {
  return sql`SELECT ${LIST_COLUMNS} FROM "RequestLog" ${conditions(filter, cursor)} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`;
}

export type RequestLogListRow = {
  id: string;
  createdAt: Date;
  apiKeyId: string | null;
  apiKeyName: string | null;
  apiKeyPrefix: string | null;
  userId: string | null;
  endpoint: string;
  requestedModel: string | null;
  servedModel: string | null;
  attempts: string;
  status: number;
  errorType: string | null;
  stream: boolean;
  latencyMs: number;
  ttftMs: number | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  costMicros: number;
  cacheSavingsMicros: number;
};

/**
 * A stored number as a finite JavaScript number, whatever the driver returns (number, bigint,
 * numeric text) and whatever is stored (rows written before values were sanitized): NaN and
 * null are 0, overflow the largest safe integer — never a non-finite value JSON cannot carry.
 */
function storedNumber(value: unknown): number {
  const number = Number(value ?? 0);
  if (Number.isNaN(number)) return 0;
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, number));
}

/** Raw rows come back as each driver types them (SQLite: ISO text, 0/1, bigint): made uniform here. */
function normalize(row: Record<string, unknown>): RequestLogListRow {
  const number = (value: unknown) => (value === null || value === undefined ? null : storedNumber(value));
  return {
    ...(row as RequestLogListRow),
    createdAt: row.createdAt instanceof Date ? row.createdAt : new Date(String(row.createdAt)),
    stream: row.stream === true || row.stream === 1 || row.stream === 1n || row.stream === "1" || row.stream === "true",
    status: storedNumber(row.status),
    latencyMs: storedNumber(row.latencyMs),
    ttftMs: number(row.ttftMs),
    inputTokens: storedNumber(row.inputTokens),
    outputTokens: storedNumber(row.outputTokens),
    cacheReadTokens: storedNumber(row.cacheReadTokens),
    cacheWrite5mTokens: storedNumber(row.cacheWrite5mTokens),
    cacheWrite1hTokens: storedNumber(row.cacheWrite1hTokens),
    costMicros: storedNumber(row.costMicros),
    cacheSavingsMicros: storedNumber(row.cacheSavingsMicros),
  };
}

export async function readRequestLogPage(
  db: Db,
  filter: RequestLogFilter,
  limit: number,
  cursor?: RequestLogCursor,
): Promise<RequestLogListRow[]> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(requestLogPageSql(filter, limit, cursor));
  return rows.map(normalize);
}

/** Day buckets (UTC, `YYYY-MM-DD`) in each dialect. */
function dayExpression(provider: "sqlite" | "postgresql"): Sql {
  // SQLite stores DateTime as ISO-8601 text; PostgreSQL as timestamp (UTC).
  return provider === "sqlite" ? sql`substr("createdAt", 1, 10)` : sql`to_char("createdAt", 'YYYY-MM-DD')`;
}

/**
 * A column's sum that cannot fail on stored data: SQLite's SUM raises "integer overflow" past
 * 64 bits, where TOTAL goes on in floating point (exact to 2^53); PostgreSQL sums in bigint
 * (numeric result), so even 32-bit extremes added together fit.
 */
function sumOf(provider: "sqlite" | "postgresql", ...columns: string[]): Sql {
  const cast = (column: string) => (provider === "sqlite" ? `"${column}"` : `"${column}"::bigint`);
  const total = raw(columns.map(cast).join(" + "));
  return provider === "sqlite" ? sql`TOTAL(${total})` : sql`SUM(${total})`;
}

function groupExpression(groupBy: "model" | "key"): Sql {
  return groupBy === "model"
    ? sql`COALESCE("servedModel", "requestedModel", '(none)')`
    : sql`COALESCE("apiKeyPrefix" || ' ' || "apiKeyName", '(no key)')`;
}

export type UsageBucket = {
  day: string;
  group: string;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costMicros: number;
  cacheSavingsMicros: number;
};

/** Sums per day and group: one pass over the time range ([createdAt, id] or [userId, createdAt, id]). */
export async function readUsageBuckets(
  db: Db,
  provider: "sqlite" | "postgresql",
  filter: RequestLogFilter,
  groupBy: "model" | "key",
): Promise<UsageBucket[]> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    SELECT ${dayExpression(provider)} AS "day", ${groupExpression(groupBy)} AS "group",
      COUNT(*) AS "requests",
      SUM(CASE WHEN "status" >= 400 THEN 1 ELSE 0 END) AS "errors",
      ${sumOf(provider, "inputTokens")} AS "inputTokens", ${sumOf(provider, "outputTokens")} AS "outputTokens",
      ${sumOf(provider, "cacheReadTokens")} AS "cacheReadTokens",
      ${sumOf(provider, "cacheWrite5mTokens", "cacheWrite1hTokens")} AS "cacheWriteTokens",
      ${sumOf(provider, "costMicros")} AS "costMicros", ${sumOf(provider, "cacheSavingsMicros")} AS "cacheSavingsMicros"
    FROM "RequestLog" ${conditions(filter)}
    GROUP BY 1, 2 ORDER BY 1, 2`);
  return rows.map((row) => ({
    day: String(row.day),
    group: String(row.group),
    requests: storedNumber(row.requests),
    errors: storedNumber(row.errors),
    inputTokens: storedNumber(row.inputTokens),
    outputTokens: storedNumber(row.outputTokens),
    cacheReadTokens: storedNumber(row.cacheReadTokens),
    cacheWriteTokens: storedNumber(row.cacheWriteTokens),
    costMicros: storedNumber(row.costMicros),
    cacheSavingsMicros: storedNumber(row.cacheSavingsMicros),
  }));
}

/**
 * p50 and p95 latency per day (nearest rank), with window functions both dialects have, so
 * the two databases compute the same numbers. Successful requests only: a 401 in 2 ms is not
 * a latency anyone waits for.
 */
export async function readLatencyPercentiles(
  db: Db,
  provider: "sqlite" | "postgresql",
  filter: RequestLogFilter,
): Promise<Array<{ day: string; p50: number; p95: number }>> {
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>(sql`
    WITH ranked AS (
      SELECT ${dayExpression(provider)} AS "day", "latencyMs",
        ROW_NUMBER() OVER (PARTITION BY ${dayExpression(provider)} ORDER BY "latencyMs") AS "rank",
        COUNT(*) OVER (PARTITION BY ${dayExpression(provider)}) AS "total"
      FROM "RequestLog" ${conditions({ ...filter, status: "success" })}
    )
    SELECT "day",
      MIN(CASE WHEN "rank" >= ("total" * 50 + 99) / 100 THEN "latencyMs" END) AS "p50",
      MIN(CASE WHEN "rank" >= ("total" * 95 + 99) / 100 THEN "latencyMs" END) AS "p95"
    FROM ranked GROUP BY "day" ORDER BY "day"`);
  return rows.map((row) => ({ day: String(row.day), p50: storedNumber(row.p50), p95: storedNumber(row.p95) }));
}

/** Every distinct requested model in the log (the model filter's options). Uses the model index. */
export async function readLoggedModels(db: Db, userId?: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ model: string }>>(sql`
    SELECT DISTINCT "requestedModel" AS "model" FROM "RequestLog"
    WHERE "requestedModel" IS NOT NULL ${userId === undefined ? empty : sql`AND "userId" = ${userId}`}
    ORDER BY 1 LIMIT 200`);
  return rows.map((row) => row.model);
}
