import { describe, expect, it } from "vitest";
import { accumulateAnthropicMessage } from "@/tests/fake-upstream/accumulate-anthropic-message";
import {
  anthropicFixtureNames,
  fixtureSseStream,
  readAll,
  readAnthropicFixture,
  toAnthropicSse,
  type AnthropicEvent,
} from "@/tests/fake-upstream/anthropic-fixtures";
import { assembleMessage } from "../assemble-message";
import type { CanonicalEvent } from "../canonical";
import { decodeAnthropicMessage } from "./decode-anthropic-message";
import { decodeAnthropicStream } from "./decode-anthropic-stream";
import {
  anthropicInputJsonDeltaSchema,
  anthropicSignatureDeltaSchema,
  anthropicTextDeltaSchema,
  anthropicThinkingDeltaSchema,
} from "./anthropic-api";

function decodeFixture(name: string, chunkSize?: number): Promise<CanonicalEvent[]> {
  return readAll(decodeAnthropicStream(fixtureSseStream(name, chunkSize)));
}

function decodeEvents(events: AnthropicEvent[] | string): Promise<CanonicalEvent[]> {
  const text = typeof events === "string" ? events : toAnthropicSse(events);
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return readAll(decodeAnthropicStream(body));
}

describe("decodeAnthropicStream", () => {
  it("decodes a text stream into canonical events", async () => {
    expect(await decodeFixture("anthropic-text")).toMatchInlineSnapshot(`
      [
        {
          "messageId": "msg_01TextFixture",
          "model": "claude-sonnet-4-6",
          "type": "message-start",
          "usage": {
            "cacheCreation": {
              "ephemeral1hInputTokens": 0,
              "ephemeral5mInputTokens": 0,
            },
            "cacheCreationInputTokens": 0,
            "cacheReadInputTokens": 0,
            "inputTokens": 14,
            "outputTokens": 1,
          },
        },
        {
          "index": 0,
          "type": "text-start",
        },
        {
          "index": 0,
          "text": "Quantum computers use qubits",
          "type": "text-delta",
        },
        {
          "index": 0,
          "text": ", which can hold 0 and 1 at once.",
          "type": "text-delta",
        },
        {
          "index": 0,
          "type": "block-end",
        },
        {
          "stopReason": "end_turn",
          "stopSequence": null,
          "type": "finish",
          "usage": {
            "cacheCreation": {
              "ephemeral1hInputTokens": 0,
              "ephemeral5mInputTokens": 0,
            },
            "cacheCreationInputTokens": 0,
            "cacheReadInputTokens": 0,
            "inputTokens": 14,
            "outputTokens": 18,
          },
        },
      ]
    `);
  });

  it.each(anthropicFixtureNames)("decodes %s identically whatever the byte chunking", async (name) => {
    const reference = await decodeFixture(name, 1 << 20);
    for (const chunkSize of [1, 3, 17, 64]) {
      expect(await decodeFixture(name, chunkSize)).toEqual(reference);
    }
  });

  it.each(anthropicFixtureNames.filter((name) => name !== "anthropic-error-mid-stream"))(
    "assembles %s into the same message as the non-streaming decoder",
    async (name) => {
      const accumulated = accumulateAnthropicMessage(readAnthropicFixture(name));
      if (!("message" in accumulated)) throw new Error("fixture has no message");
      const fromStream = assembleMessage(await decodeFixture(name));
      const fromMessage = assembleMessage(decodeAnthropicMessage(accumulated.message));
      // Same JSON value; whitespace may differ from the streamed fragments.
      const normalized = (blocks: typeof fromStream.blocks) =>
        blocks.map((block) =>
          block.type === "tool-call" ? { ...block, arguments: JSON.parse(block.arguments) } : block,
        );
      expect(normalized(fromStream.blocks)).toEqual(normalized(fromMessage.blocks));
      expect(fromStream.stopReason).toEqual(fromMessage.stopReason);
      expect(fromStream.usage).toEqual(fromMessage.usage);
    },
  );

  describe("regressions", () => {
    it("joins tool arguments split across input_json_delta chunks", async () => {
      const events = await decodeFixture("anthropic-tool-use");
      const fragments = events.flatMap((event) => (event.type === "tool-call-delta" ? [event.argumentsDelta] : []));
      expect(fragments).toEqual(['{"locat', 'ion": "Tok', 'yo", "unit": "celsius"}']);
      expect(JSON.parse(fragments.join(""))).toEqual({ location: "Tokyo", unit: "celsius" });
    });

    it('gives tools with no arguments "{}" (with or without an empty input_json_delta)', async () => {
      const events = await decodeFixture("anthropic-tool-use-empty-arguments");
      expect(events.filter((event) => event.type.startsWith("tool-call") || event.type === "block-end")).toEqual([
        { type: "tool-call-start", index: 0, toolCallId: "toolu_01ClockFixture", toolName: "get_current_time" },
        { type: "tool-call-delta", index: 0, argumentsDelta: "{}" },
        { type: "block-end", index: 0 },
        { type: "tool-call-start", index: 1, toolCallId: "toolu_01DateFixture", toolName: "get_current_date" },
        { type: "tool-call-delta", index: 1, argumentsDelta: "{}" },
        { type: "block-end", index: 1 },
      ]);
    });

    it("ignores ping events wherever they appear", async () => {
      const withPings = await decodeFixture("anthropic-pings");
      const withoutPings = await decodeEvents(
        readAnthropicFixture("anthropic-pings").filter((event) => event.type !== "ping"),
      );
      expect(withPings).toEqual(withoutPings);
      expect(assembleMessage(withPings).blocks).toEqual([{ type: "text", text: "Hello there." }]);
    });

    it("ends with an error event when Anthropic sends an error mid-stream", async () => {
      const events = await decodeFixture("anthropic-error-mid-stream");
      expect(events.at(-1)).toEqual({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
      expect(events.filter((event) => event.type === "finish")).toEqual([]);
    });

    it("keeps a signature that arrives without any thinking text", async () => {
      const message = assembleMessage(await decodeFixture("anthropic-thinking-signature-only"));
      expect(message.blocks).toEqual([
        { type: "reasoning", text: "", signature: "EqQBCkYIBRgCIkBsig3OmittedThinking==" },
        { type: "text", text: "42." },
      ]);
    });
  });

  it("reports a stream that stops before message_stop as truncated", async () => {
    const events = await decodeEvents(readAnthropicFixture("anthropic-text").slice(0, 4));
    expect(events.at(-1)).toEqual({
      type: "error",
      error: { type: "stream_truncated", message: "The provider's stream ended before the message was complete." },
    });
  });

  it("reports unreadable event data as an error and stops", async () => {
    const start = toAnthropicSse(readAnthropicFixture("anthropic-text").slice(0, 1));
    const events = await decodeEvents(`${start}event: content_block_start\ndata: {not json\n\n${start}`);
    expect(events.map((event) => event.type)).toEqual(["message-start", "error"]);
  });

  it("ignores event and block types it does not know", async () => {
    const [start, ...rest] = readAnthropicFixture("anthropic-text");
    const events = await decodeEvents([
      start!,
      { type: "future_event", payload: 1 },
      {
        type: "content_block_start",
        index: 7,
        content_block: { type: "server_tool_use", id: "srvtoolu_1", name: "web_search", input: {} },
      },
      { type: "content_block_delta", index: 7, delta: { type: "input_json_delta", partial_json: '{"query":"x"}' } },
      { type: "content_block_stop", index: 7 },
      ...rest,
    ]);
    expect(events).toEqual(await decodeFixture("anthropic-text"));
  });

  it("keeps the cache usage split from message_start and totals from message_delta", async () => {
    const finish = (await decodeFixture("anthropic-cache-usage")).at(-1);
    expect(finish).toEqual({
      type: "finish",
      stopReason: "end_turn",
      stopSequence: null,
      usage: {
        inputTokens: 12,
        outputTokens: 9,
        cacheReadInputTokens: 2048,
        cacheCreationInputTokens: 5000,
        cacheCreation: { ephemeral5mInputTokens: 1000, ephemeral1hInputTokens: 4000 },
      },
    });
  });
});

describe("the deltas' hand-written checks", () => {
  const deltaSchemas = {
    text_delta: anthropicTextDeltaSchema,
    thinking_delta: anthropicThinkingDeltaSchema,
    signature_delta: anthropicSignatureDeltaSchema,
    input_json_delta: anthropicInputJsonDeltaSchema,
  } as const;

  it("assume what the recorded streams carry: every delta of a known kind fits its wire schema", () => {
    let checked = 0;
    for (const name of anthropicFixtureNames)
      for (const event of readAnthropicFixture(name)) {
        if (event.type !== "content_block_delta") continue;
        const delta = event.delta as { type: keyof typeof deltaSchemas };
        const schema = deltaSchemas[delta.type];
        if (!schema) continue;
        expect(schema.safeParse(delta).success, `${name}: ${JSON.stringify(delta)}`).toBe(true);
        checked++;
      }
    expect(checked).toBeGreaterThan(20);
  });

  it.each([
    ["a delta without its text", { type: "text_delta" }],
    ["a numeric text", { type: "text_delta", text: 5 }],
    ["a delta of an unknown kind", { type: "future_delta", value: "x" }],
  ])("skip %s without failing the stream", async (_case, delta) => {
    const events = await decodeEvents([
      {
        type: "message_start",
        message: { id: "msg_1", model: "claude", usage: { input_tokens: 1, output_tokens: 0 } },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "ok" } },
      { type: "content_block_stop", index: 0 },
      { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 1 } },
      { type: "message_stop" },
    ]);
    expect(events.filter((event) => event.type === "text-delta")).toEqual([
      { type: "text-delta", index: 0, text: "ok" },
    ]);
    expect(events.at(-1)?.type).toBe("finish");
  });

  it("a content_block_delta without an index or delta is an unreadable event", async () => {
    const events = await decodeEvents([
      {
        type: "message_start",
        message: { id: "msg_1", model: "claude", usage: { input_tokens: 1, output_tokens: 0 } },
      },
      { type: "content_block_delta", delta: "nope" },
    ]);
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "invalid_upstream_event" } });
  });
});
