import { describe, expect, it } from "vitest";
import { MAX_TOKEN_COUNT } from "@/lib/gateway/core/token-count";
import type { RequestLogRow } from "./build-request-log-row";
import { LOG_TEXT_LIMITS, MAX_LOG_INTEGER, sanitizeRequestLogRow } from "./sanitize-request-log-row";

const validRow: RequestLogRow = {
  id: "6f1c2a9e-1b7d-4f0e-9a57-0c1f9d2e8b31",
  createdAt: new Date("2026-12-03T10:00:00Z"),
  apiKeyId: "key_1",
  apiKeyName: "ci",
  apiKeyPrefix: "sy-1a2b3c4d",
  userId: "user_1",
  endpoint: "/v3/router/chat/completions",
  requestedModel: "anthropic/claude-sonnet-4-6",
  servedModel: "anthropic/claude-sonnet-4-6",
  attempts: '[{"model":"anthropic/claude-sonnet-4-6","provider":"anthropic","status":200,"latencyMs":12}]',
  status: 200,
  errorType: null,
  stream: true,
  latencyMs: 41,
  ttftMs: 10,
  inputTokens: 12,
  outputTokens: 9,
  cacheReadTokens: 2048,
  cacheWrite5mTokens: 1000,
  cacheWrite1hTokens: 4000,
  costMicros: 31_234,
  cacheSavingsMicros: 5_530,
  requestBody: '{"messages":[{"role":"user","content":"line one\\nline two"}]}',
  responseBody: "event: message_start\ndata: {}\n\n",
};

describe("sanitizeRequestLogRow", () => {
  it("leaves a valid row as it is", () => {
    expect(sanitizeRequestLogRow(validRow)).toEqual(validRow);
  });

  it.each<[string, Partial<RequestLogRow>, Partial<RequestLogRow>]>([
    [
      "a NUL in the model id is removed",
      { requestedModel: "anthropic/claude\u0000-x" },
      { requestedModel: "anthropic/claude-x" },
    ],
    ["other controls in a name are removed", { apiKeyName: "ci\r\n\t\u001b[31m\u007f" }, { apiKeyName: "ci[31m" }],
    ["a lone surrogate is replaced", { servedModel: "model-\ud800-x" }, { servedModel: "model-\ufffd-x" }],
    [
      "a long model id is cut",
      { requestedModel: "m".repeat(10_000) },
      { requestedModel: "m".repeat(LOG_TEXT_LIMITS.name) },
    ],
    [
      "a cut never leaves half a surrogate pair",
      { requestedModel: `${"m".repeat(255)}😀` },
      { requestedModel: `${"m".repeat(255)}\ufffd` },
    ],
    ["a long error type is cut", { errorType: "e".repeat(5000) }, { errorType: "e".repeat(LOG_TEXT_LIMITS.error) }],
    ["a NUL in the endpoint is removed", { endpoint: "/v1/messages\u0000" }, { endpoint: "/v1/messages" }],
    [
      "bodies keep tabs and line breaks but lose NUL",
      { requestBody: "a\tb\r\nc\u0000d" },
      { requestBody: "a\tb\r\ncd" },
    ],
    [
      "an oversized body is cut",
      { responseBody: "x".repeat(200_000) },
      { responseBody: "x".repeat(LOG_TEXT_LIMITS.body) },
    ],
    [
      "attempts that are not JSON.stringify's output become []",
      { attempts: '[{"model":"a\u0000"}]' },
      { attempts: "[]" },
    ],
    ["oversized attempts become []", { attempts: `["${"a".repeat(40_000)}"]` }, { attempts: "[]" }],
    ["an absurd token count is clamped", { outputTokens: 1e308 }, { outputTokens: MAX_TOKEN_COUNT }],
    ["a negative token count is 0", { inputTokens: -5 }, { inputTokens: 0 }],
    ["a fractional token count is rounded", { cacheReadTokens: 1.5 }, { cacheReadTokens: 2 }],
    ["a NaN token count is 0", { cacheWrite5mTokens: NaN }, { cacheWrite5mTokens: 0 }],
    ["an infinite token count is clamped", { cacheWrite1hTokens: Infinity }, { cacheWrite1hTokens: MAX_TOKEN_COUNT }],
    ["an infinite cost fits the column", { costMicros: Infinity }, { costMicros: MAX_LOG_INTEGER }],
    ["a cost past 32 bits fits the column", { costMicros: 7.5e12 }, { costMicros: MAX_LOG_INTEGER }],
    ["a NaN cost is 0", { cacheSavingsMicros: NaN }, { cacheSavingsMicros: 0 }],
    ["a negative latency is 0", { latencyMs: -3 }, { latencyMs: 0 }],
    ["a NaN time to first token is 0", { ttftMs: NaN }, { ttftMs: 0 }],
    ["a fractional latency is rounded", { latencyMs: 12.6 }, { latencyMs: 13 }],
    ["an impossible status is clamped", { status: 1e9 }, { status: 999 }],
  ])("%s", (_name, change, expected) => {
    expect(sanitizeRequestLogRow({ ...validRow, ...change })).toEqual({ ...validRow, ...expected });
  });

  it("an invalid date becomes a valid one", () => {
    const row = sanitizeRequestLogRow({ ...validRow, createdAt: new Date(NaN) });
    expect(Number.isNaN(row.createdAt.getTime())).toBe(false);
  });
});
