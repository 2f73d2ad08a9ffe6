import { describe, expect, it } from "vitest";
import { accumulateAnthropicMessage } from "@/tests/fake-upstream/accumulate-anthropic-message";
import { fixtureSseStream, readAnthropicFixture } from "@/tests/fake-upstream/anthropic-fixtures";
import { assembleMessage, assembleMessageFromStream } from "../../assemble-message";
import type { CanonicalStopReason } from "../../canonical";
import { GatewayError } from "../../gateway-error";
import { decodeAnthropicMessage } from "../../anthropic/decode-anthropic-message";
import { decodeAnthropicStream } from "../../anthropic/decode-anthropic-stream";
import { encodeChatCompletion } from "./encode-chat-completion";
import { mapChatFinishReason } from "./map-chat-usage";

const options = { model: "anthropic/claude-sonnet-4-6", created: 1_760_000_000 };

/** The non-streaming Anthropic response a fixture adds up to, through the real decoder. */
function completionFor(name: string) {
  const accumulated = accumulateAnthropicMessage(readAnthropicFixture(name));
  if (!("message" in accumulated)) throw new Error(`${name} ends in an error`);
  return encodeChatCompletion(assembleMessage(decodeAnthropicMessage(accumulated.message)), options);
}

describe("encodeChatCompletion", () => {
  it("renders a text message", () => {
    expect(completionFor("anthropic-text")).toEqual({
      id: "chatcmpl-01TextFixture",
      object: "chat.completion",
      created: 1_760_000_000,
      model: "anthropic/claude-sonnet-4-6",
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "Quantum computers use qubits, which can hold 0 and 1 at once.",
            refusal: null,
          },
          finish_reason: "stop",
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: 14,
        completion_tokens: 18,
        total_tokens: 32,
        prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      },
    });
  });

  it("exposes thinking as reasoning, reasoning_signature and reasoning_details", () => {
    expect(completionFor("anthropic-thinking").choices[0].message).toEqual({
      role: "assistant",
      content: "Use sharded token buckets.",
      refusal: null,
      reasoning: "A token bucket per client, sharded by client id across Redis nodes.",
      reasoning_signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
      reasoning_details: [
        {
          type: "reasoning",
          reasoning: "A token bucket per client, sharded by client id across Redis nodes.",
          signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
        },
      ],
    });
  });

  it("exposes redacted thinking as redacted_reasoning, keeping block order in reasoning_details", () => {
    const message = completionFor("anthropic-redacted-thinking").choices[0].message;
    const redactedData =
      "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==";
    expect(message.redacted_reasoning).toBe(redactedData);
    expect(message.reasoning_details).toEqual([
      { type: "redacted_reasoning", data: redactedData },
      {
        type: "reasoning",
        reasoning: "The visible part of the reasoning.",
        signature: "EqQBCkYIBRgCIkBsig2Redacted==",
      },
    ]);
  });

  it("renders tool calls with JSON string arguments and finish_reason tool_calls", () => {
    const completion = completionFor("anthropic-tool-use");
    expect(completion.choices[0].finish_reason).toBe("tool_calls");
    expect(completion.choices[0].message.tool_calls).toEqual([
      {
        id: "toolu_01WeatherFixture",
        type: "function",
        function: { name: "get_weather", arguments: '{"location":"Tokyo","unit":"celsius"}' },
      },
    ]);
  });

  it('renders empty tool arguments as "{}" and content null', () => {
    const message = completionFor("anthropic-tool-use-empty-arguments").choices[0].message;
    expect(message.content).toBeNull();
    expect(message.tool_calls?.map((toolCall) => toolCall.function.arguments)).toEqual(["{}", "{}"]);
  });

  it("reports cache reads and writes, with the per-TTL split", () => {
    expect(completionFor("anthropic-cache-usage").usage).toEqual({
      prompt_tokens: 7060,
      completion_tokens: 9,
      total_tokens: 7069,
      prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 5000 },
      cache_read_input_tokens: 2048,
      cache_creation_input_tokens: 5000,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 4000 },
    });
  });

  it("gives the same completion from a stream as from the non-streaming response", async () => {
    for (const name of [
      "anthropic-thinking",
      "anthropic-redacted-thinking",
      "anthropic-cache-usage",
      "anthropic-pings",
    ]) {
      const fromStream = encodeChatCompletion(
        await assembleMessageFromStream(decodeAnthropicStream(fixtureSseStream(name))),
        options,
      );
      expect(fromStream).toEqual(completionFor(name));
    }
  });

  it("throws the mapped gateway error when the stream ended in an error", async () => {
    const message = await assembleMessageFromStream(
      decodeAnthropicStream(fixtureSseStream("anthropic-error-mid-stream")),
    );
    expect(() => encodeChatCompletion(message, options)).toThrow(GatewayError);
    expect(() => encodeChatCompletion(message, options)).toThrow(
      expect.objectContaining({ status: 503, retryable: true }),
    );
  });
});

describe("mapChatFinishReason", () => {
  it.each<[CanonicalStopReason | null, string]>([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["pause_turn", "stop"],
    ["max_tokens", "length"],
    ["model_context_window_exceeded", "length"],
    ["tool_use", "tool_calls"],
    ["refusal", "content_filter"],
    ["unknown", "stop"],
    [null, "stop"],
  ])("%s → %s", (stopReason, finishReason) => {
    expect(mapChatFinishReason(stopReason)).toBe(finishReason);
  });
});
