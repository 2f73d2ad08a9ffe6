/**
 * W3C Trace Context: the `traceparent` a caller sends (`00-<trace id>-<parent span id>-<flags>`),
 * so the gateway's span joins the caller's trace instead of starting its own.
 *
 * @see https://www.w3.org/TR/trace-context/#traceparent-header
 */
export type TraceContext = { traceId: string; parentSpanId: string; sampled: boolean };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZERO = /^0+$/;

/**
 * The caller's trace context, or `undefined` when the header is absent or invalid (then the span
 * starts a new trace, as the spec asks). Version ff is invalid; a version 00 header must not
 * carry more fields; later versions may, and are read by their first four.
 */
export function parseTraceparent(value: string | null | undefined): TraceContext | undefined {
  if (!value || value.length > 512) return undefined;
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, version, traceId, parentSpanId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string?,
  ];
  if (version === "ff" || (version === "00" && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentSpanId)) return undefined;
  return { traceId, parentSpanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}
