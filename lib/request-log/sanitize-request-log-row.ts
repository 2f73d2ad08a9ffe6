import { MAX_TOKEN_COUNT } from "@/lib/gateway/core/token-count";
import type { RequestLogRow } from "./build-request-log-row";
import { MAX_LOGGED_BODY_CHARS } from "./elide-body";

/** The log's integer columns are 32-bit on PostgreSQL (prisma/models.prisma `Int`). */
export const MAX_LOG_INTEGER = 2_147_483_647;

/** Longest stored text per kind of column. */
export const LOG_TEXT_LIMITS = {
  /** Ids, key names and prefixes, endpoints, model ids. */
  name: 256,
  /** Error types and attempt errors. */
  error: 1024,
  /** The attempts' JSON: past it the row keeps `[]` rather than JSON cut in half. */
  attempts: 32 * 1024,
  /** Bodies are capped by bodyForLog already; this leaves room for its truncation note. */
  body: MAX_LOGGED_BODY_CHARS + 128,
} as const;

/** Every C0 control and DEL: none belongs in a name. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
/** In bodies, tabs and line breaks are text; NUL and the other controls are not. */
const CONTROL_CHARACTERS_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Half of a surrogate pair, alone: not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text any database stores as is: no controls (PostgreSQL refuses NUL), well-formed UTF-16, bounded. */
export function cleanLogText(text: string, maxChars: number, keepWhitespace = false): string {
  const clean = text.replace(keepWhitespace ? CONTROL_CHARACTERS_BUT_WHITESPACE : CONTROL_CHARACTERS, "");
  // Cutting may split a surrogate pair: the lone half is replaced after the cut.
  return clean.slice(0, maxChars).replace(LONE_SURROGATE, "\ufffd");
}

function text(value: unknown, maxChars: number): string {
  return cleanLogText(typeof value === "string" ? value : String(value ?? ""), maxChars);
}

function optionalText(value: unknown, maxChars: number, keepWhitespace = false): string | null {
  if (value === null || value === undefined) return null;
  return cleanLogText(typeof value === "string" ? value : String(value), maxChars, keepWhitespace);
}

/** A whole number in [0, max]: NaN and negatives are 0, fractions rounded, +Infinity and overflow `max`. */
export function clampLogInteger(value: unknown, max = MAX_LOG_INTEGER): number {
  const number = typeof value === "number" ? value : Number(value);
  if (Number.isNaN(number) || number <= 0) return 0;
  return Math.min(max, Math.round(number));
}

function optionalInteger(value: unknown): number | null {
  return value === null || value === undefined ? null : clampLogInteger(value);
}

function attemptsJson(value: unknown): string {
  if (typeof value !== "string" || value.length > LOG_TEXT_LIMITS.attempts) return "[]";
  // JSON.stringify escapes every control character and lone surrogate; a raw one means this is not its output.
  return /[\u0000-\u001f\u007f]|[\ud800-\udfff]/.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))
    ? "[]"
    : value;
}

/**
 * Pure: a log row that every database accepts, whatever the request or the provider sent —
 * text without NUL or other controls and bounded per column, token counts whole numbers in
 * [0, MAX_TOKEN_COUNT], money and latencies whole numbers that fit a 32-bit column. One bad
 * value must never make the batch it travels in fail: that stopped the log for every user.
 */
export function sanitizeRequestLogRow(row: RequestLogRow): RequestLogRow {
  const createdAt =
    row.createdAt instanceof Date && !Number.isNaN(row.createdAt.getTime()) ? row.createdAt : new Date();
  return {
    id: text(row.id, LOG_TEXT_LIMITS.name),
    createdAt,
    apiKeyId: optionalText(row.apiKeyId, LOG_TEXT_LIMITS.name),
    apiKeyName: optionalText(row.apiKeyName, LOG_TEXT_LIMITS.name),
    apiKeyPrefix: optionalText(row.apiKeyPrefix, LOG_TEXT_LIMITS.name),
    userId: optionalText(row.userId, LOG_TEXT_LIMITS.name),
    endpoint: text(row.endpoint, LOG_TEXT_LIMITS.name),
    requestedModel: optionalText(row.requestedModel, LOG_TEXT_LIMITS.name),
    servedModel: optionalText(row.servedModel, LOG_TEXT_LIMITS.name),
    attempts: attemptsJson(row.attempts),
    status: clampLogInteger(row.status, 999),
    errorType: optionalText(row.errorType, LOG_TEXT_LIMITS.error),
    stream: row.stream === true,
    latencyMs: clampLogInteger(row.latencyMs),
    ttftMs: optionalInteger(row.ttftMs),
    inputTokens: clampLogInteger(row.inputTokens, MAX_TOKEN_COUNT),
    outputTokens: clampLogInteger(row.outputTokens, MAX_TOKEN_COUNT),
    cacheReadTokens: clampLogInteger(row.cacheReadTokens, MAX_TOKEN_COUNT),
    cacheWrite5mTokens: clampLogInteger(row.cacheWrite5mTokens, MAX_TOKEN_COUNT),
    cacheWrite1hTokens: clampLogInteger(row.cacheWrite1hTokens, MAX_TOKEN_COUNT),
    costMicros: clampLogInteger(row.costMicros),
    cacheSavingsMicros: clampLogInteger(row.cacheSavingsMicros),
    requestBody: optionalText(row.requestBody, LOG_TEXT_LIMITS.body, true),
    responseBody: optionalText(row.responseBody, LOG_TEXT_LIMITS.body, true),
  };
}
