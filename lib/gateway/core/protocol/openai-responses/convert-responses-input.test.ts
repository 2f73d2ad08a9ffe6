import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { parseResponsesRequest, translateResponsesRequest } from "./translate-responses-request";

/** The Anthropic system + messages an `input` (and `instructions`) translates to. */
function convert(input: unknown, instructions?: string) {
  const request = parseResponsesRequest({ model: "anthropic/claude-sonnet-4-6", input, instructions });
  const { request: anthropic } = translateResponsesRequest(request, resolveGatewayModel(request.model)!);
  return { system: anthropic.system, messages: anthropic.messages };
}

const pdfData = "JVBERi0xLjQK";
const pngData = "iVBORw0KGgo=";
const user = (content: unknown) => ({ role: "user", content });
const text = (value: string) => ({ type: "text", text: value });

type ConversionCase = { name: string; input: unknown; instructions?: string; system?: unknown; messages: unknown };

const cases: ConversionCase[] = [
  {
    name: "an EasyInputMessage without type, string content",
    input: [user("Hi")],
    messages: [{ role: "user", content: [text("Hi")] }],
  },
  {
    name: "input_text parts keep their cache_control",
    input: [
      {
        type: "message",
        role: "user",
        content: [{ type: "input_text", text: "ctx", cache_control: { type: "ephemeral" } }],
      },
    ],
    messages: [{ role: "user", content: [{ ...text("ctx"), cache_control: { type: "ephemeral" } }] }],
  },
  {
    name: "a message-level cache_control applies to the message's last block",
    input: [
      {
        role: "user",
        content: [
          { type: "input_text", text: "a" },
          { type: "input_text", text: "b" },
        ],
        cache_control: { type: "ephemeral" },
      },
    ],
    messages: [{ role: "user", content: [text("a"), { ...text("b"), cache_control: { type: "ephemeral" } }] }],
  },
  {
    name: "system and developer messages, wherever they appear, become system blocks after instructions",
    instructions: "Be brief.",
    input: [
      { role: "developer", content: [{ type: "input_text", text: "Use metric units." }] },
      user("Hi"),
      { role: "system", content: "Late rule." },
    ],
    system: [text("Be brief."), text("Use metric units."), text("Late rule.")],
    messages: [{ role: "user", content: [text("Hi")] }],
  },
  {
    name: "input_image with a data URI → base64 image source",
    input: [user([{ type: "input_image", image_url: `data:image/png;base64,${pngData}`, detail: "auto" }])],
    messages: [
      {
        role: "user",
        content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: pngData } }],
      },
    ],
  },
  {
    name: "input_image with an https URL → url image source",
    input: [user([{ type: "input_image", image_url: "https://example.com/cat.png" }])],
    messages: [
      { role: "user", content: [{ type: "image", source: { type: "url", url: "https://example.com/cat.png" } }] },
    ],
  },
  {
    name: "input_file with a PDF data URI → base64 document with the filename as title",
    input: [
      user([{ type: "input_file", file_data: `data:application/pdf;base64,${pdfData}`, filename: "report.pdf" }]),
    ],
    messages: [
      {
        role: "user",
        content: [
          {
            type: "document",
            source: { type: "base64", media_type: "application/pdf", data: pdfData },
            title: "report.pdf",
          },
        ],
      },
    ],
  },
  {
    name: "input_file with a file_url → url document",
    input: [
      user([
        { type: "input_text", text: "Summarize this document" },
        { type: "input_file", file_url: "https://example.com/document.pdf" },
      ]),
    ],
    messages: [
      {
        role: "user",
        content: [
          text("Summarize this document"),
          { type: "document", source: { type: "url", url: "https://example.com/document.pdf" } },
        ],
      },
    ],
  },
  {
    name: "an assistant output message (as response.output returns it) → assistant text",
    input: [
      user("Hi"),
      {
        type: "message",
        id: "msg_1",
        role: "assistant",
        status: "completed",
        content: [{ type: "output_text", text: "Hello!", annotations: [], logprobs: [] }],
      },
      user("Bye"),
    ],
    messages: [
      { role: "user", content: [text("Hi")] },
      { role: "assistant", content: [text("Hello!")] },
      { role: "user", content: [text("Bye")] },
    ],
  },
  {
    name: "function_call → tool_use and function_call_output → tool_result (consecutive outputs share one user turn)",
    input: [
      user("Weather in Tokyo and Paris?"),
      { type: "function_call", call_id: "toolu_1", name: "get_weather", arguments: '{"location":"Tokyo"}' },
      { type: "function_call", call_id: "toolu_2", name: "get_weather", arguments: '{"location":"Paris"}' },
      { type: "function_call_output", call_id: "toolu_1", output: "22°C" },
      { type: "function_call_output", call_id: "toolu_2", output: [{ type: "input_text", text: "18°C" }] },
    ],
    messages: [
      { role: "user", content: [text("Weather in Tokyo and Paris?")] },
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { location: "Tokyo" } },
          { type: "tool_use", id: "toolu_2", name: "get_weather", input: { location: "Paris" } },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: "22°C" },
          { type: "tool_result", tool_use_id: "toolu_2", content: [text("18°C")] },
        ],
      },
    ],
  },
  {
    name: "a function_call with empty arguments → empty input object",
    input: [
      user("Time?"),
      { type: "function_call", call_id: "toolu_1", name: "now", arguments: "" },
      { type: "function_call_output", call_id: "toolu_1", output: "12:00" },
    ],
    messages: [
      { role: "user", content: [text("Time?")] },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "now", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "12:00" }] },
    ],
  },
  {
    name: "a tool output image → image block inside the tool_result",
    input: [
      user("Screenshot?"),
      { type: "function_call", call_id: "toolu_1", name: "screenshot", arguments: "{}" },
      {
        type: "function_call_output",
        call_id: "toolu_1",
        output: [{ type: "input_image", image_url: `data:image/png;base64,${pngData}` }],
      },
    ],
    messages: [
      expect.anything(),
      expect.anything(),
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "toolu_1",
            content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: pngData } }],
          },
        ],
      },
    ],
  },
  {
    name: "reasoning items become thinking blocks with their exact signature, in item order within the assistant turn",
    input: [
      user("Weather?"),
      {
        type: "reasoning",
        id: "rs_1",
        summary: [{ type: "summary_text", text: "Call the tool." }],
        encrypted_content: "EuYBsig==",
      },
      { type: "message", role: "assistant", content: [{ type: "output_text", text: "Checking." }] },
      { type: "function_call", call_id: "toolu_1", name: "get_weather", arguments: "{}" },
    ],
    messages: [
      expect.anything(),
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Call the tool.", signature: "EuYBsig==" },
          text("Checking."),
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: {} },
        ],
      },
    ],
  },
  {
    name: "a redacted reasoning item (encrypted_content redacted_thinking:<data>) becomes a redacted_thinking block",
    input: [
      user("x"),
      { type: "reasoning", summary: [], encrypted_content: "redacted_thinking:EmwKAhgB==" },
      { role: "assistant", content: "ok" },
    ],
    messages: [
      expect.anything(),
      { role: "assistant", content: [{ type: "redacted_thinking", data: "EmwKAhgB==" }, text("ok")] },
    ],
  },
  {
    name: "a signature-only reasoning item (display omitted) keeps its empty thinking",
    input: [
      user("x"),
      { type: "reasoning", summary: [], encrypted_content: "EqQBomitted==" },
      { role: "assistant", content: "42." },
    ],
    messages: [
      expect.anything(),
      { role: "assistant", content: [{ type: "thinking", thinking: "", signature: "EqQBomitted==" }, text("42.")] },
    ],
  },
  {
    name: "a reasoning item without encrypted_content cannot be verified upstream and is dropped",
    input: [
      user("x"),
      { type: "reasoning", summary: [{ type: "summary_text", text: "unsigned" }] },
      { role: "assistant", content: "ok" },
    ],
    messages: [expect.anything(), { role: "assistant", content: [text("ok")] }],
  },
  {
    name: "empty text parts are dropped (Anthropic rejects empty text blocks)",
    input: [
      user([
        { type: "input_text", text: "" },
        { type: "input_text", text: "x" },
      ]),
      { role: "assistant", content: [{ type: "output_text", text: "" }] },
    ],
    messages: [{ role: "user", content: [text("x")] }],
  },
];

describe("convertResponsesInput", () => {
  it.each(cases)("$name", ({ input, instructions, system, messages }) => {
    const converted = convert(input, instructions);
    expect(converted.system).toEqual(system);
    expect(converted.messages).toEqual(messages);
  });
});
