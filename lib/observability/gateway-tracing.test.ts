import { type IncomingHttpHeaders, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { GatewayCallObservation } from "./gateway-metrics";

type Received = { path: string; headers: IncomingHttpHeaders; body: ExportRequest };
type ExportRequest = {
  resourceSpans: Array<{
    resource: { attributes: Attribute[] };
    scopeSpans: Array<{ spans: Span[] }>;
  }>;
};
type Attribute = { key: string; value: Record<string, unknown> };
type Span = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Attribute[];
  status: { code?: number; message?: string };
};

/** A local OTLP/HTTP receiver: records every export; `answer` decides the response. */
async function startReceiver(answer: (respond: (status: number) => void) => void = (respond) => respond(200)) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportRequest,
      });
      answer((status) => response.writeHead(status, { "content-type": "application/json" }).end("{}"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    spans: () =>
      received.flatMap((request) => request.body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The tracing module as a fresh process would load it, with `env` set. */
async function loadTracing(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("./gateway-tracing");
}

function attributeMap(attributes: Attribute[]): Record<string, unknown> {
  return Object.fromEntries(attributes.map(({ key, value }) => [key, Object.values(value)[0]]));
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(answer);
  closers.push(started.close);
  return started;
}

const finished: GatewayCallObservation = {
  endpoint: "chat.completions",
  model: "anthropic/claude-sonnet-4-5",
  provider: "anthropic",
  status: 200,
  stream: true,
  durationSeconds: 1.5,
  ttftSeconds: 0.3,
  inputTokens: 120,
  outputTokens: 45,
  cacheReadTokens: 1000,
  costUsd: 0.0042,
  attempts: 1,
  finishReason: "stop",
};

describe("startGatewaySpan", () => {
  it("without an OTLP endpoint returns one shared no-op span", async () => {
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "");
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "");
    const tracing = await loadTracing({});
    const first = tracing.startGatewaySpan({ endpoint: "messages", model: "anthropic/claude-sonnet-4-5" });
    const second = tracing.startGatewaySpan({ endpoint: "responses" });
    expect(first).toBe(second);
    expect(() => first.end(finished)).not.toThrow();
    await expect(tracing.shutdownTracing()).resolves.toBeUndefined();
  });

  it("exports a GenAI CLIENT span over OTLP/HTTP JSON with the configured service name and headers", async () => {
    const otlp = await receiver();
    const tracing = await loadTracing({
      OTEL_EXPORTER_OTLP_ENDPOINT: `${otlp.origin}/`,
      OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer%20secret-token,x-tenant = gateway",
      OTEL_SERVICE_NAME: "switchyard-test",
    });
    const span = tracing.startGatewaySpan({
      endpoint: "chat.completions",
      model: "anthropic/claude-sonnet-4-5",
      provider: "anthropic",
      serverAddress: "api.anthropic.com",
    });
    span.end(finished);
    span.end({ ...finished, status: 500 }); // a second end is ignored
    await tracing.shutdownTracing();

    expect(otlp.received).toHaveLength(1);
    const [request] = otlp.received;
    expect(request!.path).toBe("/v1/traces");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers.authorization).toBe("Bearer secret-token");
    expect(request!.headers["x-tenant"]).toBe("gateway");
    expect(attributeMap(request!.body.resourceSpans[0]!.resource.attributes)).toMatchObject({
      "service.name": "switchyard-test",
    });

    const [exported] = otlp.spans();
    expect(exported).toMatchObject({ name: "chat anthropic/claude-sonnet-4-5", kind: 3, status: { code: 0 } });
    expect(exported!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(exported!.spanId).toMatch(/^[0-9a-f]{16}$/);
    const start = BigInt(exported!.startTimeUnixNano);
    const end = BigInt(exported!.endTimeUnixNano);
    expect(end >= start).toBe(true);
    expect(Number(start / 1_000_000n)).toBeGreaterThan(Date.now() - 60_000);
    expect(attributeMap(exported!.attributes)).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.system": "anthropic",
      "gen_ai.request.model": "anthropic/claude-sonnet-4-5",
      "gen_ai.response.model": "anthropic/claude-sonnet-4-5",
      "gen_ai.usage.input_tokens": "120",
      "gen_ai.usage.output_tokens": "45",
      "gen_ai.usage.cache_read.input_tokens": "1000",
      "gen_ai.response.finish_reasons": { values: [{ stringValue: "stop" }] },
      "http.response.status_code": "200",
      "server.address": "api.anthropic.com",
      "switchyard.endpoint": "chat.completions",
      "switchyard.stream": true,
      "switchyard.upstream_attempts": "1",
      "switchyard.cost_usd": 0.0042,
      "switchyard.ttft_seconds": 0.3,
    });
  });

  it("marks a failed call as an error with error.type, the provider's GenAI name and the fallback's model", async () => {
    const otlp = await receiver();
    const tracing = await loadTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.origin}/collector/traces` });
    tracing
      .startGatewaySpan({ endpoint: "messages", model: "aws/anthropic/claude-sonnet-4-5", provider: "bedrock" })
      .end({
        ...finished,
        endpoint: "messages",
        model: "google/anthropic/claude-sonnet-4-5",
        provider: "vertex",
        status: 529,
        errorType: "overloaded_error",
        errorMessage: "Overloaded",
        attempts: 2,
        finishReason: undefined,
      });
    await tracing.shutdownTracing();

    expect(otlp.received.map((request) => request.path)).toEqual(["/collector/traces"]);
    expect(attributeMap(otlp.received[0]!.body.resourceSpans[0]!.resource.attributes)).toMatchObject({
      "service.name": "switchyard-gateway",
    });
    const [exported] = otlp.spans();
    expect(exported!.name).toBe("chat aws/anthropic/claude-sonnet-4-5");
    expect(exported!.status).toEqual({ code: 2, message: "Overloaded" });
    expect(attributeMap(exported!.attributes)).toMatchObject({
      "error.type": "overloaded_error",
      "gen_ai.provider.name": "gcp.vertex_ai",
      "gen_ai.request.model": "aws/anthropic/claude-sonnet-4-5",
      "gen_ai.response.model": "google/anthropic/claude-sonnet-4-5",
      "http.response.status_code": "529",
      "switchyard.upstream_attempts": "2",
    });
    expect(attributeMap(exported!.attributes)).not.toHaveProperty("gen_ai.response.finish_reasons");
  });

  it("joins the caller's trace from its traceparent, and records nothing when the caller did not sample it", async () => {
    const otlp = await receiver();
    const tracing = await loadTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.origin });
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const parent = { traceId, parentSpanId: "00f067aa0ba902b7" };
    tracing.startGatewaySpan({ endpoint: "messages", parent: { ...parent, sampled: true } }).end(finished);
    tracing.startGatewaySpan({ endpoint: "messages", parent: { ...parent, sampled: false } }).end(finished);
    tracing.startGatewaySpan({ endpoint: "messages" }).end(finished);
    await tracing.shutdownTracing();

    const spans = otlp.spans();
    expect(spans).toHaveLength(2);
    expect(spans[0]).toMatchObject({ traceId, parentSpanId: "00f067aa0ba902b7" });
    expect(spans[0]!.spanId).not.toBe(parent.parentSpanId);
    expect(spans[1]!.traceId).not.toBe(traceId);
    expect(spans[1]).not.toHaveProperty("parentSpanId");
  });

  it("batches spans and holds at most OTEL_BSP_MAX_QUEUE_SIZE of them", async () => {
    const otlp = await receiver();
    const tracing = await loadTracing({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.origin,
      OTEL_BSP_MAX_QUEUE_SIZE: "5",
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "3",
    });
    for (let index = 0; index < 8; index++) {
      tracing.startGatewaySpan({ endpoint: "messages", model: `model-${index}` }).end(finished);
    }
    await tracing.shutdownTracing();

    // 3 leave as a full batch at once; 5 more fit in the queue behind it: at most 3 per request.
    expect(otlp.received.every((request) => request.body.resourceSpans[0]!.scopeSpans[0]!.spans.length <= 3)).toBe(
      true,
    );
    expect(otlp.spans().map((span) => span.name)).toEqual(
      ["model-0", "model-1", "model-2", "model-3", "model-4", "model-5", "model-6", "model-7"].map(
        (model) => `chat ${model}`,
      ),
    );
  });

  it("drops spans beyond the queue's bound while the collector is slow", async () => {
    const held: Array<() => void> = [];
    const otlp = await receiver((respond) => held.push(() => respond(200)));
    const tracing = await loadTracing({
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.origin,
      OTEL_BSP_MAX_QUEUE_SIZE: "2",
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "1",
      OTEL_EXPORTER_OTLP_TIMEOUT: "5000", // exports nobody answers end (were the bound broken)
    });
    tracing.startGatewaySpan({ endpoint: "messages", model: "first" }).end(finished);
    await vi.waitFor(() => expect(held).toHaveLength(1)); // the first export is in flight
    for (let index = 0; index < 5; index++)
      tracing.startGatewaySpan({ endpoint: "messages", model: `queued-${index}` }).end(finished);
    const shutdown = tracing.shutdownTracing();
    for (let answered = 0; answered < 3; answered++) {
      await vi.waitFor(() => expect(held.length).toBeGreaterThan(answered));
      held[answered]!();
    }
    await shutdown;
    expect(otlp.spans().map((span) => span.name)).toEqual(["chat first", "chat queued-0", "chat queued-1"]);
  });

  it("never blocks or throws when the collector fails or hangs", async () => {
    const failing = await receiver((respond) => respond(503));
    const hanging = await receiver(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const otlp of [failing, hanging]) {
      const tracing = await loadTracing({
        OTEL_EXPORTER_OTLP_ENDPOINT: otlp.origin,
        OTEL_EXPORTER_OTLP_TIMEOUT: "300",
      });
      expect(() => tracing.startGatewaySpan({ endpoint: "messages" }).end(finished)).not.toThrow();
      const started = performance.now();
      await expect(tracing.shutdownTracing()).resolves.toBeUndefined();
      expect(performance.now() - started).toBeLessThan(3_000); // the 300 ms export timeout, not the 10 s default
      expect(otlp.received).toHaveLength(1);
    }
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[0]![0])).toMatch(/trace export to .* failed \(HTTP 503\)/);
    errors.mockRestore();
  });
});
