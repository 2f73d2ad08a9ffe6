import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseMetricsText, sampleValue } from "./parse-metrics-text";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = path.join(import.meta.dirname, "__fixtures__/cluster-metrics-primary.ts");

/** Runs a real node:cluster primary with three workers (see the fixture) and parses what worker 1 rendered. */
async function renderInCluster(mode: "aggregate" | "no-aggregator" | "stuck-worker") {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", FIXTURE, mode], {
    cwd: ROOT,
    timeout: 60_000,
  });
  return parseMetricsText(stdout);
}

const series = { endpoint: "messages", model: "anthropic/claude-sonnet-4-5", provider: "anthropic", status: "200" };

describe("metrics in a node:cluster", () => {
  it("a worker's /metrics is the sum over the workers that record metrics", async () => {
    const all = await renderInCluster("aggregate");
    expect(sampleValue(all, "switchyard_gateway_requests_total", series)).toBe(3);
    expect(sampleValue(all, "switchyard_gateway_tokens_total", { direction: "input" })).toBe(30);
    expect(sampleValue(all, "switchyard_gateway_request_duration_seconds_count")).toBe(3);
    expect(sampleValue(all, "switchyard_request_log_queue_depth")).toBe(3);
  });

  it.each(["no-aggregator", "stuck-worker"] as const)(
    "a worker falls back to its own metrics when the primary cannot answer: %s",
    async (mode) => {
      const all = await renderInCluster(mode);
      expect(sampleValue(all, "switchyard_gateway_requests_total", series)).toBe(1);
      expect(sampleValue(all, "switchyard_request_log_queue_depth")).toBe(1);
    },
  );
});
