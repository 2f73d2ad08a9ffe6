/**
 * Metrics summed over node:cluster workers. A scrape lands on one worker, so that worker asks the
 * primary over the IPC channel; the primary collects the registry of every worker that has the
 * metrics module loaded (each announces itself when it loads it) and sums them with prom-client's
 * `AggregatorRegistry.aggregate`: counters and histograms add up, gauges too (the request log
 * queues of all workers), prom-client's default process metrics carry their own aggregators.
 *
 * Not prom-client's own `clusterMetrics()`: it asks every connected worker and fails after a fixed
 * 5 s unless all of them answer, so one worker that never loads the metrics module (a process that
 * serves no gateway calls) would make every scrape wait 5 s and then fall back.
 *
 * @see https://github.com/siimon/prom-client#usage-with-nodejs-cluster-module
 */
import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";
import type {
  AggregatorRegistry as AggregatorRegistryClass,
  MetricObjectWithValues,
  MetricValue,
  Registry,
} from "prom-client";

/**
 * prom-client's cluster module alone, not its index: the index loads every metric type and the
 * default collectors, 9 MiB of the supervisor's memory, which only aggregates. Loaded when the
 * primary first aggregates; worker processes never do.
 */
let aggregatorRegistry: typeof AggregatorRegistryClass | undefined;
const loadAggregatorRegistry = () =>
  (aggregatorRegistry ??= createRequire(import.meta.url)("prom-client/lib/cluster") as typeof AggregatorRegistryClass);

type WorkerMetrics = MetricObjectWithValues<MetricValue<string>>[];

/** worker → primary: "I have metrics" (on load), "I want the sum" (a scrape), "here are mine". */
type WorkerMessage =
  | { type: "switchyard:metrics-worker" }
  | { type: "switchyard:metrics-request"; id: number }
  | { type: "switchyard:metrics-collected"; id: number; metrics: unknown[] };
/** primary → worker: "send me yours", "here is the sum" (or why not). */
type PrimaryMessage =
  | { type: "switchyard:metrics-collect"; id: number }
  | { type: "switchyard:metrics-response"; id: number; metrics?: string; error?: string };

// Checked by hand, not with zod: the supervisor process loads this module, and zod alone
// weighed 13 MiB of its memory (bench/results.md). Other processes' messages share the channel.
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const optionalString = (value: unknown) => value === undefined || typeof value === "string";

function asWorkerMessage(message: unknown): WorkerMessage | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === "switchyard:metrics-worker") return { type: message.type };
  if (typeof message.id !== "number") return undefined;
  if (message.type === "switchyard:metrics-request") return { type: message.type, id: message.id };
  if (message.type === "switchyard:metrics-collected" && Array.isArray(message.metrics))
    return { type: message.type, id: message.id, metrics: message.metrics };
  return undefined;
}

function asPrimaryMessage(message: unknown): PrimaryMessage | undefined {
  if (!isRecord(message) || typeof message.id !== "number") return undefined;
  if (message.type === "switchyard:metrics-collect") return { type: message.type, id: message.id };
  if (
    message.type === "switchyard:metrics-response" &&
    optionalString(message.metrics) &&
    optionalString(message.error)
  )
    return {
      type: message.type,
      id: message.id,
      metrics: message.metrics as string | undefined,
      error: message.error as string | undefined,
    };
  return undefined;
}

/** The primary gives up on a collection after this; below the worker's default wait. */
const COLLECT_TIMEOUT_MS = 4_000;

// ---- worker side ----

type PendingRequest = { settle(metrics: string | undefined): void };
const pendingRequests = new Map<number, PendingRequest>();
let nextRequestId = 0;

/** Worker side, once at load: announce `registry` to the primary and answer its collections. */
export function serveMetricsToPrimary(registry: Registry): void {
  if (!cluster.isWorker || !process.send) return;
  process.on("message", (message: unknown) => {
    const data = asPrimaryMessage(message);
    if (!data) return;
    if (data.type === "switchyard:metrics-collect") {
      registry.getMetricsAsJSON().then(
        (metrics) => sendToPrimary({ type: "switchyard:metrics-collected", id: data.id, metrics }),
        () => {}, // the primary times out and the requesting worker serves its own
      );
    } else {
      pendingRequests.get(data.id)?.settle(data.error === undefined ? data.metrics : undefined);
    }
  });
  sendToPrimary({ type: "switchyard:metrics-worker" });
}

/**
 * Worker side: the primary's sum over all workers, or `undefined` outside a cluster worker, when
 * the primary answers with an error or not within `timeoutMs`.
 */
export function requestClusterMetrics(timeoutMs: number): Promise<string | undefined> {
  if (!cluster.isWorker || !process.send || !process.connected) return Promise.resolve(undefined);
  const id = nextRequestId++;
  return new Promise((resolve) => {
    const settle = (metrics: string | undefined) => {
      if (!pendingRequests.delete(id)) return;
      clearTimeout(timer);
      resolve(metrics);
    };
    const timer = setTimeout(() => settle(undefined), timeoutMs).unref();
    pendingRequests.set(id, { settle });
    if (!sendToPrimary({ type: "switchyard:metrics-request", id })) settle(undefined);
  });
}

function sendToPrimary(message: WorkerMessage): boolean {
  try {
    return process.send?.(message) ?? false;
  } catch {
    return false;
  }
}

// ---- primary side ----

type Collection = { waitingFor: Set<number>; collected: WorkerMetrics[]; done(error?: string): void };
const collections = new Map<number, Collection>();
const metricsWorkers = new Map<number, Worker>();
let nextCollectionId = 0;
let aggregatorInstalled = false;

/**
 * Primary side: answer workers' requests with the sum over the workers that announced metrics.
 * Call before forking (a worker announces itself once, when it loads the module). Idempotent.
 */
export function installPrimaryMetricsAggregator(): void {
  if (!cluster.isPrimary || aggregatorInstalled) return;
  aggregatorInstalled = true;
  cluster.on("exit", (worker: Worker) => {
    metricsWorkers.delete(worker.id);
    for (const collection of collections.values()) {
      if (collection.waitingFor.delete(worker.id) && collection.waitingFor.size === 0) collection.done();
    }
  });
  cluster.on("message", (worker: Worker, message: unknown) => {
    const data = asWorkerMessage(message);
    if (!data) return;
    switch (data.type) {
      case "switchyard:metrics-worker":
        metricsWorkers.set(worker.id, worker);
        return;
      case "switchyard:metrics-request":
        metricsWorkers.set(worker.id, worker);
        void collectAndAnswer(worker, data.id);
        return;
      case "switchyard:metrics-collected": {
        const collection = collections.get(data.id);
        if (!collection?.waitingFor.delete(worker.id)) return;
        collection.collected.push(data.metrics as WorkerMetrics);
        if (collection.waitingFor.size === 0) collection.done();
        return;
      }
      default:
        data satisfies never;
    }
  });
}

async function collectAndAnswer(requester: Worker, requestId: number): Promise<void> {
  const id = nextCollectionId++;
  const workers = [...metricsWorkers.values()].filter((worker) => worker.isConnected());
  const collected: WorkerMetrics[] = [];
  const error = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => done("a worker did not send its metrics in time"), COLLECT_TIMEOUT_MS);
    function done(error?: string) {
      clearTimeout(timer);
      collections.delete(id);
      resolve(error);
    }
    collections.set(id, { waitingFor: new Set(workers.map((worker) => worker.id)), collected, done });
    for (const worker of workers) sendToWorker(worker, { type: "switchyard:metrics-collect", id });
    if (workers.length === 0) done();
  });
  let response: PrimaryMessage;
  try {
    if (error !== undefined) throw new Error(error);
    const metrics = await loadAggregatorRegistry().aggregate(collected).metrics();
    response = { type: "switchyard:metrics-response", id: requestId, metrics };
  } catch (failure) {
    response = { type: "switchyard:metrics-response", id: requestId, error: String(failure) };
  }
  sendToWorker(requester, response);
}

function sendToWorker(worker: Worker, message: PrimaryMessage): void {
  try {
    if (worker.isConnected()) worker.send(message);
  } catch {
    // The worker left; `exit` takes it out of collections.
  }
}
