import { describe, expect, it } from "vitest";
import type { StoredMessage } from "@/lib/conversations/document/conversation-document";
import { applyCacheMarks, planTurn } from "./turn-action";

const message = (
  position: number,
  role: StoredMessage["role"],
  parts: StoredMessage["parts"],
  status: StoredMessage["status"] = "complete",
): StoredMessage => ({
  id: `m${position}`,
  position,
  role,
  parts,
  cache: null,
  status,
  request: null,
  metrics: null,
  error: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

const conversation = [
  message(0, "user", [{ type: "text", text: "Hi" }]),
  message(1, "assistant", [{ type: "text", text: "Hello" }]),
  message(2, "user", [
    { type: "attachment", attachmentId: "a1" },
    { type: "text", text: "And this?" },
  ]),
  message(3, "assistant", [{ type: "text", text: "A cat" }]),
];
const text = (value: string) => [{ type: "text" as const, text: value }];

describe("planTurn", () => {
  it("send appends after everything", () => {
    const plan = planTurn(conversation, { type: "send", parts: text("More"), cache: { ttl: "5m" } });
    expect(plan.keep).toHaveLength(4);
    expect(plan.append).toEqual({ role: "user", parts: text("More"), cache: { ttl: "5m" } });
  });

  it("regenerate keeps what came before the assistant turn", () => {
    expect(planTurn(conversation, { type: "regenerate", position: 1 })).toEqual({
      keep: conversation.slice(0, 1),
      append: null,
    });
    expect(() => planTurn(conversation, { type: "regenerate", position: 2 })).toThrow(/Only an assistant turn/);
  });

  it("edit replaces a user turn and drops what followed", () => {
    const plan = planTurn(conversation, { type: "edit", position: 2, parts: text("Edited"), cache: null });
    expect(plan.keep).toEqual(conversation.slice(0, 2));
    expect(plan.append?.parts).toEqual(text("Edited"));
    expect(() => planTurn(conversation, { type: "edit", position: 1, parts: text("x"), cache: null })).toThrow(
      /Only a user turn/,
    );
  });

  it("tool results must answer every pending tool call, and a send waits for them", () => {
    const waiting = [
      ...conversation,
      message(4, "user", text("Weather?")),
      message(5, "assistant", [
        { type: "tool_call", id: "c1", name: "get_weather", arguments: "{}" },
        { type: "tool_call", id: "c2", name: "get_time", arguments: "{}" },
      ]),
    ];
    expect(() => planTurn(waiting, { type: "send", parts: text("?"), cache: null })).toThrow(
      /waiting for tool results/,
    );
    expect(() =>
      planTurn(waiting, { type: "tool_results", results: [{ toolCallId: "c1", content: "rain" }], cache: null }),
    ).toThrow(/c2 has no result/);
    const plan = planTurn(waiting, {
      type: "tool_results",
      results: [
        { toolCallId: "c1", content: "rain" },
        { toolCallId: "c2", content: "noon", isError: true },
      ],
      cache: null,
    });
    expect(plan.append).toEqual({
      role: "tool",
      parts: [
        { type: "tool_result", toolCallId: "c1", content: "rain" },
        { type: "tool_result", toolCallId: "c2", content: "noon", isError: true },
      ],
      cache: null,
    });
    expect(() =>
      planTurn(conversation, { type: "tool_results", results: [{ toolCallId: "c1", content: "x" }], cache: null }),
    ).toThrow(/no tool calls/);
  });
});

describe("applyCacheMarks", () => {
  it("sets and clears marks on messages and attachments", () => {
    const marked = applyCacheMarks(conversation, [
      { position: 0, partIndex: null, cache: { ttl: "1h" } },
      { position: 2, partIndex: 0, cache: { ttl: "5m" } },
      { position: 2, partIndex: 1, cache: { ttl: "5m" } }, // a text part: ignored
    ]);
    expect(marked[0]!.cache).toEqual({ ttl: "1h" });
    expect(marked[2]!.parts).toEqual([
      { type: "attachment", attachmentId: "a1", cache: { ttl: "5m" } },
      { type: "text", text: "And this?" },
    ]);
    expect(marked[1]).toBe(conversation[1]);
  });
});
