import { describe, expect, it } from "vitest";
import { applyChatDelta, type ChatDelta } from "./apply-chat-delta";
import type { MessagePart } from "./conversation-document";

const fold = (deltas: ChatDelta[]) => deltas.reduce<MessagePart[]>((parts, delta) => applyChatDelta(parts, delta), []);

describe("applyChatDelta", () => {
  it.each<[string, ChatDelta[], MessagePart[]]>([
    ["text deltas join into one text part", [{ content: "Hel" }, { content: "lo" }], [{ type: "text", text: "Hello" }]],
    [
      "reasoning then its signature, then the answer",
      [{ reasoning: "Think" }, { reasoning: "ing." }, { reasoning_signature: "sig1" }, { content: "Answer" }],
      [
        { type: "reasoning", text: "Thinking.", signature: "sig1" },
        { type: "text", text: "Answer" },
      ],
    ],
    [
      "a signature-only block has no text",
      [{ reasoning_signature: "sig" }],
      [{ type: "reasoning", text: "", signature: "sig" }],
    ],
    [
      "reasoning after a signed block starts a new block",
      [{ reasoning: "one" }, { reasoning_signature: "s1" }, { reasoning: "two" }],
      [
        { type: "reasoning", text: "one", signature: "s1" },
        { type: "reasoning", text: "two", signature: null },
      ],
    ],
    [
      "redacted reasoning is its own block",
      [{ redacted_reasoning: "opaque" }, { reasoning: "visible" }, { reasoning_signature: "s" }],
      [
        { type: "redacted_reasoning", data: "opaque" },
        { type: "reasoning", text: "visible", signature: "s" },
      ],
    ],
    [
      "tool call arguments split across chunks",
      [
        { content: "Checking." },
        { tool_calls: [{ index: 0, id: "call_1", function: { name: "get_weather", arguments: "" } }] },
        { tool_calls: [{ index: 0, function: { arguments: '{"locat' } }] },
        { tool_calls: [{ index: 0, function: { arguments: 'ion": "Tokyo"}' } }] },
        { tool_calls: [{ index: 1, id: "call_2", function: { name: "get_time", arguments: "{}" } }] },
      ],
      [
        { type: "text", text: "Checking." },
        { type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"location": "Tokyo"}' },
        { type: "tool_call", id: "call_2", name: "get_time", arguments: "{}" },
      ],
    ],
    ["empty and null fields change nothing", [{ content: "" }, { content: null, reasoning: null }], []],
  ])("%s", (_name, deltas, expected) => {
    expect(fold(deltas)).toEqual(expected);
  });

  it("returns the same array when nothing changed, and never mutates its input", () => {
    const parts: MessagePart[] = [{ type: "text", text: "a" }];
    expect(applyChatDelta(parts, { content: "" })).toBe(parts);
    const next = applyChatDelta(parts, { content: "b" });
    expect(parts).toEqual([{ type: "text", text: "a" }]);
    expect(next).toEqual([{ type: "text", text: "ab" }]);
  });
});
