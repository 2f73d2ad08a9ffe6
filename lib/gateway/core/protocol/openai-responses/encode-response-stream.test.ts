import type { ResponseStreamEvent as SdkResponseStreamEvent } from "openai/resources/responses/responses";
import { accumulateResponse } from "openai/lib/responses/ResponseAccumulator";
import { describe, expect, it } from "vitest";
import { accumulateAnthropicMessage } from "@/tests/fake-upstream/accumulate-anthropic-message";
import { fixtureSseStream, readAll, readAnthropicFixture } from "@/tests/fake-upstream/anthropic-fixtures";
import { assembleMessage } from "../../assemble-message";
import type { CanonicalEvent } from "../../canonical";
import { decodeAnthropicMessage } from "../../anthropic/decode-anthropic-message";
import { decodeAnthropicStream } from "../../anthropic/decode-anthropic-stream";
import { encodeResponse } from "./encode-response";
import { createResponseStreamEncoder, encodeResponseStream } from "./encode-response-stream";
import type { ResponseObject, ResponseStreamEvent } from "./openai-responses-api";
import { fixtureEncodingOptions, responsesFixtureNames } from "./responses-test-fixtures";

/** Replays a recorded Anthropic stream through the real decoder and the Responses stream encoder. */
async function streamFixture(name: string): Promise<ResponseStreamEvent[]> {
  return readAll(
    decodeAnthropicStream(fixtureSseStream(name)).pipeThrough(createResponseStreamEncoder(fixtureEncodingOptions)),
  );
}

async function streamEvents(events: CanonicalEvent[]): Promise<ResponseStreamEvent[]> {
  const source = new ReadableStream<CanonicalEvent>({
    start(controller) {
      events.forEach((event) => controller.enqueue(event));
      controller.close();
    },
  });
  return readAll(source.pipeThrough(createResponseStreamEncoder(fixtureEncodingOptions)));
}

const types = (events: ResponseStreamEvent[]) => events.map((event) => event.type);
const terminalTypes = new Set(["response.completed", "response.incomplete", "response.failed"]);
const terminalResponse = (events: ResponseStreamEvent[]) => (events.at(-1) as { response: ResponseObject }).response;

describe("encodeResponseStream", () => {
  it("writes each event as `event: <type>` + `data: <json>`, numbered from 0, without [DONE]", async () => {
    const bytes = await readAll(
      encodeResponseStream(decodeAnthropicStream(fixtureSseStream("anthropic-pings")), fixtureEncodingOptions),
    );
    const sse = new TextDecoder().decode(Buffer.concat(bytes));
    const frames = sse.split("\n\n").filter(Boolean);
    expect(frames[2]).toBe(
      'event: response.output_item.added\ndata: {"type":"response.output_item.added","output_index":0,"item":{"id":"msg_01PingFixture_0","type":"message","status":"in_progress","role":"assistant","content":[]},"sequence_number":2}',
    );
    for (const [position, frame] of frames.entries()) {
      const [eventLine, dataLine] = frame.split("\n");
      const data = JSON.parse(dataLine!.slice("data: ".length)) as ResponseStreamEvent;
      expect(eventLine).toBe(`event: ${data.type}`);
      expect(data.sequence_number).toBe(position);
    }
    expect(sse).not.toContain("[DONE]");
  });

  it("streams text in the spec's order: created, in_progress, item, part, deltas, done events, completed", async () => {
    const events = await streamFixture("anthropic-text");
    expect(types(events)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.content_part.added",
      "response.output_text.delta",
      "response.output_text.delta",
      "response.output_text.done",
      "response.content_part.done",
      "response.output_item.done",
      "response.completed",
    ]);
    expect(events.filter((event) => event.type === "response.output_text.delta").map((event) => event.delta)).toEqual([
      "Quantum computers use qubits",
      ", which can hold 0 and 1 at once.",
    ]);
    expect(events[0]).toMatchObject({
      response: { id: "resp_01TextFixture", status: "in_progress", output: [], usage: null },
    });
  });

  it("streams thinking as reasoning summary events; the signature arrives in output_item.done's encrypted_content", async () => {
    const events = await streamFixture("anthropic-thinking");
    expect(types(events).slice(2, 9)).toEqual([
      "response.output_item.added",
      "response.reasoning_summary_part.added",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.delta",
      "response.reasoning_summary_text.done",
      "response.reasoning_summary_part.done",
      "response.output_item.done",
    ]);
    expect(events[2]).toMatchObject({
      item: { id: "rs_01ThinkingFixture_0", type: "reasoning", summary: [], encrypted_content: null },
    });
    expect(events[8]).toMatchObject({
      output_index: 0,
      item: {
        type: "reasoning",
        summary: [
          { type: "summary_text", text: "A token bucket per client, sharded by client id across Redis nodes." },
        ],
        encrypted_content: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
      },
    });
    expect(events[9]).toMatchObject({ type: "response.output_item.added", output_index: 1, item: { type: "message" } });
  });

  it("streams a signature-only thinking block as an item with no summary events", async () => {
    const events = await streamFixture("anthropic-thinking-signature-only");
    expect(types(events).slice(2, 4)).toEqual(["response.output_item.added", "response.output_item.done"]);
    expect(events[3]).toMatchObject({
      item: { summary: [], encrypted_content: "EqQBCkYIBRgCIkBsig3OmittedThinking==" },
    });
  });

  it("streams redacted thinking as a reasoning item carrying redacted_thinking:<data> from the start", async () => {
    const events = await streamFixture("anthropic-redacted-thinking");
    expect(types(events).slice(2, 4)).toEqual(["response.output_item.added", "response.output_item.done"]);
    const encrypted =
      "redacted_thinking:EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==";
    expect(events[2]).toMatchObject({ item: { type: "reasoning", summary: [], encrypted_content: encrypted } });
    expect(events[3]).toMatchObject({ item: { encrypted_content: encrypted } });
  });

  it("streams tool arguments split across chunks as function_call_arguments deltas, then done with the whole JSON", async () => {
    const events = await streamFixture("anthropic-tool-use");
    const toolEvents = events.filter((event) => "output_index" in event && event.output_index === 1);
    expect(toolEvents.map((event) => event.type)).toEqual([
      "response.output_item.added",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.delta",
      "response.function_call_arguments.done",
      "response.output_item.done",
    ]);
    expect(toolEvents[0]).toMatchObject({
      item: {
        id: "fc_01ToolUseFixture_1",
        type: "function_call",
        status: "in_progress",
        call_id: "toolu_01WeatherFixture",
        name: "get_weather",
        arguments: "",
      },
    });
    expect(toolEvents.slice(1, 4).map((event) => (event as { delta: string }).delta)).toEqual([
      '{"locat',
      'ion": "Tok',
      'yo", "unit": "celsius"}',
    ]);
    // The deltas are the model's text as it streamed; done and the item carry the same JSON compacted,
    // as the non-stream Response does.
    expect(toolEvents[4]).toMatchObject({ name: "get_weather", arguments: '{"location":"Tokyo","unit":"celsius"}' });
    expect(toolEvents[5]).toMatchObject({
      item: { status: "completed", arguments: '{"location":"Tokyo","unit":"celsius"}' },
    });
  });

  it('streams "{}" as the arguments of tools without parameters', async () => {
    const events = await streamFixture("anthropic-tool-use-empty-arguments");
    expect(
      events.filter((event) => event.type === "response.function_call_arguments.done").map((event) => event.arguments),
    ).toEqual(["{}", "{}"]);
  });

  it("puts the usage (cache reads and writes included) on response.completed", async () => {
    const completed = (await streamFixture("anthropic-cache-usage")).at(-1)!;
    expect(completed).toMatchObject({
      type: "response.completed",
      response: {
        status: "completed",
        usage: {
          input_tokens: 7060,
          input_tokens_details: { cached_tokens: 2048, cache_write_tokens: 5000 },
          output_tokens: 9,
          total_tokens: 7069,
        },
      },
    });
  });

  it('ends a max_tokens stop with response.incomplete, reason "max_output_tokens"', async () => {
    expect((await streamFixture("anthropic-max-tokens")).at(-1)).toMatchObject({
      type: "response.incomplete",
      response: { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } },
    });
  });

  it("ends a stream that failed mid-way with response.failed: the error, and the cut-off item marked incomplete", async () => {
    const events = await streamFixture("anthropic-error-mid-stream");
    expect(types(events).at(-2)).toBe("response.output_text.delta");
    expect(events.at(-1)).toMatchObject({
      type: "response.failed",
      response: {
        status: "failed",
        error: { code: "server_error", message: "Overloaded" },
        output: [{ type: "message", status: "incomplete", content: [{ type: "output_text", text: "Once upon a" }] }],
      },
    });
  });

  it("opens with response.created even when the first event is an error, and fails", async () => {
    const events = await streamEvents([{ type: "error", error: { type: "rate_limit_error", message: "Slow down" } }]);
    expect(types(events)).toEqual(["response.created", "response.in_progress", "response.failed"]);
    expect(events[2]).toMatchObject({
      response: { id: expect.stringMatching(/^resp_/), error: { code: "rate_limit_exceeded", message: "Slow down" } },
    });
  });

  it("fails (never closes silently) when the canonical stream ends without finish or error", async () => {
    const events = await streamEvents([
      {
        type: "message-start",
        messageId: "msg_cut",
        model: "m",
        usage: { inputTokens: 1, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
      },
      { type: "text-start", index: 0 },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "response.failed", response: { error: { code: "server_error" } } });
  });

  it("ignores pings: same events as the text stream without them", async () => {
    expect(types(await streamFixture("anthropic-pings"))).toEqual(types(await streamFixture("anthropic-text")));
  });

  it.each(responsesFixtureNames)(
    "%s: numbered from 0, one terminal event last, readable by the SDK's accumulator",
    async (name) => {
      const events = await streamFixture(name);
      expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, position) => position));
      expect(events[0]!.type).toBe("response.created");
      expect(events.filter((event) => terminalTypes.has(event.type))).toEqual([events.at(-1)]);
      // The snapshot the deltas build matches the terminal response's output.
      let snapshot: ReturnType<typeof accumulateResponse> | undefined;
      for (const event of events.slice(0, -1))
        snapshot = accumulateResponse(event as unknown as SdkResponseStreamEvent, snapshot);
      const terminal = terminalResponse(events);
      if (terminal.status !== "failed") expect(snapshot!.output).toEqual(terminal.output);
    },
  );

  it.each(responsesFixtureNames.filter((name) => name !== "anthropic-error-mid-stream"))(
    "%s: the final streamed response equals the non-stream encoding of the same message",
    async (name) => {
      const accumulated = accumulateAnthropicMessage(readAnthropicFixture(name));
      if ("error" in accumulated) throw new Error(`${name} ends in an error`);
      const nonStream = encodeResponse(
        assembleMessage(decodeAnthropicMessage(accumulated.message)),
        fixtureEncodingOptions,
      );
      const streamed = terminalResponse(await streamFixture(name));
      expect(streamed).toEqual(nonStream);
    },
  );
});
