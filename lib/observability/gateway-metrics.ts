/**
 * The gateway's Prometheus metrics, in a registry of their own (not prom-client's global one, so
 * a library that registers there cannot collide with us and tests can reset ours).
 *
 * Everything the pipeline calls on a request path (`observe*`, `count*`) is synchronous, cheap and
 * never throws: a metric must not fail a request. Label values that come from requests are bounded
 * (`bounded-label.ts`). In a node:cluster worker `renderMetrics()` answers with the sum over all
 * workers (`cluster-metrics.ts`).
 *
 * @see https://prometheus.io/docs/practices/naming/
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { BoundedLabel, OVERFLOW_LABEL } from "./bounded-label";
import { installPrimaryMetricsAggregator, requestClusterMetrics, serveMetricsToPrimary } from "./cluster-metrics";

export type GatewayEndpoint = "chat.completions" | "responses" | "messages" | "count_tokens" | "models" | "other";

export type GatewayCallObservation = {
  endpoint: GatewayEndpoint;
  model?: string;
  /** "anthropic" | "bedrock" | "vertex" */
  provider?: string;
  status: number;
  /** The error `type`/`code` when status >= 400 or the stream ended in an error. */
  errorType?: string;
  stream: boolean;
  durationSeconds: number;
  ttftSeconds?: number;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  costUsd?: number;
  /** Upstream calls made for this request: 1, or more after retries and fallbacks. */
  attempts: number;
  finishReason?: string;
};

const ENDPOINTS: ReadonlySet<string> = new Set<GatewayEndpoint>([
  "chat.completions",
  "responses",
  "messages",
  "count_tokens",
  "models",
  "other",
]);
const PROVIDERS: ReadonlySet<string> = new Set(["anthropic", "bedrock", "vertex"]);
/** Distinct model ids reported before the rest become "other" (the catalog has far fewer). */
const MAX_MODEL_LABELS = 200;
/** Distinct error types; the providers' documented types are about a dozen. */
const MAX_ERROR_TYPE_LABELS = 50;

/** A model answer takes from tens of milliseconds (count_tokens) to many minutes (long thinking). */
const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600];
const TTFT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 60];

const registry = new Registry();
collectDefaultMetrics({ register: registry });

const callLabels = ["endpoint", "model", "provider"] as const;

const requests = new Counter({
  name: "switchyard_gateway_requests_total",
  help: "Gateway requests answered, by endpoint, model, provider and HTTP status.",
  labelNames: [...callLabels, "status"],
  registers: [registry],
});
const errors = new Counter({
  name: "switchyard_gateway_errors_total",
  help: "Gateway requests that failed (status >= 400 or a stream that ended in an error), by error type.",
  labelNames: ["endpoint", "type"],
  registers: [registry],
});
const duration = new Histogram({
  name: "switchyard_gateway_request_duration_seconds",
  help: "Time from the request's arrival to the end of the answer (the last byte of a stream).",
  labelNames: [...callLabels, "stream"],
  buckets: DURATION_BUCKETS,
  registers: [registry],
});
const ttft = new Histogram({
  name: "switchyard_gateway_ttft_seconds",
  help: "Time to first token of streamed answers.",
  labelNames: callLabels,
  buckets: TTFT_BUCKETS,
  registers: [registry],
});
const tokens = new Counter({
  name: "switchyard_gateway_tokens_total",
  help: "Tokens reported by the provider, by direction (input, output, cache_read, cache_write, reasoning).",
  labelNames: ["direction", "model", "provider"],
  registers: [registry],
});
const cost = new Counter({
  name: "switchyard_gateway_cost_usd_total",
  help: "Estimated cost of gateway calls in US dollars (catalog prices).",
  labelNames: ["model", "provider"],
  registers: [registry],
});
const upstreamAttempts = new Counter({
  name: "switchyard_gateway_upstream_attempts_total",
  help: "Calls made to providers, including retries and fallbacks.",
  labelNames: ["endpoint", "provider"],
  registers: [registry],
});
const fallbacks = new Counter({
  name: "switchyard_gateway_fallbacks_total",
  help: "Upstream attempts after a request's first (a retry or the next fallback model).",
  labelNames: ["endpoint"],
  registers: [registry],
});
const requestLogQueueDepth = new Gauge({
  name: "switchyard_request_log_queue_depth",
  help: "Request log rows waiting to be written.",
  registers: [registry],
});
const requestLogDropped = new Counter({
  name: "switchyard_request_log_dropped_total",
  help: "Request log rows dropped because the queue was full or the database refused them.",
  registers: [registry],
});
const limiterDecisions = new Counter({
  name: "switchyard_limiter_decisions_total",
  help: "Rate limit and budget decisions, by scope (key, user) and decision.",
  labelNames: ["scope", "decision"],
  registers: [registry],
});

const modelLabel = new BoundedLabel(MAX_MODEL_LABELS);
const errorTypeLabel = new BoundedLabel(MAX_ERROR_TYPE_LABELS);

const TOKEN_DIRECTIONS = [
  ["input", "inputTokens"],
  ["output", "outputTokens"],
  ["cache_read", "cacheReadTokens"],
  ["cache_write", "cacheWriteTokens"],
  ["reasoning", "reasoningTokens"],
] as const satisfies ReadonlyArray<readonly [string, keyof GatewayCallObservation]>;

/** Records one answered gateway call. Never throws; odd values are skipped, not reported. */
export function observeGatewayCall(o: GatewayCallObservation): void {
  try {
    const endpoint = typeof o.endpoint === "string" && ENDPOINTS.has(o.endpoint) ? o.endpoint : "other";
    const model = modelLabel.value(o.model);
    const provider = providerLabel(o.provider);
    const status = statusLabel(o.status);
    const labels = { endpoint, model, provider };

    requests.inc({ ...labels, status });
    const failed =
      status === "unknown" || Number(status) >= 400 || (typeof o.errorType === "string" && o.errorType !== "");
    if (failed) errors.inc({ endpoint, type: errorTypeLabel.value(o.errorType) || `http_${status}` });

    if (isCount(o.durationSeconds))
      duration.observe({ ...labels, stream: o.stream === true ? "true" : "false" }, o.durationSeconds);
    if (isCount(o.ttftSeconds)) ttft.observe(labels, o.ttftSeconds);

    for (const [direction, field] of TOKEN_DIRECTIONS) {
      const count = o[field];
      if (isCount(count) && count > 0) tokens.inc({ direction, model, provider }, count);
    }
    if (isCount(o.costUsd) && o.costUsd > 0) cost.inc({ model, provider }, o.costUsd);

    if (isCount(o.attempts) && o.attempts >= 1) {
      const attempts = Math.floor(o.attempts);
      upstreamAttempts.inc({ endpoint, provider }, attempts);
      if (attempts > 1) fallbacks.inc({ endpoint }, attempts - 1);
    }
  } catch {
    // A metric must never fail a request.
  }
}

export function observeLimiterDecision(
  scope: "key" | "user",
  decision: "allowed" | "rate_limited" | "token_limited" | "budget_exceeded",
): void {
  try {
    limiterDecisions.inc({ scope, decision });
  } catch {
    // Never fail the request being limited.
  }
}

export function observeRequestLogQueue(depth: number): void {
  if (isCount(depth)) requestLogQueueDepth.set(depth);
}

export function countRequestLogDrops(n: number): void {
  if (isCount(n) && n > 0) requestLogDropped.inc(n);
}

export function metricsContentType(): string {
  return registry.contentType;
}

/**
 * This process's metrics in Prometheus' text format — in a cluster worker, the sum over all
 * workers (asked of the primary, which must run `installClusterMetricsAggregator()`); when the
 * primary does not answer within `timeoutMs`, this worker's own.
 */
export async function renderMetrics(options: { timeoutMs?: number } = {}): Promise<string> {
  const aggregate = await requestClusterMetrics(options.timeoutMs ?? DEFAULT_CLUSTER_TIMEOUT_MS);
  return aggregate ?? registry.metrics();
}

/** Above the primary's 4 s for collecting every worker, so a stuck worker shows up as its error answer. */
const DEFAULT_CLUSTER_TIMEOUT_MS = 5_000;

/**
 * Call once in the cluster primary, before forking: it answers the workers' `renderMetrics()`.
 * A worker takes part from the moment it loads this module.
 */
export function installClusterMetricsAggregator(): void {
  installPrimaryMetricsAggregator();
}

/** Zeroes every series and forgets the bounded labels' values (tests). */
export function resetGatewayMetrics(): void {
  registry.resetMetrics();
  modelLabel.clear();
  errorTypeLabel.clear();
}

serveMetricsToPrimary(registry);

function providerLabel(provider: unknown): string {
  if (typeof provider !== "string" || provider === "") return "";
  return PROVIDERS.has(provider) ? provider : OVERFLOW_LABEL;
}

function statusLabel(status: unknown): string {
  return Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599
    ? String(status)
    : "unknown";
}

/** A finite number >= 0 (counters refuse negatives; histograms would file NaN under +Inf). */
function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
