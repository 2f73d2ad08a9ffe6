import { join, raw, sql } from "./generated/sqlite/internal/prismaNamespace";
import type { Db } from "./client";

/** RequestLog's columns, in the order each row's values are written. */
const COLUMNS = [
  "id",
  "createdAt",
  "apiKeyId",
  "apiKeyName",
  "apiKeyPrefix",
  "userId",
  "endpoint",
  "requestedModel",
  "servedModel",
  "attempts",
  "status",
  "errorType",
  "stream",
  "latencyMs",
  "ttftMs",
  "inputTokens",
  "outputTokens",
  "cacheReadTokens",
  "cacheWrite5mTokens",
  "cacheWrite1hTokens",
  "costMicros",
  "cacheSavingsMicros",
  "requestBody",
  "responseBody",
] as const;

export type RequestLogInsert = { [Column in (typeof COLUMNS)[number]]: string | number | boolean | Date | null };

/** RequestLog's columns in write order, for writers that build their own statement. */
export const REQUEST_LOG_COLUMNS: readonly string[] = COLUMNS;

/**
 * A row as SQLite parameters, in column order, the way Prisma's SQLite adapter stores them:
 * dates as ISO 8601 with `+00:00`, booleans as 0/1. Plain values, so they cross to a worker
 * thread by structured clone.
 */
export function sqliteRequestLogValues(row: RequestLogInsert): Array<string | number | null> {
  return COLUMNS.map((column) => {
    const value = row[column];
    if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
    if (typeof value === "boolean") return value ? 1 : 0;
    return value;
  });
}

const COLUMN_LIST = raw(COLUMNS.map((column) => `"${column}"`).join(", "));

/**
 * Writes a batch of request-log rows in one multi-row INSERT. A raw statement, not
 * `createMany`: the query compiler plans and renders createMany per call, parameter by
 * parameter, which cost more CPU than the gateway's own work per request (bench profile).
 * Ids are made by the caller, so a batch retried after an ambiguous failure (connection lost
 * after the commit) is not written twice: `ON CONFLICT DO NOTHING`, the same on both databases.
 */
export async function insertRequestLogRows(db: Db, rows: readonly RequestLogInsert[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((row) => sql`(${join(COLUMNS.map((column) => row[column]))})`);
  await db.$executeRaw(
    sql`INSERT INTO "RequestLog" (${COLUMN_LIST}) VALUES ${join(values)} ON CONFLICT ("id") DO NOTHING`,
  );
}
