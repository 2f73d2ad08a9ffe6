import { beforeEach, describe, expect, it } from "vitest";
import {
  type GatewayCallObservation,
  countRequestLogDrops,
  metricsContentType,
  observeGatewayCall,
  observeLimiterDecision,
  observeRequestLogQueue,
  renderMetrics,
  resetGatewayMetrics,
} from "./gateway-metrics";
import { parseMetricsText, sampleValue } from "./parse-metrics-text";

const sonnet = { endpoint: "chat.completions", model: "anthropic/claude-sonnet-4-5", provider: "anthropic" } as const;

function call(overrides: Partial<GatewayCallObservation> = {}): GatewayCallObservation {
  return { ...sonnet, status: 200, stream: true, durationSeconds: 1.2, attempts: 1, ...overrides };
}

async function samples() {
  return parseMetricsText(await renderMetrics());
}

beforeEach(() => resetGatewayMetrics());

describe("observeGatewayCall", () => {
  it("counts the request, its tokens, cost, latency and time to first token", async () => {
    observeGatewayCall(
      call({
        durationSeconds: 3,
        ttftSeconds: 0.4,
        inputTokens: 100,
        outputTokens: 20,
        cacheReadTokens: 1000,
        cacheWriteTokens: 50,
        reasoningTokens: 7,
        costUsd: 0.0125,
      }),
    );
    observeGatewayCall(call({ durationSeconds: 0.2, stream: false, inputTokens: 5, outputTokens: 1, costUsd: 0.001 }));
    const all = await samples();

    expect(sampleValue(all, "switchyard_gateway_requests_total", { ...sonnet, status: "200" })).toBe(2);
    expect(sampleValue(all, "switchyard_gateway_errors_total")).toBeUndefined();
    for (const [direction, total] of [
      ["input", 105],
      ["output", 21],
      ["cache_read", 1000],
      ["cache_write", 50],
      ["reasoning", 7],
    ] as const) {
      expect(
        sampleValue(all, "switchyard_gateway_tokens_total", { direction, model: sonnet.model, provider: "anthropic" }),
      ).toBe(total);
    }
    expect(sampleValue(all, "switchyard_gateway_cost_usd_total", { model: sonnet.model })).toBeCloseTo(0.0135, 10);

    const streamed = { ...sonnet, stream: "true" };
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_count", streamed)).toBe(1);
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_sum", streamed)).toBe(3);
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_bucket", { ...streamed, le: "2.5" })).toBe(0);
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_bucket", { ...streamed, le: "5" })).toBe(1);
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_count", { ...sonnet, stream: "false" })).toBe(
      1,
    );
    // Only the streamed call had a first token.
    expect(sampleValue(all, "switchyard_gateway_ttft_seconds_count", sonnet)).toBe(1);
    expect(sampleValue(all, "switchyard_gateway_ttft_seconds_bucket", { ...sonnet, le: "0.25" })).toBe(0);
    expect(sampleValue(all, "switchyard_gateway_ttft_seconds_bucket", { ...sonnet, le: "0.5" })).toBe(1);
  });

  it.each([
    { case: "an upstream error type", status: 429, errorType: "rate_limit_error", type: "rate_limit_error" },
    { case: "a status without a type", status: 502, errorType: undefined, type: "http_502" },
    {
      case: "a stream that ended in an error after 200",
      status: 200,
      errorType: "overloaded_error",
      type: "overloaded_error",
    },
  ])("counts errors by type: $case", async ({ status, errorType, type }) => {
    observeGatewayCall(call({ status, errorType }));
    const all = await samples();
    expect(sampleValue(all, "switchyard_gateway_errors_total", { endpoint: "chat.completions", type })).toBe(1);
    expect(sampleValue(all, "switchyard_gateway_requests_total", { status: String(status) })).toBe(1);
  });

  it("counts upstream attempts and the ones after the first as fallbacks", async () => {
    observeGatewayCall(call({ attempts: 1 }));
    observeGatewayCall(call({ attempts: 3, provider: "bedrock" }));
    const all = await samples();
    expect(sampleValue(all, "switchyard_gateway_upstream_attempts_total", { provider: "anthropic" })).toBe(1);
    expect(sampleValue(all, "switchyard_gateway_upstream_attempts_total", { provider: "bedrock" })).toBe(3);
    expect(sampleValue(all, "switchyard_gateway_fallbacks_total", { endpoint: "chat.completions" })).toBe(2);
  });

  it("reports at most 200 distinct models; the rest as other", async () => {
    for (let index = 0; index < 205; index++) observeGatewayCall(call({ model: `anthropic/model-${index}` }));
    observeGatewayCall(call({ model: "anthropic/model-0" }));
    const requests = (await samples()).filter((sample) => sample.name === "switchyard_gateway_requests_total");

    expect(new Set(requests.map((sample) => sample.labels.model)).size).toBe(201);
    expect(sampleValue(requests, "switchyard_gateway_requests_total", { model: "other" })).toBe(5);
    // A model seen before the cap keeps its own series.
    expect(sampleValue(requests, "switchyard_gateway_requests_total", { model: "anthropic/model-0" })).toBe(2);
    expect(
      sampleValue(requests, "switchyard_gateway_requests_total", { model: "anthropic/model-204" }),
    ).toBeUndefined();
  });

  it("bounds providers, endpoints and statuses to known values", async () => {
    observeGatewayCall(call({ provider: "openai", endpoint: "bogus" as never, status: 42 }));
    expect(
      sampleValue(await samples(), "switchyard_gateway_requests_total", {
        endpoint: "other",
        provider: "other",
        status: "unknown",
      }),
    ).toBe(1);
  });

  it.each<[string, unknown]>([
    [
      "NaN and negative numbers",
      call({ durationSeconds: NaN, ttftSeconds: -1, inputTokens: -5, costUsd: Infinity, attempts: NaN }),
    ],
    ["a model id of a megabyte", call({ model: "x".repeat(1 << 20), errorType: "e".repeat(1 << 20), status: 400 })],
    [
      "wrong types",
      { endpoint: 7, model: {}, provider: [], status: "200", stream: "yes", durationSeconds: "1", attempts: null },
    ],
    ["null", null],
    ["undefined", undefined],
  ])("never throws on %s, and skips what it cannot count", async (_, odd) => {
    expect(() => observeGatewayCall(odd as GatewayCallObservation)).not.toThrow();
    const all = await samples();
    expect(sampleValue(all, "switchyard_gateway_tokens_total")).toBeUndefined();
    expect(sampleValue(all, "switchyard_gateway_cost_usd_total")).toBeUndefined();
    for (const sample of all) expect(sample.labels.model?.length ?? 0).toBeLessThanOrEqual(128);
  });
});

describe("request log and limiter metrics", () => {
  it("reports the queue depth, drops and limiter decisions", async () => {
    observeRequestLogQueue(12);
    observeRequestLogQueue(3);
    countRequestLogDrops(4);
    countRequestLogDrops(-1);
    observeLimiterDecision("key", "allowed");
    observeLimiterDecision("key", "allowed");
    observeLimiterDecision("user", "budget_exceeded");
    const all = await samples();
    expect(sampleValue(all, "switchyard_request_log_queue_depth")).toBe(3);
    expect(sampleValue(all, "switchyard_request_log_dropped_total")).toBe(4);
    expect(sampleValue(all, "switchyard_limiter_decisions_total", { scope: "key", decision: "allowed" })).toBe(2);
    expect(sampleValue(all, "switchyard_limiter_decisions_total", { scope: "user", decision: "budget_exceeded" })).toBe(
      1,
    );
  });
});

describe("renderMetrics", () => {
  it("serves Prometheus' text format with the process's default metrics", async () => {
    expect(metricsContentType()).toMatch(/^text\/plain; version=0\.0\.4/);
    const all = await samples();
    expect(sampleValue(all, "process_cpu_user_seconds_total")).toBeGreaterThanOrEqual(0);
    expect(sampleValue(all, "process_resident_memory_bytes")).toBeGreaterThan(1 << 20);
    expect(all.some((sample) => sample.name === "nodejs_heap_size_used_bytes")).toBe(true);
  });
});
