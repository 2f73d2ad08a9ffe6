import { describe, expect, it } from "vitest";
import { computeUsageCost } from "@/lib/catalog/compute-cost";
import { findCatalogEntry } from "@/lib/catalog/model-catalog";
import { MAX_TOKEN_COUNT } from "@/lib/gateway/core/token-count";
import { buildRequestLogRow } from "./build-request-log-row";
import { LOG_TEXT_LIMITS, MAX_LOG_INTEGER } from "./sanitize-request-log-row";
import type { FinishedRequest } from "./request-trace";

const finished = (overrides: Partial<FinishedRequest> = {}): FinishedRequest => ({
  startedAt: new Date("2026-11-23T12:00:00Z"),
  endpoint: "/v3/router/chat/completions",
  principal: {
    keyId: "key_1",
    keyName: "ci",
    keyPrefix: "sy-1a2b3c4d",
    userId: "user_1",
    logBodies: false,
    limits: null,
  },
  requestedModel: "anthropic/claude-sonnet-4-6",
  servedModel: "anthropic/claude-sonnet-4-6",
  attempts: [{ model: "anthropic/claude-sonnet-4-6", status: 200, latencyMs: 12.4 }],
  status: 200,
  errorType: undefined,
  stream: true,
  latencyMs: 40.6,
  ttftMs: 10.2,
  usage: {
    inputTokens: 12,
    outputTokens: 9,
    cacheReadInputTokens: 2048,
    cacheCreationInputTokens: 5000,
    cacheCreation: { ephemeral5mInputTokens: 1000, ephemeral1hInputTokens: 4000 },
  },
  requestBody: { messages: [{ role: "user", content: "hi" }] },
  responseBody: { text: "hello" },
  ...overrides,
});

describe("buildRequestLogRow", () => {
  it("prices every token kind at the served model's catalog price, in whole micro-dollars", () => {
    const row = buildRequestLogRow(finished());
    // Sonnet 4.6: $3 in, $15 out, 5m write $3.75, 1h write $6, read $0.30 per million.
    const expected = 12 * 3 + 9 * 15 + 1000 * 3.75 + 4000 * 6 + 2048 * 0.3;
    expect(row.costMicros).toBe(Math.round(expected));
    const pricing = findCatalogEntry("claude-sonnet-4-6")!.pricing;
    expect(row.costMicros).toBe(Math.round(computeUsageCost(finished().usage!, pricing).total * 1e6));
    expect(row.cacheSavingsMicros).toBe(Math.round(2048 * (3 - 0.3)));
    expect(row).toMatchObject({
      inputTokens: 12,
      outputTokens: 9,
      cacheReadTokens: 2048,
      cacheWrite5mTokens: 1000,
      cacheWrite1hTokens: 4000,
    });
  });

  it("bills unsplit cache writes at the 5-minute rate", () => {
    const row = buildRequestLogRow(
      finished({ usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 100 } }),
    );
    expect(row).toMatchObject({ cacheWrite5mTokens: 100, cacheWrite1hTokens: 0, costMicros: 375 });
  });

  it("uses the model that served the request, not the one asked for", () => {
    const row = buildRequestLogRow(
      finished({
        servedModel: "anthropic/claude-haiku-4-5",
        usage: { inputTokens: 1000, outputTokens: 1000, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
      }),
    );
    expect(row.costMicros).toBe(1000 * 1 + 1000 * 5);
  });

  it("names the key by id, name and prefix, and records each attempt's provider", () => {
    const row = buildRequestLogRow(
      finished({
        attempts: [
          { model: "anthropic/claude-sonnet-4-6", status: 529, latencyMs: 3.2, error: "provider_overloaded" },
          { model: "aws/anthropic/claude-sonnet-4-6", status: 200, latencyMs: 20.7 },
        ],
      }),
    );
    expect(row).toMatchObject({
      apiKeyId: "key_1",
      apiKeyName: "ci",
      apiKeyPrefix: "sy-1a2b3c4d",
      userId: "user_1",
      latencyMs: 41,
      ttftMs: 10,
    });
    expect(JSON.parse(row.attempts)).toEqual([
      {
        model: "anthropic/claude-sonnet-4-6",
        provider: "anthropic",
        status: 529,
        latencyMs: 3,
        error: "provider_overloaded",
      },
      { model: "aws/anthropic/claude-sonnet-4-6", provider: "aws", status: 200, latencyMs: 21 },
    ]);
  });

  it("stores bodies only for keys with body logging on", () => {
    expect(buildRequestLogRow(finished())).toMatchObject({ requestBody: null, responseBody: null });
    const logged = buildRequestLogRow(finished({ principal: { ...finished().principal!, logBodies: true } }));
    expect(JSON.parse(logged.requestBody!)).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(JSON.parse(logged.responseBody!)).toEqual({ text: "hello" });
  });

  it("costs nothing for a failure without usage or a model the catalog does not price", () => {
    expect(buildRequestLogRow(finished({ usage: undefined, servedModel: undefined, status: 400 })).costMicros).toBe(0);
    expect(buildRequestLogRow(finished({ servedModel: "anthropic/claude-next-unknown" })).costMicros).toBe(0);
  });

  it("makes a row every database stores: a NUL model id and absurd usage cannot fail its batch", () => {
    const row = buildRequestLogRow(
      finished({
        requestedModel: "anthropic/claude-sonnet-4-6\u0000",
        attempts: [{ model: "anthropic/claude\u0000", status: 400, latencyMs: NaN, error: "e\u0000".repeat(2000) }],
        usage: { inputTokens: -5, outputTokens: 1e308, cacheReadInputTokens: 1.5, cacheCreationInputTokens: 0 },
      }),
    );
    expect(row).toMatchObject({
      requestedModel: "anthropic/claude-sonnet-4-6",
      inputTokens: 0,
      outputTokens: MAX_TOKEN_COUNT,
      cacheReadTokens: 2,
      costMicros: MAX_LOG_INTEGER,
    });
    const [attempt] = JSON.parse(row.attempts) as Array<{ model: string; error: string }>;
    expect(attempt!.model).toBe("anthropic/claude");
    expect(attempt!.error).toBe("e".repeat(LOG_TEXT_LIMITS.error));
  });
});
