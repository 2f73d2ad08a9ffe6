import { describe, expect, it } from "vitest";
import { accumulateAnthropicMessage } from "@/tests/fake-upstream/accumulate-anthropic-message";
import { readAnthropicFixture } from "@/tests/fake-upstream/anthropic-fixtures";
import { assembleMessage } from "../../assemble-message";
import { GatewayError } from "../../gateway-error";
import { decodeAnthropicMessage } from "../../anthropic/decode-anthropic-message";
import { encodeResponse } from "./encode-response";
import { fixtureEncodingOptions } from "./responses-test-fixtures";

/** A recorded stream as the non-streaming Message it adds up to, through the real decoder and encoder. */
function encodeFixture(name: string) {
  const accumulated = accumulateAnthropicMessage(readAnthropicFixture(name));
  if ("error" in accumulated) throw new Error(`${name} ends in an error`);
  return encodeResponse(assembleMessage(decodeAnthropicMessage(accumulated.message)), fixtureEncodingOptions);
}

describe("encodeResponse", () => {
  it("renders a text answer as one message item with an output_text part, plus usage and the echoed settings", () => {
    expect(encodeFixture("anthropic-text")).toEqual({
      id: "resp_01TextFixture",
      object: "response",
      created_at: 1_760_000_000,
      status: "completed",
      error: null,
      incomplete_details: null,
      model: "anthropic/claude-sonnet-4-6",
      output: [
        {
          id: "msg_01TextFixture_0",
          type: "message",
          status: "completed",
          role: "assistant",
          content: [
            {
              type: "output_text",
              text: "Quantum computers use qubits, which can hold 0 and 1 at once.",
              annotations: [],
              logprobs: [],
            },
          ],
        },
      ],
      usage: {
        input_tokens: 14,
        input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
        output_tokens: 18,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 32,
      },
      ...fixtureEncodingOptions.settings,
      previous_response_id: null,
      background: false,
      store: false,
      truncation: "disabled",
    });
  });

  it("renders thinking as a reasoning item: the text as summary, the signature as encrypted_content", () => {
    expect(encodeFixture("anthropic-thinking").output).toEqual([
      {
        id: "rs_01ThinkingFixture_0",
        type: "reasoning",
        summary: [
          { type: "summary_text", text: "A token bucket per client, sharded by client id across Redis nodes." },
        ],
        encrypted_content: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
      },
      expect.objectContaining({
        type: "message",
        content: [expect.objectContaining({ text: "Use sharded token buckets." })],
      }),
    ]);
  });

  it("renders a signature-only thinking block (display omitted) with an empty summary", () => {
    expect(encodeFixture("anthropic-thinking-signature-only").output[0]).toEqual({
      id: "rs_01SignatureOnlyFixture_0",
      type: "reasoning",
      summary: [],
      encrypted_content: "EqQBCkYIBRgCIkBsig3OmittedThinking==",
    });
  });

  it("renders redacted thinking as a reasoning item whose encrypted_content is redacted_thinking:<data>", () => {
    expect(encodeFixture("anthropic-redacted-thinking").output.slice(0, 2)).toEqual([
      {
        id: "rs_01RedactedFixture_0",
        type: "reasoning",
        summary: [],
        encrypted_content:
          "redacted_thinking:EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==",
      },
      {
        id: "rs_01RedactedFixture_1",
        type: "reasoning",
        summary: [{ type: "summary_text", text: "The visible part of the reasoning." }],
        encrypted_content: "EqQBCkYIBRgCIkBsig2Redacted==",
      },
    ]);
  });

  it("renders tool use as function_call items with call_id and JSON string arguments, in block order", () => {
    expect(encodeFixture("anthropic-thinking-tool-use").output.map((item) => item.type)).toEqual([
      "reasoning",
      "message",
      "function_call",
    ]);
    expect(encodeFixture("anthropic-tool-use").output[1]).toEqual({
      id: "fc_01ToolUseFixture_1",
      type: "function_call",
      status: "completed",
      call_id: "toolu_01WeatherFixture",
      name: "get_weather",
      // A non-streamed message carries the input as an object: re-serialized compactly.
      arguments: '{"location":"Tokyo","unit":"celsius"}',
    });
  });

  it('renders tools without arguments with arguments "{}"', () => {
    expect(
      encodeFixture("anthropic-tool-use-empty-arguments").output.map((item) =>
        item.type === "function_call" ? item.arguments : null,
      ),
    ).toEqual(["{}", "{}"]);
  });

  it("counts cache reads and writes in input_tokens, with cached_tokens = cache reads", () => {
    expect(encodeFixture("anthropic-cache-usage").usage).toEqual({
      input_tokens: 7060,
      input_tokens_details: { cached_tokens: 2048, cache_write_tokens: 5000 },
      output_tokens: 9,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 7069,
    });
  });

  it('marks a max_tokens stop as incomplete with reason "max_output_tokens"', () => {
    expect(encodeFixture("anthropic-max-tokens")).toMatchObject({
      status: "incomplete",
      incomplete_details: { reason: "max_output_tokens" },
      output: [
        expect.objectContaining({ content: [expect.objectContaining({ text: "Once upon a time, in a land far" })] }),
      ],
    });
  });

  it("throws the mapped GatewayError for a message that ended in an error", () => {
    const message = assembleMessage([
      {
        type: "message-start",
        messageId: "msg_1",
        model: "claude-sonnet-4-6",
        usage: { inputTokens: 1, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
      },
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    ]);
    expect(() => encodeResponse(message, fixtureEncodingOptions)).toThrow(GatewayError);
    expect(() => encodeResponse(message, fixtureEncodingOptions)).toThrow(
      expect.objectContaining({ status: 503, code: "provider_overloaded" }),
    );
  });
});
