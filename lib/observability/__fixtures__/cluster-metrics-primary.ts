/**
 * A node:cluster primary with two workers, for cluster-metrics.test.ts. Worker 1 records one
 * gateway call and a request log queue of 1, worker 2 two and 2; when both are ready, worker 1 renders /metrics and the primary prints
 * what it got. `node --import tsx cluster-metrics-primary.ts aggregate|no-aggregator`:
 * `no-aggregator` leaves out `installClusterMetricsAggregator()`, so the worker falls back to its own.
 */
import cluster, { type Worker } from "node:cluster";
import {
  installClusterMetricsAggregator,
  observeGatewayCall,
  observeRequestLogQueue,
  renderMetrics,
} from "../gateway-metrics";

const mode = process.argv[2];

if (cluster.isPrimary) {
  if (mode === "aggregate") installClusterMetricsAggregator();
  const workers: Worker[] = [cluster.fork({ CALLS: "1" }), cluster.fork({ CALLS: "2" })];
  let ready = 0;
  for (const worker of workers) {
    worker.on("message", (message: unknown) => {
      if (message === "ready" && ++ready === workers.length) workers[0]!.send("render");
      if (typeof message === "object" && message !== null && "rendered" in message) {
        process.stdout.write(String(message.rendered));
        for (const each of workers) each.kill();
        process.exit(0);
      }
    });
  }
} else {
  for (let call = 0; call < Number(process.env.CALLS); call++) {
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
  observeRequestLogQueue(Number(process.env.CALLS));
  process.on("message", (message: unknown) => {
    if (message !== "render") return;
    void renderMetrics({ timeoutMs: mode === "aggregate" ? 10_000 : 500 }).then((rendered) =>
      process.send!({ rendered }),
    );
  });
  process.send!("ready");
}
