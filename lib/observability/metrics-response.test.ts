import { beforeEach, expect, it } from "vitest";
import { observeGatewayCall, resetGatewayMetrics } from "./gateway-metrics";
import { metricsResponse } from "./metrics-response";
import { parseMetricsText, sampleValue } from "./parse-metrics-text";

beforeEach(() => resetGatewayMetrics());

it("answers GET /metrics under next dev with this process's metrics in Prometheus' text format", async () => {
  const labels = { endpoint: "messages", model: "anthropic/claude-sonnet-4-5", provider: "anthropic" } as const;
  observeGatewayCall({ ...labels, status: 200, stream: false, durationSeconds: 0.5, attempts: 1 });

  const response = await metricsResponse();

  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const samples = parseMetricsText(await response.text());
  expect(sampleValue(samples, "switchyard_gateway_requests_total", { ...labels, status: "200" })).toBe(1);
});
