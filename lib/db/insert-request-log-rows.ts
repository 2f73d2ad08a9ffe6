import type { DataPlaneDb } from "./data-plane/data-plane-db";
import { sqliteDate } from "./data-plane/sql-values";

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
    if (value instanceof Date) return sqliteDate(value);
    if (typeof value === "boolean") return value ? 1 : 0;
    return value;
  });
}

const COLUMN_LIST = COLUMNS.map((column) => `"${column}"`).join(", ");
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => "?").join(", ")})`;

/**
 * Writes a batch of request-log rows in one multi-row INSERT, through the data-plane client (the
 * production server hands SQLite's rows to a writer thread instead: off-thread-request-log-writer.ts).
 * Ids are made by the caller, so a batch retried after an ambiguous failure (connection lost
 * after the commit) is not written twice: `ON CONFLICT DO NOTHING`, the same on both databases.
 */
export async function insertRequestLogRows(db: DataPlaneDb, rows: readonly RequestLogInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(
    `INSERT INTO "RequestLog" (${COLUMN_LIST}) VALUES ${rows.map(() => ROW_PLACEHOLDERS).join(", ")} ON CONFLICT ("id") DO NOTHING`,
    rows.flatMap((row) => COLUMNS.map((column) => row[column])),
  );
}
