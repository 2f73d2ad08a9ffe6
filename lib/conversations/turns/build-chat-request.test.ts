import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import {
  parseChatCompletionRequest,
  translateChatRequest,
} from "@/lib/gateway/core/protocol/openai-chat/translate-chat-request";
import { buildChatRequest, type SendableAttachment } from "./build-chat-request";
import {
  defaultPlaygroundSettings,
  type PlaygroundSettings,
  type StoredMessage,
} from "@/lib/conversations/document/conversation-document";

const message = (
  position: number,
  fields: Partial<StoredMessage> & Pick<StoredMessage, "role" | "parts">,
): StoredMessage => ({
  id: `m${position}`,
  position,
  cache: null,
  status: "complete",
  request: null,
  metrics: null,
  error: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...fields,
});

const png: SendableAttachment = {
  id: "a1",
  kind: "image",
  mediaType: "image/png",
  fileName: "chart.png",
  byteSize: 3,
  pageCount: null,
  sourceUrl: null,
  base64: "iVBO",
};
const pdf: SendableAttachment = {
  id: "a2",
  kind: "pdf",
  mediaType: "application/pdf",
  fileName: "report.pdf",
  byteSize: 5,
  pageCount: 2,
  sourceUrl: null,
  base64: "JVBERi0",
};
const urlImage: SendableAttachment = {
  id: "a3",
  kind: "image",
  mediaType: "image/jpeg",
  fileName: "cat.jpg",
  byteSize: 0,
  pageCount: null,
  sourceUrl: "https://example.com/cat.jpg",
  base64: null,
};
const attachments = new Map([png, pdf, urlImage].map((attachment) => [attachment.id, attachment]));

const settings: PlaygroundSettings = {
  ...defaultPlaygroundSettings,
  systemPrompt: "Be brief.",
  systemCache: { ttl: "1h" },
  thinking: { mode: "manual", budgetTokens: 8000 },
  parameters: { maxTokens: 2000, temperature: null, topP: null, topK: null, stopSequences: ["END"] },
  tools: [
    {
      name: "get_weather",
      description: "Weather",
      parameters: { type: "object", properties: { location: { type: "string" } } },
    },
  ],
};

const conversation: StoredMessage[] = [
  message(0, {
    role: "user",
    parts: [
      { type: "attachment", attachmentId: "a1", cache: { ttl: "5m" } },
      { type: "attachment", attachmentId: "a2" },
      { type: "attachment", attachmentId: "a3" },
      { type: "text", text: "What is in these?" },
    ],
  }),
  message(1, {
    role: "assistant",
    parts: [
      { type: "redacted_reasoning", data: "opaque" },
      { type: "reasoning", text: "Look closely.", signature: "sig-1" },
      { type: "text", text: "A chart." },
      { type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"location":"Oslo"}' },
    ],
  }),
  message(2, { role: "tool", parts: [{ type: "tool_result", toolCallId: "call_1", content: "rain" }] }),
  // A turn that failed before any text: left out, with its unsigned reasoning.
  message(3, { role: "assistant", status: "error", parts: [{ type: "reasoning", text: "half", signature: null }] }),
  message(4, { role: "user", parts: [{ type: "text", text: "Thanks" }], cache: { ttl: "5m" } }),
];

describe("buildChatRequest", () => {
  const { body, sentBack } = buildChatRequest({
    model: "anthropic/claude-sonnet-4-6",
    settings,
    messages: conversation,
    attachments,
  });

  it("builds the gateway's Chat Completions body, extensions included", () => {
    expect(body).toMatchObject({
      model: "anthropic/claude-sonnet-4-6",
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 2000,
      stop: ["END"],
      thinking: { type: "enabled", budget_tokens: 8000 },
    });
    expect(body.messages[0]).toEqual({
      role: "system",
      content: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral", ttl: "1h" } }],
    });
    expect(body.messages[1]).toEqual({
      role: "user",
      content: [
        {
          type: "image_url",
          image_url: { url: "data:image/png;base64,iVBO" },
          cache_control: { type: "ephemeral", ttl: "5m" },
        },
        { type: "document", document: { type: "pdf", data: "JVBERi0", title: "report.pdf" } },
        { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
        { type: "text", text: "What is in these?" },
      ],
    });
    expect(body.messages.map((entry) => entry.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
  });

  it("sends signed and redacted reasoning back and reports which parts went", () => {
    expect(body.messages[2]).toEqual({
      role: "assistant",
      content: [
        { type: "redacted_reasoning", data: "opaque" },
        { type: "reasoning", reasoning: "Look closely.", signature: "sig-1" },
        { type: "text", text: "A chart." },
      ],
      tool_calls: [
        { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"location":"Oslo"}' } },
      ],
    });
    expect(sentBack).toEqual([
      { position: 1, partIndex: 0 },
      { position: 1, partIndex: 1 },
    ]);
  });

  it("is accepted by the gateway and translates to the Anthropic request the provider should get", () => {
    const model = resolveGatewayModel(body.model)!;
    const { request, betas } = translateChatRequest(
      parseChatCompletionRequest(JSON.parse(JSON.stringify(body))),
      model,
    );
    expect(betas).toEqual(["extended-cache-ttl-2025-04-11"]);
    expect(request.thinking).toEqual({ type: "enabled", budget_tokens: 8000 });
    expect(request.system).toEqual([
      { type: "text", text: "Be brief.", cache_control: { type: "ephemeral", ttl: "1h" } },
    ]);
    expect(request.messages[0]!.content[0]).toEqual({
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "iVBO" },
      cache_control: { type: "ephemeral", ttl: "5m" },
    });
    expect(request.messages[1]!.content.slice(0, 2)).toEqual([
      { type: "redacted_thinking", data: "opaque" },
      { type: "thinking", thinking: "Look closely.", signature: "sig-1" },
    ]);
    expect(request.messages[2]!.content).toEqual([
      { type: "tool_result", tool_use_id: "call_1", content: "rain" },
      { type: "text", text: "Thanks", cache_control: { type: "ephemeral", ttl: "5m" } },
    ]);
    expect(request.tools?.[0]).toMatchObject({ name: "get_weather", input_schema: { type: "object" } });
  });

  it("sends adaptive thinking with its effort, and no thinking when off", () => {
    const adaptive = buildChatRequest({
      model: "anthropic/claude-opus-4-6",
      settings: { ...defaultPlaygroundSettings, thinking: { mode: "adaptive", effort: "high" } },
      messages: [message(0, { role: "user", parts: [{ type: "text", text: "Hi" }] })],
      attachments: new Map(),
    });
    expect(adaptive.body.thinking).toEqual({ type: "adaptive", effort: "high" });
    const off = buildChatRequest({
      ...adaptive.body,
      model: "anthropic/claude-opus-4-6",
      settings: defaultPlaygroundSettings,
      messages: [],
      attachments: new Map(),
    });
    expect(off.body.thinking).toBeUndefined();
  });

  it("leaves out the unfinished tool calls of an interrupted turn but keeps its text", () => {
    const { body: interrupted } = buildChatRequest({
      model: "anthropic/claude-sonnet-4-6",
      settings: defaultPlaygroundSettings,
      messages: [
        message(0, { role: "user", parts: [{ type: "text", text: "Hi" }] }),
        message(1, {
          role: "assistant",
          status: "interrupted",
          parts: [
            { type: "text", text: "Let me" },
            { type: "tool_call", id: "c", name: "x", arguments: '{"a' },
          ],
        }),
        message(2, { role: "user", parts: [{ type: "text", text: "Go on" }] }),
      ],
      attachments: new Map(),
    });
    expect(interrupted.messages[1]).toEqual({ role: "assistant", content: [{ type: "text", text: "Let me" }] });
  });
});
