import { describe, expect, it } from "vitest";
import { compareAnswerSchema, compareBaseOf, isSameBase, promoteRequestBodySchema } from "./compare-api";
import { defaultPlaygroundSettings, type TurnMetrics } from "@/lib/conversations/document/conversation-document";

const metrics: TurnMetrics = {
  usage: { inputTokens: 14, outputTokens: 18, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 },
  costUsd: 0.000312,
  cacheSavingsUsd: 0,
  startedAt: "2026-01-01T00:00:00.000Z",
  timeToFirstTokenMs: 120,
  latencyMs: 480,
  finishReason: "stop",
  servedModel: "claude-haiku-4-5",
};
const answer = { parts: [{ type: "text", text: "Hello" }], status: "complete", error: null, metrics };
const promotion = {
  base: { position: 2, lastMessageId: "m1" },
  model: "anthropic/claude-haiku-4-5",
  settings: defaultPlaygroundSettings,
  message: { parts: [{ type: "text", text: "Hi" }], cache: { ttl: "5m" } },
  answer,
};

describe("compare bases", () => {
  const saved = [{ id: "m0" }, { id: "m1" }];
  it.each([
    { name: "the same conversation", messages: saved, same: true },
    { name: "a turn added since", messages: [...saved, { id: "m2" }], same: false },
    { name: "the last turn regenerated (a new row)", messages: [{ id: "m0" }, { id: "m9" }], same: false },
    { name: "turns removed by an edit", messages: [{ id: "m0" }], same: false },
  ])("$name: $same", ({ messages, same }) => {
    expect(isSameBase(messages, compareBaseOf(saved))).toBe(same);
  });

  it("an empty conversation has no last message", () => {
    expect(compareBaseOf([])).toEqual({ position: 0, lastMessageId: null });
  });
});

describe("promoteRequestBodySchema", () => {
  it("accepts a column's turn and defaults the cache mark changes", () => {
    expect(promoteRequestBodySchema.parse(promotion)).toEqual({ ...promotion, marks: [] });
  });

  it.each([
    {
      name: "a user part in the answer",
      change: { answer: { ...answer, parts: [{ type: "attachment", attachmentId: "a1" }] } },
      path: ["answer", "parts", 0],
    },
    {
      name: "a tool result in the answer",
      change: { answer: { ...answer, parts: [{ type: "tool_result", toolCallId: "t", content: "x" }] } },
      path: ["answer", "parts", 0],
    },
    {
      name: "an answer still streaming",
      change: { answer: { ...answer, status: "streaming" } },
      path: ["answer", "status"],
    },
    {
      name: "an empty message",
      change: { message: { parts: [{ type: "text", text: " " }], cache: null } },
      path: ["message", "parts"],
    },
    { name: "an unknown field", change: { saved: true }, path: [] },
  ])("refuses $name", ({ change, path }) => {
    const result = promoteRequestBodySchema.safeParse({ ...promotion, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(path);
  });

  it("an answer holds what a model says: text, reasoning, redacted reasoning, tool calls", () => {
    const parts = [
      { type: "reasoning", text: "Hm", signature: "sig" },
      { type: "redacted_reasoning", data: "abc" },
      { type: "text", text: "Use a tool" },
      { type: "tool_call", id: "call_1", name: "get_weather", arguments: "{}" },
    ];
    expect(compareAnswerSchema.parse({ ...answer, parts }).parts).toEqual(parts);
  });
});
