/**
 * The standard OpenTelemetry exporter variables, read once. Tracing is on only when an OTLP
 * endpoint is set; a value that cannot be used turns it off with one warning rather than stopping
 * the gateway (these variables are often inherited from a platform's defaults).
 *
 * @see https://opentelemetry.io/docs/specs/otel/protocol/exporter/
 * @see https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 */
export type OtlpTraceConfig = {
  /** Full URL spans are POSTed to. */
  url: string;
  headers: Record<string, string>;
  serviceName: string;
  resourceAttributes: Record<string, string>;
  timeoutMs: number;
  scheduleDelayMs: number;
  maxQueueSize: number;
  maxExportBatchSize: number;
};

const DEFAULT_SERVICE_NAME = "switchyard-gateway";

export function readOtlpTraceConfig(
  env: Record<string, string | undefined>,
  warn: (message: string) => void,
): OtlpTraceConfig | undefined {
  const value = (name: string) => (env[name]?.trim() ? env[name].trim() : undefined);
  if (value("OTEL_SDK_DISABLED")?.toLowerCase() === "true") return undefined;
  if (value("OTEL_TRACES_EXPORTER")?.toLowerCase() === "none") return undefined;

  const tracesEndpoint = value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const endpoint = value("OTEL_EXPORTER_OTLP_ENDPOINT");
  // The signal-specific variable is the URL as is; the general one is a base that gets /v1/traces.
  const url = tracesEndpoint ?? (endpoint === undefined ? undefined : `${endpoint.replace(/\/+$/, "")}/v1/traces`);
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    warn(`tracing off: the OTLP endpoint ${JSON.stringify(url)} is not an http(s) URL`);
    return undefined;
  }
  const protocol = value("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") ?? value("OTEL_EXPORTER_OTLP_PROTOCOL");
  if (protocol !== undefined && protocol !== "http/json") {
    warn(`tracing sends OTLP as http/json (OTEL_EXPORTER_OTLP_PROTOCOL=${protocol} is not supported)`);
  }

  const resourceAttributes = parseKeyValueList(value("OTEL_RESOURCE_ATTRIBUTES"));
  return {
    url,
    headers: {
      ...parseKeyValueList(value("OTEL_EXPORTER_OTLP_HEADERS")),
      ...parseKeyValueList(value("OTEL_EXPORTER_OTLP_TRACES_HEADERS")),
    },
    serviceName: value("OTEL_SERVICE_NAME") ?? resourceAttributes["service.name"] ?? DEFAULT_SERVICE_NAME,
    resourceAttributes,
    timeoutMs: positiveInteger(
      value("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT") ?? value("OTEL_EXPORTER_OTLP_TIMEOUT"),
      10_000,
    ),
    scheduleDelayMs: positiveInteger(value("OTEL_BSP_SCHEDULE_DELAY"), 5_000),
    maxQueueSize: positiveInteger(value("OTEL_BSP_MAX_QUEUE_SIZE"), 2_048),
    maxExportBatchSize: positiveInteger(value("OTEL_BSP_MAX_EXPORT_BATCH_SIZE"), 512),
  };
}

/** `key1=value1,key2=value2` with percent-encoded values (the W3C Baggage format the spec uses). */
function parseKeyValueList(list: string | undefined): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const pair of list?.split(",") ?? []) {
    const separator = pair.indexOf("=");
    if (separator <= 0) continue;
    const key = pair.slice(0, separator).trim();
    const raw = pair.slice(separator + 1).trim();
    if (key === "") continue;
    try {
      entries[key] = decodeURIComponent(raw);
    } catch {
      entries[key] = raw;
    }
  }
  return entries;
}

function positiveInteger(raw: string | undefined, fallback: number): number {
  const parsed = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
