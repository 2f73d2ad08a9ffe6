/**
 * Metrics summed over node:cluster workers. A scrape lands on one worker, so that worker asks the
 * primary over the IPC channel; the primary collects every worker's registry with prom-client's
 * AggregatorRegistry (its own request/response protocol, which each worker answers) and sends the
 * summed text back. Counters and histograms add up; gauges too (the request log queues of all
 * workers); prom-client's default process metrics carry their own aggregators.
 *
 * @see https://github.com/siimon/prom-client#usage-with-nodejs-cluster-module
 */
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";
import { z } from "zod";

const REQUEST_TYPE = "switchyard:metrics-request";
const RESPONSE_TYPE = "switchyard:metrics-response";

const requestMessage = z.object({ type: z.literal(REQUEST_TYPE), id: z.number() });
const responseMessage = z.object({
  type: z.literal(RESPONSE_TYPE),
  id: z.number(),
  metrics: z.string().optional(),
  error: z.string().optional(),
});

type Pending = { resolve(metrics: string | undefined): void; timer: NodeJS.Timeout };
const pending = new Map<number, Pending>();
let nextRequestId = 0;
let listeningForResponses = false;
let aggregatorInstalled = false;

/** Worker side, at import: answer prom-client's collection requests with `registry`. */
export function answerPrimaryMetricsRequests(registry: Registry): void {
  if (!cluster.isWorker) return;
  AggregatorRegistry.setRegistries([registry]);
  // The constructor installs prom-client's worker listener (once per process).
  new AggregatorRegistry();
}

/**
 * Worker side: the primary's sum over all workers, or `undefined` outside a cluster worker, when
 * the primary answers with an error or not within `timeoutMs`.
 */
export function requestClusterMetrics(timeoutMs: number): Promise<string | undefined> {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send || !process.connected) return Promise.resolve(undefined);
  listenForResponses();
  const id = nextRequestId++;
  return new Promise((resolve) => {
    const settle = (metrics: string | undefined) => {
      const entry = pending.get(id);
      if (!entry) return;
      pending.delete(id);
      clearTimeout(entry.timer);
      resolve(metrics);
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs);
    timer.unref();
    pending.set(id, { resolve: settle, timer });
    try {
      send({ type: REQUEST_TYPE, id }, undefined, undefined, (error) => {
        if (error) settle(undefined);
      });
    } catch {
      settle(undefined);
    }
  });
}

function listenForResponses(): void {
  if (listeningForResponses) return;
  listeningForResponses = true;
  process.on("message", (message: unknown) => {
    const parsed = responseMessage.safeParse(message);
    if (!parsed.success) return;
    pending.get(parsed.data.id)?.resolve(parsed.data.error === undefined ? parsed.data.metrics : undefined);
  });
}

/** Primary side: answer workers' requests with the sum over all connected workers. Idempotent. */
export function installPrimaryMetricsAggregator(): void {
  if (!cluster.isPrimary || aggregatorInstalled) return;
  aggregatorInstalled = true;
  const aggregator = new AggregatorRegistry();
  cluster.on("message", (worker: Worker, message: unknown) => {
    const parsed = requestMessage.safeParse(message);
    if (!parsed.success) return;
    const { id } = parsed.data;
    aggregator.clusterMetrics().then(
      (metrics) => reply(worker, { type: RESPONSE_TYPE, id, metrics }),
      (error: unknown) => reply(worker, { type: RESPONSE_TYPE, id, error: String(error) }),
    );
  });
}

function reply(worker: Worker, message: z.infer<typeof responseMessage>): void {
  try {
    if (worker.isConnected()) worker.send(message);
  } catch {
    // The worker left; its request times out on its side (it is gone anyway).
  }
}
