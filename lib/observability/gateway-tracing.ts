/**
 * Optional OpenTelemetry traces of gateway calls: one CLIENT span per call, named and attributed
 * after the GenAI semantic conventions, exported as OTLP/HTTP JSON (`otlp-trace-client.ts`).
 * Switched on by the standard OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT), read once on
 * the first call; without it `startGatewaySpan` returns one shared no-op object.
 *
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 */
import { randomBytes } from "node:crypto";
import type { GatewayCallObservation, GatewayEndpoint } from "./gateway-metrics";
import { readOtlpTraceConfig } from "./otlp-config";
import {
  type OtlpAttribute,
  SPAN_KIND_CLIENT,
  STATUS_CODE_ERROR,
  STATUS_CODE_UNSET,
  booleanAttribute,
  numberAttribute,
  stringArrayAttribute,
  stringAttribute,
  unixNanoFromMilliseconds,
} from "./otlp-span";
import { OtlpTraceClient } from "./otlp-trace-client";
import type { TraceContext } from "./trace-context";

export type GatewaySpan = { end(o: GatewayCallObservation & { errorMessage?: string }): void };

type SpanStart = {
  endpoint: GatewayEndpoint;
  model?: string;
  provider?: string;
  serverAddress?: string;
  /** The caller's trace (its `traceparent`): the span joins it. */
  parent?: TraceContext;
};

const NOOP_SPAN: GatewaySpan = { end() {} };

/** `undefined` until the environment is read; `null` when tracing is off. */
let client: OtlpTraceClient | null | undefined;

export function startGatewaySpan(init: SpanStart): GatewaySpan {
  if (client === undefined) client = createClient();
  if (client === null) return NOOP_SPAN;
  // The caller decided not to record this trace (sampled flag off): neither do we.
  if (init.parent && !init.parent.sampled) return NOOP_SPAN;
  try {
    return new RecordingSpan(client, init);
  } catch {
    return NOOP_SPAN;
  }
}

/** Exports the spans still queued (each export bounded by OTEL_EXPORTER_OTLP_TIMEOUT); call on SIGTERM. */
export async function shutdownTracing(): Promise<void> {
  await client?.shutdown();
}

function createClient(): OtlpTraceClient | null {
  const warn = (message: string) => console.error(`switchyard: ${message}`);
  try {
    const config = readOtlpTraceConfig(process.env, warn);
    return config ? new OtlpTraceClient(config, warn) : null;
  } catch {
    return null;
  }
}

/** gen_ai.provider.name by our provider id. */
const GEN_AI_PROVIDER: Record<string, string> = {
  anthropic: "anthropic",
  bedrock: "aws.bedrock",
  vertex: "gcp.vertex_ai",
};
const MAX_STATUS_MESSAGE_LENGTH = 500;

class RecordingSpan implements GatewaySpan {
  private readonly startMilliseconds = performance.now();
  private ended = false;

  constructor(
    private readonly client: OtlpTraceClient,
    private readonly init: SpanStart,
  ) {}

  end(o: GatewayCallObservation & { errorMessage?: string }): void {
    if (this.ended) return;
    this.ended = true;
    try {
      const ids = randomBytes(24).toString("hex");
      const failed = o.status >= 400 || (typeof o.errorType === "string" && o.errorType !== "");
      const parent = this.init.parent;
      this.client.enqueue({
        traceId: parent?.traceId ?? ids.slice(0, 32),
        spanId: ids.slice(32),
        ...(parent ? { parentSpanId: parent.parentSpanId } : {}),
        name: this.init.model ? `chat ${this.init.model}` : "chat",
        kind: SPAN_KIND_CLIENT,
        startTimeUnixNano: unixNanoFromMilliseconds(performance.timeOrigin + this.startMilliseconds),
        endTimeUnixNano: unixNanoFromMilliseconds(performance.timeOrigin + performance.now()),
        attributes: spanAttributes(this.init, o, failed),
        status: failed
          ? { code: STATUS_CODE_ERROR, message: o.errorMessage?.slice(0, MAX_STATUS_MESSAGE_LENGTH) }
          : { code: STATUS_CODE_UNSET },
      });
    } catch {
      // A trace must never fail a request.
    }
  }
}

function spanAttributes(init: SpanStart, o: GatewayCallObservation, failed: boolean): OtlpAttribute[] {
  const provider = o.provider ?? init.provider;
  const genAiProvider = provider === undefined ? undefined : (GEN_AI_PROVIDER[provider] ?? provider);
  const responseModel = o.model ?? init.model;
  const attributes: Array<OtlpAttribute | undefined> = [
    stringAttribute("gen_ai.operation.name", "chat"),
    genAiProvider === undefined ? undefined : stringAttribute("gen_ai.provider.name", genAiProvider),
    // The name before semantic conventions 1.37; many backends still read only this one.
    genAiProvider === undefined ? undefined : stringAttribute("gen_ai.system", genAiProvider),
    init.model === undefined ? undefined : stringAttribute("gen_ai.request.model", init.model),
    responseModel === undefined ? undefined : stringAttribute("gen_ai.response.model", responseModel),
    numberAttribute("gen_ai.usage.input_tokens", o.inputTokens),
    numberAttribute("gen_ai.usage.output_tokens", o.outputTokens),
    numberAttribute("gen_ai.usage.cache_read.input_tokens", o.cacheReadTokens),
    numberAttribute("gen_ai.usage.cache_creation.input_tokens", o.cacheWriteTokens),
    o.finishReason ? stringArrayAttribute("gen_ai.response.finish_reasons", [o.finishReason]) : undefined,
    failed ? stringAttribute("error.type", o.errorType || String(o.status)) : undefined,
    numberAttribute("http.response.status_code", o.status),
    init.serverAddress === undefined ? undefined : stringAttribute("server.address", init.serverAddress),
    stringAttribute("switchyard.endpoint", init.endpoint),
    booleanAttribute("switchyard.stream", o.stream === true),
    numberAttribute("switchyard.upstream_attempts", o.attempts),
    numberAttribute("switchyard.usage.reasoning_tokens", o.reasoningTokens),
    numberAttribute("switchyard.cost_usd", o.costUsd),
    numberAttribute("switchyard.ttft_seconds", o.ttftSeconds),
  ];
  return attributes.filter((attribute) => attribute !== undefined);
}
