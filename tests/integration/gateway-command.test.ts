import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMetricsText } from "@/lib/observability/parse-metrics-text";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3600;

const chat = (gateway: GatewayUnderTest, apiKey = gateway.apiKey, stream = false) =>
  fetch(`${gateway.url}/v3/router/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model: "anthropic/claude-sonnet-4-6", stream, messages: [{ role: "user", content: "Hi" }] }),
  });

const sumOf = (text: string, name: string, labels: Record<string, string> = {}) =>
  parseMetricsText(text)
    .filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((sum, sample) => sum + sample.value, 0);

/** `switchyard gateway` with two worker processes: the data-plane command, without Next.js. */
describe("switchyard gateway (WORKERS=2)", () => {
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORT, command: "gateway", serverEnv: { WORKERS: "2" } });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it("runs a supervisor and two workers, and serves the gateway: complete and streamed answers", async () => {
    // Printed once every worker listens; the health check passes when the first does.
    await expect.poll(() => gateway.server.output(), { timeout: 30_000 }).toContain("(2 processes)");
    expect(gateway.server.output()).toContain("Serving the Switchyard gateway on");
    const complete = await chat(gateway);
    expect(complete.status).toBe(200);
    expect(
      ((await complete.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content,
    ).toBeTruthy();
    const streamed = await chat(gateway, gateway.apiKey, true);
    expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(await streamed.text()).toContain("data: [DONE]");
  });

  it("answers /api/health itself and nothing of the UI", async () => {
    const health = await fetch(`${gateway.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: "sqlite" });
    for (const path of ["/", "/playground", "/api/sessions", "/settings"]) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("keeps a key's rate limit exact across workers: of 8 concurrent requests at 5 a minute, 5 pass", async () => {
    const created = await gateway.cli(["key", "create", "--name", "rpm-5"]);
    const key = created.stdout.trim().split("\n").at(-1)!;
    expect((await gateway.cli(["key", "limits", key.slice(0, 11), "--rpm", "5"])).code).toBe(0);
    // A minute boundary inside the burst would reset the counter: start early in a minute.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const statuses = await Promise.all(Array.from({ length: 8 }, () => chat(gateway, key).then((r) => r.status)));
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it("GET /metrics reports every worker's requests, summed", async () => {
    const before = sumOf(await (await fetch(`${gateway.url}/metrics`)).text(), "switchyard_gateway_requests_total");
    // New connections each: the kernel spreads them over both workers.
    await Promise.all(Array.from({ length: 12 }, () => chat(gateway, "sk-wrong-key")));
    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sumOf(text, "switchyard_gateway_requests_total") - before).toBe(12);
    expect(
      sumOf(text, "switchyard_gateway_requests_total", { endpoint: "chat.completions", status: "200" }),
    ).toBeGreaterThanOrEqual(7);
    expect(sumOf(text, "switchyard_limiter_decisions_total", { scope: "key", decision: "rate_limited" })).toBe(3);
    expect(sumOf(text, "switchyard_gateway_tokens_total", { direction: "output" })).toBeGreaterThan(0);
  });
});
