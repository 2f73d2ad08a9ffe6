import { describe, expect, it } from "vitest";
import { applyConversationChange, isStreaming, unsavedConversation } from "./apply-conversation-change";
import { defaultPlaygroundSettings, type StoredMessage } from "./conversation-document";

const at = "2026-12-03T10:00:00.000Z";
const message = (
  overrides: Partial<StoredMessage> & Pick<StoredMessage, "id" | "position" | "role">,
): StoredMessage => ({
  parts: [],
  cache: null,
  status: "complete",
  request: null,
  metrics: null,
  error: null,
  createdAt: at,
  updatedAt: at,
  ...overrides,
});
const question = message({ id: "m1", position: 0, role: "user", parts: [{ type: "text", text: "Hi" }] });
const streamingAnswer = message({ id: "m2", position: 1, role: "assistant", status: "streaming" });
const empty = {
  ...unsavedConversation({ model: "anthropic/claude-sonnet-4-6", settings: defaultPlaygroundSettings }),
  id: "c1",
};
const started = applyConversationChange(empty, { type: "turn_started", messages: [question, streamingAnswer] });
const hello = [{ type: "text" as const, text: "Hello" }];

describe("applyConversationChange: a turn streaming into the cached conversation", () => {
  it("starts with the messages as the server saved them", () => {
    expect(started.messages).toEqual([question, streamingAnswer]);
    expect(isStreaming(started)).toBe(true);
  });

  it("grows the streaming answer and leaves the earlier turns as they were (same objects)", () => {
    const grown = applyConversationChange(started, { type: "answer_grew", parts: hello });
    expect(grown.messages.at(-1)?.parts).toEqual(hello);
    expect(grown.messages[0]).toBe(question);
    expect(started.messages.at(-1)?.parts).toEqual([]);
  });

  it("replaces the answer with the one the server finished", () => {
    const finished = {
      ...streamingAnswer,
      parts: hello,
      status: "complete" as const,
      updatedAt: "2026-12-03T10:00:05.000Z",
    };
    const ended = applyConversationChange(started, { type: "turn_ended", message: finished });
    expect(ended.messages.at(-1)).toBe(finished);
    expect(isStreaming(ended)).toBe(false);
  });

  it("keeps what arrived when the user stops, marked interrupted", () => {
    const stopped = applyConversationChange(started, { type: "turn_stopped", parts: hello });
    expect(stopped.messages.at(-1)).toMatchObject({ id: "m2", status: "interrupted", parts: hello });
    expect(isStreaming(stopped, "m2")).toBe(false);
  });

  it.each([
    ["a late delta", { type: "answer_grew" as const, parts: hello }],
    ["a second stop", { type: "turn_stopped" as const, parts: [] }],
  ])("never rewrites a settled turn: %s is ignored", (_name, change) => {
    const stopped = applyConversationChange(started, { type: "turn_stopped", parts: hello });
    expect(applyConversationChange(stopped, change)).toBe(stopped);
  });

  it("renames (an empty title follows the first message again)", () => {
    expect(applyConversationChange(started, { type: "renamed", title: "Greeting" })).toMatchObject({
      title: "Greeting",
      titleEdited: true,
    });
    expect(applyConversationChange(started, { type: "renamed", title: "" }).titleEdited).toBe(false);
  });
});
