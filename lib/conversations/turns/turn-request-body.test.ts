import { describe, expect, it } from "vitest";
import { defaultPlaygroundSettings, type StoredMessage } from "@/lib/conversations/document/conversation-document";
import { turnRequestBody } from "./turn-request-body";

const message = (
  position: number,
  role: StoredMessage["role"],
  parts: StoredMessage["parts"],
  extra: Partial<StoredMessage> = {},
): StoredMessage => ({
  id: `m${position}`,
  position,
  role,
  parts,
  cache: null,
  status: "complete",
  request: null,
  metrics: null,
  error: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

const frozen = {
  model: "anthropic/claude-opus-4-6",
  settings: {
    ...defaultPlaygroundSettings,
    systemPrompt: "Be terse.",
    systemCache: { ttl: "1h" as const },
    thinking: { mode: "manual" as const, budgetTokens: 4000 },
  },
  cacheBreakpoints: [],
};
const messages = [
  message(0, "user", [
    { type: "attachment", attachmentId: "a1", cache: { ttl: "1h" } },
    { type: "text", text: "What is this?" },
  ]),
  message(
    1,
    "assistant",
    [
      { type: "reasoning", text: "A dot.", signature: "sig" },
      { type: "text", text: "An amber dot." },
    ],
    { request: frozen },
  ),
  message(2, "user", [{ type: "text", text: "Sure?" }]),
];
const attachments = new Map([
  [
    "a1",
    {
      id: "a1",
      kind: "image" as const,
      mediaType: "image/png",
      fileName: "dot.png",
      byteSize: 3,
      pageCount: null,
      sourceUrl: null,
      base64: "AAAA",
    },
  ],
]);

describe("turnRequestBody", () => {
  it("rebuilds a past turn with its frozen model and settings and only the messages before it", () => {
    const body = turnRequestBody({
      model: "anthropic/claude-haiku-4-5",
      settings: defaultPlaygroundSettings,
      messages,
      attachments,
      position: 1,
    });
    expect(body.model).toBe("anthropic/claude-opus-4-6");
    expect(body.thinking).toEqual({ type: "enabled", budget_tokens: 4000 });
    expect(body.messages).toEqual([
      {
        role: "system",
        content: [{ type: "text", text: "Be terse.", cache_control: { type: "ephemeral", ttl: "1h" } }],
      },
      {
        role: "user",
        content: [
          {
            type: "image_url",
            image_url: { url: "data:image/png;base64,AAAA" },
            cache_control: { type: "ephemeral", ttl: "1h" },
          },
          { type: "text", text: "What is this?" },
        ],
      },
    ]);
  });

  it("builds the next request from the current settings, sending the signed reasoning back", () => {
    const body = turnRequestBody({
      model: "anthropic/claude-haiku-4-5",
      settings: defaultPlaygroundSettings,
      messages,
      attachments,
    });
    expect(body.model).toBe("anthropic/claude-haiku-4-5");
    expect(body.thinking).toBeUndefined();
    expect(body.messages.map((entry) => entry.role)).toEqual(["user", "assistant", "user"]);
    expect(body.messages[1]).toMatchObject({
      content: [
        { type: "reasoning", reasoning: "A dot.", signature: "sig" },
        { type: "text", text: "An amber dot." },
      ],
    });
  });

  it("refuses a position that is not an assistant turn", () => {
    expect(() =>
      turnRequestBody({ model: "m", settings: defaultPlaygroundSettings, messages, attachments, position: 2 }),
    ).toThrow(/not an assistant turn/);
  });
});
