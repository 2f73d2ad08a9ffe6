/**
 * The OTLP/JSON shapes of a span (trace and span ids are hex strings, times and 64-bit integers
 * decimal strings, enums numbers).
 *
 * @see https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding
 * @see https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto
 */
type OtlpAnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number }
  | { boolValue: boolean }
  | { arrayValue: { values: OtlpAnyValue[] } };

export type OtlpAttribute = { key: string; value: OtlpAnyValue };

export type OtlpSpan = {
  traceId: string;
  spanId: string;
  /** The caller's span, when the request carried a `traceparent`. */
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  status: { code: number; message?: string };
};

export const SPAN_KIND_CLIENT = 3;
export const STATUS_CODE_UNSET = 0;
export const STATUS_CODE_ERROR = 2;

export function stringAttribute(key: string, value: string): OtlpAttribute {
  return { key, value: { stringValue: value } };
}

/** Whole numbers as OTLP ints, others as doubles; non-finite values are left out. */
export function numberAttribute(key: string, value: number | undefined): OtlpAttribute | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return Number.isInteger(value) ? { key, value: { intValue: String(value) } } : { key, value: { doubleValue: value } };
}

export function booleanAttribute(key: string, value: boolean): OtlpAttribute {
  return { key, value: { boolValue: value } };
}

export function stringArrayAttribute(key: string, values: string[]): OtlpAttribute {
  return { key, value: { arrayValue: { values: values.map((value) => ({ stringValue: value })) } } };
}

/** Nanoseconds since the epoch from a millisecond clock reading with a fraction (performance.timeOrigin + now()). */
export function unixNanoFromMilliseconds(milliseconds: number): string {
  const whole = Math.floor(milliseconds);
  return (BigInt(whole) * 1_000_000n + BigInt(Math.round((milliseconds - whole) * 1e6))).toString();
}
