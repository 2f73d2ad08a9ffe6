import { describe, expect, it } from "vitest";
import { MAX_TOKEN_COUNT } from "../token-count";
import { anthropicUsageSchema } from "./anthropic-api";
import { decodeAnthropicMessage } from "./decode-anthropic-message";
import { mapAnthropicUsage } from "./map-anthropic-usage";

const message = (usage: unknown) => ({
  id: "msg_1",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-6",
  content: [{ type: "text", text: "hi" }],
  stop_reason: "end_turn",
  usage,
});

describe("provider usage is validated leniently", () => {
  it.each([
    ["an absurd output count is clamped", { input_tokens: 10, output_tokens: 1e308 }, 10, MAX_TOKEN_COUNT],
    ["a negative count is treated as absent", { input_tokens: -5, output_tokens: 7 }, 0, 7],
    ["a fractional count is rounded", { input_tokens: 1.5, output_tokens: 2.4 }, 2, 2],
    ["a count that is not a number is treated as absent", { input_tokens: "12", output_tokens: null }, 0, 0],
  ])("%s", (_name, usage, inputTokens, outputTokens) => {
    const parsed = anthropicUsageSchema.parse(usage);
    expect(mapAnthropicUsage(parsed)).toMatchObject({ inputTokens, outputTokens });
  });

  it("a later event's bad count keeps the earlier value", () => {
    const first = mapAnthropicUsage(anthropicUsageSchema.parse({ input_tokens: 3, output_tokens: 1 }));
    expect(mapAnthropicUsage(anthropicUsageSchema.parse({ output_tokens: -1 }), first)).toMatchObject({
      inputTokens: 3,
      outputTokens: 1,
    });
  });

  it("a malformed cache_creation split is dropped, not a reason to reject the message", () => {
    const events = decodeAnthropicMessage(message({ input_tokens: 4, output_tokens: 2, cache_creation: "5m" }));
    expect(events[0]).toMatchObject({ type: "message-start", usage: { inputTokens: 4, outputTokens: 2 } });
    expect(events[0]).not.toHaveProperty("usage.cacheCreation");
  });

  it("a message with absurd usage still decodes, its usage clamped", () => {
    const events = decodeAnthropicMessage(message({ input_tokens: 1, output_tokens: 1e308 }));
    expect(events.at(-1)).toMatchObject({ type: "finish", usage: { outputTokens: MAX_TOKEN_COUNT } });
  });
});
