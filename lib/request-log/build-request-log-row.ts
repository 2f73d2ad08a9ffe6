import { randomUUID } from "node:crypto";
import { parseGatewayModelId } from "@/lib/catalog/model-catalog";
import type { RequestLogListRow } from "@/lib/db/request-log-queries";
import { bodyForLog } from "./elide-body";
import type { FinishedRequest } from "./request-trace";
import { cleanLogText, LOG_TEXT_LIMITS, sanitizeRequestLogRow } from "./sanitize-request-log-row";
import { usageCostMicros } from "./usage-cost-micros";

/** One attempt of the fallback chain, as the log stores it. */
export type LoggedAttempt = {
  model: string;
  provider: string | null;
  status: number;
  latencyMs: number;
  error?: string;
};

/** Fallback chains are short; a longer list is not worth its column. */
const MAX_LOGGED_ATTEMPTS = 32;

/** A RequestLog row as written: the columns the log screens read, plus the bodies when logged. */
export type RequestLogRow = RequestLogListRow & { requestBody: string | null; responseBody: string | null };

/**
 * Pure: a finished request → its log row, cost from the catalog's prices for the served model,
 * every value made storable ({@link sanitizeRequestLogRow}).
 */
export function buildRequestLogRow(request: FinishedRequest): RequestLogRow {
  const usage = request.usage;
  const write1h = usage?.cacheCreation?.ephemeral1hInputTokens ?? 0;
  const write5m = usage
    ? usage.cacheCreation
      ? usage.cacheCreation.ephemeral5mInputTokens
      : usage.cacheCreationInputTokens
    : 0;
  const attempts: LoggedAttempt[] = request.attempts.slice(0, MAX_LOGGED_ATTEMPTS).map((attempt) => ({
    model: cleanLogText(attempt.model, LOG_TEXT_LIMITS.name),
    provider: parseGatewayModelId(attempt.model)?.provider ?? null,
    status: attempt.status,
    latencyMs: Math.round(attempt.latencyMs),
    ...(attempt.error ? { error: cleanLogText(attempt.error, LOG_TEXT_LIMITS.error) } : {}),
  }));
  const money = usageCostMicros(request.servedModel, usage);
  const logsBodies = request.principal?.logBodies ?? false;
  return sanitizeRequestLogRow({
    id: randomUUID(),
    createdAt: request.startedAt,
    apiKeyId: request.principal?.keyId ?? null,
    apiKeyName: request.principal?.keyName ?? null,
    apiKeyPrefix: request.principal?.keyPrefix ?? null,
    userId: request.principal?.userId ?? null,
    endpoint: request.endpoint,
    requestedModel: request.requestedModel ?? null,
    servedModel: request.servedModel ?? null,
    attempts: JSON.stringify(attempts),
    status: request.status,
    errorType: request.errorType ?? null,
    stream: request.stream,
    latencyMs: Math.round(request.latencyMs),
    ttftMs: request.ttftMs === undefined ? null : Math.round(request.ttftMs),
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cacheReadTokens: usage?.cacheReadInputTokens ?? 0,
    cacheWrite5mTokens: write5m,
    cacheWrite1hTokens: write1h,
    costMicros: money.costMicros,
    cacheSavingsMicros: money.cacheSavingsMicros,
    requestBody: logsBodies ? bodyForLog(request.requestBody) : null,
    responseBody: logsBodies ? bodyForLog(request.responseBody) : null,
  });
}
