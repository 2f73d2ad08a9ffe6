/**
 * A node:cluster primary with three workers, for cluster-metrics.test.ts. Worker 1 records one
 * gateway call and a request log queue of 1, worker 2 two and 2; worker 3 never loads the metrics
 * module (a process that serves no gateway calls). When all are ready, worker 1 renders /metrics
 * and the primary prints what it got.
 *
 * `node --import tsx cluster-metrics-primary.ts aggregate|no-aggregator|stuck-worker`:
 * `no-aggregator` leaves out `installClusterMetricsAggregator()`, `stuck-worker` blocks worker 2's
 * event loop for 6 s just before the render; either way worker 1 falls back to its own metrics.
 */
import cluster, { type Worker } from "node:cluster";

const mode = process.argv[2];

if (cluster.isPrimary) {
  if (mode !== "no-aggregator") (await import("../gateway-metrics")).installClusterMetricsAggregator();
  const workers: Worker[] = [
    cluster.fork({ CALLS: "1" }),
    cluster.fork({ CALLS: "2" }),
    cluster.fork({ CALLS: "none" }),
  ];
  let ready = 0;
  for (const worker of workers) {
    worker.on("message", (message: unknown) => {
      if (message === "ready" && ++ready === workers.length) {
        if (mode === "stuck-worker") workers[1]!.send("block");
        workers[0]!.send("render");
      }
      if (typeof message === "object" && message !== null && "rendered" in message) {
        process.stdout.write(String(message.rendered));
        for (const each of workers) each.kill();
        process.exit(0);
      }
    });
  }
} else if (process.env.CALLS === "none") {
  process.send!("ready");
} else {
  const { observeGatewayCall, observeRequestLogQueue, renderMetrics } = await import("../gateway-metrics");
  const calls = Number(process.env.CALLS);
  for (let call = 0; call < calls; call++) {
    observeGatewayCall({
      endpoint: "messages",
      model: "anthropic/claude-sonnet-4-5",
      provider: "anthropic",
      status: 200,
      stream: false,
      durationSeconds: 0.5,
      inputTokens: 10,
      attempts: 1,
    });
  }
  observeRequestLogQueue(calls);
  process.on("message", (message: unknown) => {
    if (message === "block") {
      const until = Date.now() + 6_000;
      while (Date.now() < until);
    }
    if (message !== "render") return;
    // Generous when aggregating: a fallback there must mean the aggregation failed, not a slow machine.
    const timeoutMs = mode === "no-aggregator" ? 500 : 15_000;
    void renderMetrics({ timeoutMs }).then((rendered) => process.send!({ rendered }));
  });
  process.send!("ready");
}
