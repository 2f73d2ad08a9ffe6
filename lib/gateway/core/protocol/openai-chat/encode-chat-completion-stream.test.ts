import { describe, expect, it } from "vitest";
import { anthropicFixtureNames, fixtureSseStream, readAll } from "@/tests/fake-upstream/anthropic-fixtures";
import { decodeAnthropicStream } from "../../anthropic/decode-anthropic-stream";
import { encodeChatCompletionStream } from "./encode-chat-completion-stream";

const created = 1_760_000_000;

/** Replays a recorded Anthropic stream through the real decoder and encoder. */
async function encodeFixture(name: string, includeUsage = false): Promise<string> {
  const bytes = await readAll(
    encodeChatCompletionStream(decodeAnthropicStream(fixtureSseStream(name)), {
      model: "anthropic/claude-sonnet-4-6",
      created,
      includeUsage,
    }),
  );
  return new TextDecoder().decode(Buffer.concat(bytes));
}

/** SSE `data:` payloads, `[DONE]` kept as a string. */
function dataPayloads(sse: string): unknown[] {
  return sse
    .split("\n\n")
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith("data: ")).toBe(true);
      const data = event.slice("data: ".length);
      return data === "[DONE]" ? data : JSON.parse(data);
    });
}

type Chunk = { choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }>; usage?: unknown };

function deltas(payloads: unknown[]): Array<Record<string, unknown>> {
  return payloads
    .filter((payload): payload is Chunk => typeof payload === "object")
    .flatMap((chunk) =>
      chunk.choices.map((choice) => ({
        ...choice.delta,
        ...(choice.finish_reason ? { finish_reason: choice.finish_reason } : {}),
      })),
    );
}

describe("encodeChatCompletionStream", () => {
  it("renders a text stream as chat.completion.chunk events ending in [DONE]", async () => {
    expect(await encodeFixture("anthropic-text")).toMatchInlineSnapshot(`
      "data: {"id":"chatcmpl-01TextFixture","object":"chat.completion.chunk","created":1760000000,"model":"anthropic/claude-sonnet-4-6","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null,"logprobs":null}]}

      data: {"id":"chatcmpl-01TextFixture","object":"chat.completion.chunk","created":1760000000,"model":"anthropic/claude-sonnet-4-6","choices":[{"index":0,"delta":{"content":"Quantum computers use qubits"},"finish_reason":null,"logprobs":null}]}

      data: {"id":"chatcmpl-01TextFixture","object":"chat.completion.chunk","created":1760000000,"model":"anthropic/claude-sonnet-4-6","choices":[{"index":0,"delta":{"content":", which can hold 0 and 1 at once."},"finish_reason":null,"logprobs":null}]}

      data: {"id":"chatcmpl-01TextFixture","object":"chat.completion.chunk","created":1760000000,"model":"anthropic/claude-sonnet-4-6","choices":[{"index":0,"delta":{},"finish_reason":"stop","logprobs":null}],"usage":{"prompt_tokens":14,"completion_tokens":18,"total_tokens":32,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"cache_read_input_tokens":0,"cache_creation_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0}}}

      data: [DONE]

      "
    `);
  });

  it("streams thinking as delta.reasoning then delta.reasoning_signature", async () => {
    expect(deltas(dataPayloads(await encodeFixture("anthropic-thinking")))).toEqual([
      { role: "assistant", content: "" },
      { reasoning: "A token bucket per client," },
      { reasoning: " sharded by client id across Redis nodes." },
      { reasoning_signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==" },
      { content: "Use sharded token buckets." },
      { finish_reason: "stop" },
    ]);
  });

  it("streams redacted thinking as delta.redacted_reasoning", async () => {
    const streamed = deltas(dataPayloads(await encodeFixture("anthropic-redacted-thinking")));
    expect(streamed[1]).toEqual({
      redacted_reasoning:
        "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==",
    });
  });

  it("streams a signature-only thinking block as one reasoning_signature delta", async () => {
    expect(deltas(dataPayloads(await encodeFixture("anthropic-thinking-signature-only")))).toEqual([
      { role: "assistant", content: "" },
      { reasoning_signature: "EqQBCkYIBRgCIkBsig3OmittedThinking==" },
      { content: "42." },
      { finish_reason: "stop" },
    ]);
  });

  it("streams tool calls with index, id, name and argument fragments", async () => {
    expect(deltas(dataPayloads(await encodeFixture("anthropic-tool-use")))).toEqual([
      { role: "assistant", content: "" },
      { content: "Let me check the weather." },
      {
        tool_calls: [
          {
            index: 0,
            id: "toolu_01WeatherFixture",
            type: "function",
            function: { name: "get_weather", arguments: "" },
          },
        ],
      },
      { tool_calls: [{ index: 0, function: { arguments: '{"locat' } }] },
      { tool_calls: [{ index: 0, function: { arguments: 'ion": "Tok' } }] },
      { tool_calls: [{ index: 0, function: { arguments: 'yo", "unit": "celsius"}' } }] },
      { finish_reason: "tool_calls" },
    ]);
  });

  it('numbers tool calls from 0 and sends "{}" for empty arguments', async () => {
    const toolDeltas = deltas(dataPayloads(await encodeFixture("anthropic-tool-use-empty-arguments"))).flatMap(
      (delta) => (delta.tool_calls as unknown[] | undefined) ?? [],
    );
    expect(toolDeltas).toEqual([
      { index: 0, id: "toolu_01ClockFixture", type: "function", function: { name: "get_current_time", arguments: "" } },
      { index: 0, function: { arguments: "{}" } },
      { index: 1, id: "toolu_01DateFixture", type: "function", function: { name: "get_current_date", arguments: "" } },
      { index: 1, function: { arguments: "{}" } },
    ]);
  });

  it("puts usage on the final chunk and adds a usage chunk when include_usage is set", async () => {
    const payloads = dataPayloads(await encodeFixture("anthropic-cache-usage", true));
    const usage = {
      prompt_tokens: 7060,
      completion_tokens: 9,
      total_tokens: 7069,
      prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 5000 },
      cache_read_input_tokens: 2048,
      cache_creation_input_tokens: 5000,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 4000 },
    };
    expect(payloads.slice(-3)).toEqual([
      expect.objectContaining({ choices: [expect.objectContaining({ finish_reason: "stop" })], usage }),
      expect.objectContaining({ choices: [], usage }),
      "[DONE]",
    ]);
    expect((payloads[0] as Chunk).usage).toBeNull();
  });

  it("ends a stream that failed mid-way with an OpenAI-style error event and no [DONE]", async () => {
    const payloads = dataPayloads(await encodeFixture("anthropic-error-mid-stream"));
    expect(payloads.at(-1)).toEqual({
      error: { message: "Overloaded", type: "upstream_error", param: null, code: "provider_overloaded" },
    });
    expect(payloads).not.toContain("[DONE]");
  });

  it("ignores pings: same output as the stream without them", async () => {
    expect(deltas(dataPayloads(await encodeFixture("anthropic-pings")))).toEqual([
      { role: "assistant", content: "" },
      { content: "Hello" },
      { content: " there." },
      { finish_reason: "stop" },
    ]);
  });

  it.each(anthropicFixtureNames)("%s: every chunk is well-formed and the stream ends once", async (name) => {
    const payloads = dataPayloads(await encodeFixture(name, true));
    const terminal = payloads.filter(
      (payload) => payload === "[DONE]" || (typeof payload === "object" && payload && "error" in payload),
    );
    expect(terminal).toHaveLength(1);
    expect(payloads.at(-1)).toBe(terminal[0]);
  });
});
