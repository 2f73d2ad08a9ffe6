import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { parseChatCompletionRequest, translateChatRequest } from "./translate-chat-request";

const pdfBase64 = "JVBERi0xLjQK";
const pngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const user = (content: unknown) => ({ role: "user", content });

function translate(body: Record<string, unknown>) {
  const request = parseChatCompletionRequest({ model: "anthropic/claude-sonnet-4-6", ...body });
  const model = resolveGatewayModel(request.model);
  if (!model) throw new Error(`unresolvable ${request.model}`);
  return translateChatRequest(request, model);
}

type MessageCase = { name: string; body: Record<string, unknown>; request: Record<string, unknown>; betas?: string[] };

/** Chat Completions messages → Anthropic system and messages, one row per rule. */
const messageCases: MessageCase[] = [
  {
    name: "a string user message becomes one text block",
    body: { messages: [user("Hi")] },
    request: { model: "claude-sonnet-4-6", messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] },
  },
  {
    name: "system and developer messages become system blocks in order, keeping cache_control",
    body: {
      messages: [
        { role: "system", content: [{ type: "text", text: "You are terse.", cache_control: { type: "ephemeral" } }] },
        { role: "developer", content: "Answer in French." },
        user("Hi"),
      ],
    },
    request: {
      system: [
        { type: "text", text: "You are terse.", cache_control: { type: "ephemeral" } },
        { type: "text", text: "Answer in French." },
      ],
    },
  },
  {
    name: "text parts keep cache_control with ttl 1h and the call needs the extended TTL beta",
    body: { messages: [user([{ type: "text", text: "Docs…", cache_control: { type: "ephemeral", ttl: "1h" } }])] },
    request: {
      messages: [
        { role: "user", content: [{ type: "text", text: "Docs…", cache_control: { type: "ephemeral", ttl: "1h" } }] },
      ],
    },
    betas: ["extended-cache-ttl-2025-04-11"],
  },
  {
    name: "a message-level cache_control applies to the message's last block",
    body: { messages: [{ role: "user", content: "Long context", cache_control: { type: "ephemeral" } }] },
    request: {
      messages: [
        { role: "user", content: [{ type: "text", text: "Long context", cache_control: { type: "ephemeral" } }] },
      ],
    },
  },
  {
    name: "an image_url data: URI becomes a base64 image source",
    body: { messages: [user([{ type: "image_url", image_url: { url: `data:image/png;base64,${pngBase64}` } }])] },
    request: {
      messages: [
        {
          role: "user",
          content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: pngBase64 } }],
        },
      ],
    },
  },
  {
    name: "an image_url http(s) URL becomes a url image source",
    body: { messages: [user([{ type: "image_url", image_url: { url: "https://example.com/image.jpg" } }])] },
    request: {
      messages: [
        { role: "user", content: [{ type: "image", source: { type: "url", url: "https://example.com/image.jpg" } }] },
      ],
    },
  },
  {
    name: "a document part with a url becomes a url document source",
    body: {
      messages: [user([{ type: "document", document: { type: "pdf", url: "https://example.com/document.pdf" } }])],
    },
    request: {
      messages: [
        {
          role: "user",
          content: [{ type: "document", source: { type: "url", url: "https://example.com/document.pdf" } }],
        },
      ],
    },
  },
  {
    name: "a document part with data (raw base64 or data: URI) becomes a base64 PDF source",
    body: {
      messages: [
        user([
          { type: "document", document: { type: "pdf", data: pdfBase64 } },
          { type: "document", document: { data: `data:application/pdf;base64,${pdfBase64}` } },
        ]),
      ],
    },
    request: {
      messages: [
        {
          role: "user",
          content: [
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: pdfBase64 } },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: pdfBase64 } },
          ],
        },
      ],
    },
  },
  {
    name: "an OpenAI file part with a PDF data URI becomes a base64 document titled with the filename",
    body: {
      messages: [
        user([
          { type: "file", file: { file_data: `data:application/pdf;base64,${pdfBase64}`, filename: "report.pdf" } },
        ]),
      ],
    },
    request: {
      messages: [
        {
          role: "user",
          content: [
            {
              type: "document",
              source: { type: "base64", media_type: "application/pdf", data: pdfBase64 },
              title: "report.pdf",
            },
          ],
        },
      ],
    },
  },
  {
    name: "assistant reasoning and redacted_reasoning parts go first, unmodified, then text and tool_use",
    body: {
      messages: [
        user("Plan it"),
        {
          role: "assistant",
          content: [
            { type: "text", text: "Here is the plan." },
            { type: "reasoning", reasoning: "Think…", signature: "sig-1" },
            { type: "redacted_reasoning", data: "opaque" },
          ],
          tool_calls: [{ id: "toolu_1", type: "function", function: { name: "lookup", arguments: '{"q":"x"}' } }],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "found" },
      ],
    },
    request: {
      messages: [
        { role: "user", content: [{ type: "text", text: "Plan it" }] },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Think…", signature: "sig-1" },
            { type: "redacted_thinking", data: "opaque" },
            { type: "text", text: "Here is the plan." },
            { type: "tool_use", id: "toolu_1", name: "lookup", input: { q: "x" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "found" }] },
      ],
    },
  },
  {
    name: "a response message pushed back as-is (flat reasoning fields) keeps its thinking block",
    body: {
      messages: [
        user("Q"),
        {
          role: "assistant",
          content: "A",
          refusal: null,
          reasoning: "Because",
          reasoning_signature: "sig-2",
          redacted_reasoning: "opaque",
        },
        user("Q2"),
      ],
    },
    request: {
      messages: [
        expect.anything(),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Because", signature: "sig-2" },
            { type: "redacted_thinking", data: "opaque" },
            { type: "text", text: "A" },
          ],
        },
        expect.anything(),
      ],
    },
  },
  {
    name: "reasoning_details on a pushed-back message restore every thinking block in order",
    body: {
      messages: [
        user("Q"),
        {
          role: "assistant",
          content: "A",
          reasoning: "one two",
          reasoning_details: [
            { type: "reasoning", reasoning: "one", signature: "s1" },
            { type: "redacted_reasoning", data: "r1" },
            { type: "reasoning", reasoning: " two", signature: "s2" },
          ],
        },
        user("Q2"),
      ],
    },
    request: {
      messages: [
        expect.anything(),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "one", signature: "s1" },
            { type: "redacted_thinking", data: "r1" },
            { type: "thinking", thinking: " two", signature: "s2" },
            { type: "text", text: "A" },
          ],
        },
        expect.anything(),
      ],
    },
  },
  {
    name: "unsigned reasoning parts are dropped (Anthropic cannot verify them)",
    body: {
      messages: [
        user("Q"),
        {
          role: "assistant",
          content: [
            { type: "reasoning", reasoning: "x" },
            { type: "text", text: "A" },
          ],
        },
        user("Q2"),
      ],
    },
    request: {
      messages: [expect.anything(), { role: "assistant", content: [{ type: "text", text: "A" }] }, expect.anything()],
    },
  },
  {
    name: "tool_calls with empty arguments become tool_use with an empty input",
    body: {
      messages: [
        user("Time?"),
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "toolu_2", type: "function", function: { name: "now", arguments: "" } }],
        },
        { role: "tool", tool_call_id: "toolu_2", content: "12:00" },
      ],
    },
    request: {
      messages: [
        expect.anything(),
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_2", name: "now", input: {} }] },
        expect.anything(),
      ],
    },
  },
  {
    name: "consecutive tool messages merge into one user message of tool_result blocks, followed by the next user turn",
    body: {
      messages: [
        user("Both"),
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "a", type: "function", function: { name: "f", arguments: "{}" } },
            { id: "b", type: "function", function: { name: "g", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "a", content: "1" },
        { role: "tool", tool_call_id: "b", content: [{ type: "text", text: "2" }] },
        user("Thanks"),
      ],
    },
    request: {
      messages: [
        expect.anything(),
        expect.anything(),
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "a", content: "1" },
            { type: "tool_result", tool_use_id: "b", content: [{ type: "text", text: "2" }] },
            { type: "text", text: "Thanks" },
          ],
        },
      ],
    },
  },
];

describe("translateChatRequest: messages", () => {
  it.each(messageCases)("$name", ({ body, request, betas }) => {
    const translated = translate(body);
    expect(translated.request).toMatchObject(request);
    expect(translated.betas).toEqual(betas ?? []);
  });
});
