import { describe, expect, it } from "vitest";
import { parseTraceparent } from "./trace-context";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN_ID = "00f067aa0ba902b7";

describe("parseTraceparent", () => {
  it.each([
    [`00-${TRACE_ID}-${SPAN_ID}-01`, { traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true }],
    [`00-${TRACE_ID}-${SPAN_ID}-00`, { traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: false }],
    [`00-${TRACE_ID}-${SPAN_ID}-03`, { traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true }],
    // A later version may add fields: read by its first four.
    [`01-${TRACE_ID}-${SPAN_ID}-01-extra`, { traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true }],
    [`  00-${TRACE_ID}-${SPAN_ID}-01 `, { traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true }],
  ])("reads %s", (header, expected) => {
    expect(parseTraceparent(header)).toEqual(expected);
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["version ff", `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ["version 00 with more fields", `00-${TRACE_ID}-${SPAN_ID}-01-extra`],
    ["all-zero trace id", `00-${"0".repeat(32)}-${SPAN_ID}-01`],
    ["all-zero span id", `00-${TRACE_ID}-${"0".repeat(16)}-01`],
    ["upper-case hex", `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ["short trace id", `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ["not hex", `00-${"g".repeat(32)}-${SPAN_ID}-01`],
    ["oversized", `00-${TRACE_ID}-${SPAN_ID}-01-${"a".repeat(600)}`],
  ])("ignores %s", (_, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });
});
