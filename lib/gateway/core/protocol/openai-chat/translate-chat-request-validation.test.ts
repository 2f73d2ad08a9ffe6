import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { InvalidRequestError } from "../../gateway-error";
import { parseChatCompletionRequest, translateChatRequest } from "./translate-chat-request";

const user = (content: unknown) => ({ role: "user", content });

function translate(body: Record<string, unknown>) {
  const request = parseChatCompletionRequest({ model: "anthropic/claude-sonnet-4-6", ...body });
  const model = resolveGatewayModel(request.model);
  if (!model) throw new Error(`unresolvable ${request.model}`);
  return translateChatRequest(request, model);
}

type ErrorCase = { name: string; body: Record<string, unknown>; param: string | null; message: RegExp };

const thinking = { type: "enabled", budget_tokens: 2000 };
const breakpoint = (ttl?: string) => ({
  type: "text",
  text: "x",
  cache_control: { type: "ephemeral", ...(ttl ? { ttl } : {}) },
});

const errorCases: ErrorCase[] = [
  {
    name: "a missing model",
    body: { model: undefined, messages: [user("x")] },
    param: "model",
    message: /Missing required parameter: 'model'/,
  },
  {
    name: "a thinking budget below 1024",
    body: { messages: [user("x")], thinking: { type: "enabled", budget_tokens: 512 } },
    param: "thinking.budget_tokens",
    message: /at least 1024/,
  },
  {
    name: "adaptive thinking on a model without it",
    body: { model: "anthropic/claude-haiku-4-5", messages: [user("x")], thinking: { type: "adaptive" } },
    param: "thinking.type",
    message: /does not support adaptive thinking/,
  },
  {
    name: "manual thinking on Opus 4.7 (adaptive only)",
    body: { model: "anthropic/claude-opus-4-7", messages: [user("x")], thinking },
    param: "thinking.type",
    message: /supports only adaptive thinking/,
  },
  {
    name: "an effort level the model lacks",
    body: { messages: [user("x")], thinking: { type: "adaptive", effort: "xhigh" } },
    param: "thinking.effort",
    message: /does not support effort "xhigh"/,
  },
  {
    name: "disabling thinking on a model that always thinks",
    body: { model: "anthropic/claude-opus-5-5", messages: [user("x")], thinking: { type: "disabled" } },
    param: "thinking.type",
    message: /always thinks/,
  },
  {
    name: "a forced tool_choice with thinking on",
    body: {
      messages: [user("x")],
      thinking,
      max_tokens: 4000,
      tools: [{ type: "function", function: { name: "now" } }],
      tool_choice: "required",
    },
    param: "tool_choice",
    message: /cannot force a tool/,
  },
  {
    name: "a forced tool_choice on a model that rejects forcing",
    body: {
      model: "anthropic/claude-sonnet-5-5",
      messages: [user("x")],
      tools: [{ type: "function", function: { name: "now" } }],
      tool_choice: { type: "function", function: { name: "now" } },
    },
    param: "tool_choice",
    message: /does not accept a tool_choice that forces/,
  },
  {
    name: "temperature other than 1 with thinking on",
    body: { messages: [user("x")], thinking, max_tokens: 4000, temperature: 0.5 },
    param: "temperature",
    message: /must be 1/,
  },
  {
    name: "top_k with thinking on",
    body: { messages: [user("x")], thinking, max_tokens: 4000, top_k: 5 },
    param: "top_k",
    message: /top_k is not allowed/,
  },
  {
    name: "temperature on a model without sampling parameters",
    body: { model: "anthropic/claude-opus-4-7", messages: [user("x")], temperature: 0.3 },
    param: "temperature",
    message: /does not accept temperature/,
  },
  {
    name: "temperature above 1",
    body: { messages: [user("x")], temperature: 1.5 },
    param: "temperature",
    message: /between 0 and 1/,
  },
  {
    name: "max_tokens above the model's output limit",
    body: { model: "anthropic/claude-haiku-4-5", messages: [user("x")], max_tokens: 100000 },
    param: "max_tokens",
    message: /at most 64000/,
  },
  {
    name: "a thinking budget at the model's output limit",
    body: {
      model: "anthropic/claude-haiku-4-5",
      messages: [user("x")],
      thinking: { type: "enabled", budget_tokens: 64000 },
    },
    param: "thinking.budget_tokens",
    message: /must be less than/,
  },
  {
    name: "more than 4 cache breakpoints",
    body: { messages: [user([breakpoint(), breakpoint(), breakpoint(), breakpoint(), breakpoint()])] },
    param: "cache_control",
    message: /at most 4 cache_control breakpoints/,
  },
  {
    name: "a 1h breakpoint after a 5m one",
    body: { messages: [{ role: "system", content: [breakpoint("5m")] }, user([breakpoint("1h")])] },
    param: "cache_control.ttl",
    message: /must come before/,
  },
  {
    name: "a cache ttl other than 5m or 1h",
    body: { messages: [user([breakpoint("10m")])] },
    param: "messages[0].content[0].cache_control.ttl",
    message: /Invalid value/,
  },
  {
    name: "an unsupported image media type",
    body: { messages: [user([{ type: "image_url", image_url: { url: "data:image/bmp;base64,Qk0=" } }])] },
    param: "messages[0].content[0].image_url.url",
    message: /Unsupported image media type "image\/bmp"/,
  },
  {
    name: "an image URL that is not http(s)",
    body: { messages: [user([{ type: "image_url", image_url: { url: "ftp://example.com/a.png" } }])] },
    param: "messages[0].content[0].image_url.url",
    message: /http or https/,
  },
  {
    name: "an unsupported file media type",
    body: { messages: [user([{ type: "file", file: { file_data: "data:application/zip;base64,UEs=" } }])] },
    param: "messages[0].content[0].file.file_data",
    message: /Unsupported file media type "application\/zip"/,
  },
  {
    name: "a file_id reference",
    body: { messages: [user([{ type: "file", file: { file_id: "file-abc" } }])] },
    param: "messages[0].content[0].file.file_data",
    message: /file_id references are not supported/,
  },
  {
    name: "an audio content part",
    body: { messages: [user([{ type: "input_audio", input_audio: { data: "x", format: "wav" } }])] },
    param: "messages[0].content[0].type",
    message: /"input_audio" is not supported/,
  },
  {
    name: "the deprecated function role",
    body: { messages: [{ role: "function", name: "f", content: "x" }] },
    param: "messages[0].role",
    message: /"function" is not supported/,
  },
  {
    name: "tool call arguments that are not JSON",
    body: {
      messages: [
        user("x"),
        { role: "assistant", tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: "{oops" } }] },
      ],
    },
    param: "messages[1].tool_calls[0].function.arguments",
    message: /JSON object/,
  },
  {
    name: "tool_choice required without tools",
    body: { messages: [user("x")], tool_choice: "required" },
    param: "tool_choice",
    message: /no tools were given/,
  },
  {
    name: "a named tool_choice that is not in tools",
    body: {
      messages: [user("x")],
      tools: [{ type: "function", function: { name: "now" } }],
      tool_choice: { type: "function", function: { name: "later" } },
    },
    param: "tool_choice.function.name",
    message: /not in tools/,
  },
  {
    name: "n greater than 1",
    body: { messages: [user("x")], n: 2 },
    param: "n",
    message: /n=1/,
  },
  {
    name: "response_format json_object",
    body: { messages: [user("x")], response_format: { type: "json_object" } },
    param: "response_format.type",
    message: /json_schema/,
  },
  {
    name: "only system messages",
    body: { messages: [{ role: "system", content: "x" }] },
    param: "messages",
    message: /at least one user or assistant message/,
  },
];

describe("translateChatRequest validation", () => {
  it.each(errorCases)("rejects $name with a 400 naming $param", ({ body, param, message }) => {
    let thrown: unknown;
    try {
      translate(body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidRequestError);
    const error = thrown as InvalidRequestError;
    expect({ status: error.status, type: error.type, param: error.param }).toEqual({
      status: 400,
      type: "invalid_request_error",
      param,
    });
    expect(error.message).toMatch(message);
  });

  it("accepts temperature 1 with thinking on", () => {
    expect(translate({ messages: [user("x")], thinking, max_tokens: 4000, temperature: 1 }).request.temperature).toBe(
      1,
    );
  });
});
