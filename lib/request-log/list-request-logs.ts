import type { Db } from "@/lib/db";
import type { SignedInUser } from "@/lib/auth/login-sessions";
import { AppError } from "@/lib/errors/app-error";
import { readRequestLogPage, type RequestLogListRow } from "@/lib/db/request-log-queries";
import type { LoggedAttempt } from "./build-request-log-row";
import { decodeCursor, encodeCursor, filterFor, type RequestLogQuery } from "./request-log-filters";

/** What screens and exports show of a row (bodies only in the detail view). */
export type RequestLogView = ReturnType<typeof toRequestLogView>;

export function toRequestLogView(row: RequestLogListRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    key: row.apiKeyId ? { id: row.apiKeyId, name: row.apiKeyName, prefix: row.apiKeyPrefix } : null,
    endpoint: row.endpoint,
    requestedModel: row.requestedModel,
    servedModel: row.servedModel,
    attempts: safeAttempts(row.attempts),
    status: row.status,
    errorType: row.errorType,
    stream: row.stream,
    latencyMs: row.latencyMs,
    ttftMs: row.ttftMs,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWrite5mTokens: row.cacheWrite5mTokens,
    cacheWrite1hTokens: row.cacheWrite1hTokens,
    costMicros: row.costMicros,
    cacheSavingsMicros: row.cacheSavingsMicros,
  };
}

function safeAttempts(text: string): LoggedAttempt[] {
  try {
    return JSON.parse(text) as LoggedAttempt[];
  } catch {
    return [];
  }
}

/** One page of the log for `viewer`, newest first, and the cursor of the next page. */
export async function listRequestLogs(db: Db, viewer: SignedInUser, query: RequestLogQuery) {
  const rows = await readRequestLogPage(db, filterFor(query, viewer), query.limit + 1, decodeCursor(query.cursor));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    rows: page.map(toRequestLogView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** One row with its bodies; members only their own keys' rows (others are "not found"). */
export async function getRequestLog(db: Db, viewer: SignedInUser, id: string) {
  const row = await db.requestLog.findUnique({ where: { id } });
  if (!row || (viewer.role !== "admin" && row.userId !== viewer.id))
    throw new AppError("not_found", `no request ${id}`);
  return {
    ...toRequestLogView({ ...row, createdAt: row.createdAt }),
    requestBody: row.requestBody,
    responseBody: row.responseBody,
  };
}
