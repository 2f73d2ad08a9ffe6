import { usageCostMicros } from "@/lib/request-log/usage-cost-micros";
import type { FinishedRequest } from "@/lib/request-log/request-trace";
import {
  observeGatewayCall,
  type GatewayCallObservation,
  type GatewayEndpoint,
} from "@/lib/observability/gateway-metrics";
import { startGatewaySpan } from "@/lib/observability/gateway-tracing";
import { parseTraceparent } from "@/lib/observability/trace-context";

const PROVIDER_BY_PREFIX: Record<string, string> = { anthropic: "anthropic", aws: "bedrock", google: "vertex" };

/** The provider a gateway model id (`aws/anthropic/…`) is served by, for metrics. */
export function providerOfModel(model: string | undefined): string | undefined {
  if (!model) return undefined;
  return PROVIDER_BY_PREFIX[model.slice(0, model.indexOf("/"))];
}

/** A finished request as metrics and traces see it. */
export function toObservation(endpoint: GatewayEndpoint, finished: FinishedRequest): GatewayCallObservation {
  const model = finished.servedModel ?? finished.requestedModel;
  const usage = finished.usage;
  const failed = finished.status >= 400 || finished.errorType !== undefined;
  return {
    endpoint,
    model,
    provider: providerOfModel(model),
    status: finished.status,
    errorType: failed ? (finished.errorType ?? `http_${finished.status}`) : undefined,
    stream: finished.stream,
    durationSeconds: finished.latencyMs / 1000,
    ttftSeconds: finished.ttftMs === undefined ? undefined : finished.ttftMs / 1000,
    inputTokens: usage?.inputTokens,
    outputTokens: usage?.outputTokens,
    cacheReadTokens: usage?.cacheReadInputTokens,
    cacheWriteTokens: usage?.cacheCreationInputTokens,
    costUsd: usage ? usageCostMicros(finished.servedModel, usage).costMicros / 1e6 : undefined,
    attempts: Math.max(finished.attempts.length, finished.servedModel ? 1 : 0),
  };
}

/**
 * Starts observing one gateway call: an OpenTelemetry span (a no-op unless
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; in the caller's trace when it sent a `traceparent`) now; metrics and the span's end when the request log's
 * trace finishes, from the same facts the log records.
 */
export function observeGatewayCallOf(endpoint: GatewayEndpoint, traceparent?: string | null) {
  const span = startGatewaySpan({ endpoint, parent: parseTraceparent(traceparent) });
  return (finished: FinishedRequest) => {
    const observation = toObservation(endpoint, finished);
    observeGatewayCall(observation);
    span.end(observation);
  };
}
