import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { InvalidRequestError } from "../../gateway-error";
import { parseResponsesRequest, translateResponsesRequest } from "./translate-responses-request";

function translate(body: Record<string, unknown>) {
  const request = parseResponsesRequest({ model: "anthropic/claude-sonnet-4-6", input: "x", ...body });
  const model = resolveGatewayModel(request.model);
  if (!model) throw new Error(`unresolvable ${request.model}`);
  return translateResponsesRequest(request, model);
}

const user = (content: unknown) => ({ role: "user", content });
const thinking = { type: "enabled", budget_tokens: 2000 };
const nowTool = { type: "function", name: "now" };
const breakpoint = (ttl?: string) => ({
  type: "input_text",
  text: "x",
  cache_control: { type: "ephemeral", ...(ttl ? { ttl } : {}) },
});

type ErrorCase = { name: string; body: Record<string, unknown>; param: string | null; message: RegExp; code?: string };

const errorCases: ErrorCase[] = [
  // Stored state
  {
    name: "store: true",
    body: { store: true },
    param: "store",
    message: /does not store responses/,
    code: "store_not_supported",
  },
  {
    name: "previous_response_id",
    body: { previous_response_id: "resp_123" },
    param: "previous_response_id",
    message: /does not store responses/,
  },
  {
    name: "a conversation id",
    body: { conversation: "conv_1" },
    param: "conversation",
    message: /does not store responses/,
  },
  { name: "background mode", body: { background: true }, param: "background", message: /stored responses/ },
  {
    name: "a stored prompt template",
    body: { prompt: { id: "pmpt_1" } },
    param: "prompt",
    message: /prompt templates/,
  },
  {
    name: "an item_reference",
    body: { input: [{ type: "item_reference", id: "msg_1" }] },
    param: "input[0].type",
    message: /does not store/,
  },
  // Request shape
  {
    name: "a missing input",
    body: { input: undefined },
    param: "input",
    message: /Missing required parameter: 'input'/,
  },
  {
    name: "an empty string input",
    body: { input: "" },
    param: "input",
    message: /at least one user or assistant message/,
  },
  {
    name: "only system messages",
    body: { input: [{ role: "system", content: "x" }] },
    param: "input",
    message: /at least one user or assistant message/,
  },
  {
    name: "an unknown item type",
    body: { input: [{ type: "web_search_call", id: "ws_1" }] },
    param: "input[0].type",
    message: /"web_search_call" is not supported/,
  },
  {
    name: "an unknown role",
    body: { input: [{ role: "tool", content: "x" }] },
    param: "input[0].role",
    message: /"tool" is not supported/,
  },
  {
    name: "an image in a system message",
    body: { input: [{ role: "system", content: [{ type: "input_image", image_url: "https://x/a.png" }] }, user("x")] },
    param: "input[0].content[0].type",
    message: /accept only input_text parts/,
  },
  {
    name: "an audio part",
    body: { input: [user([{ type: "input_audio", input_audio: { data: "x", format: "wav" } }])] },
    param: "input[0].content[0].type",
    message: /"input_audio" is not supported/,
  },
  {
    name: "a hosted tool",
    body: { tools: [{ type: "web_search" }] },
    param: "tools[0].type",
    message: /only function tools are supported/,
  },
  { name: "top_logprobs", body: { top_logprobs: 2 }, param: "top_logprobs", message: /logprobs/ },
  {
    name: "text.format json_object",
    body: { text: { format: { type: "json_object" } } },
    param: "text.format.type",
    message: /json_schema/,
  },
  // Media (Chat Completions' rules, Responses' param names)
  {
    name: "an unsupported image media type",
    body: { input: [user([{ type: "input_image", image_url: "data:image/bmp;base64,Qk0=" }])] },
    param: "input[0].content[0].image_url",
    message: /Unsupported image media type "image\/bmp"/,
  },
  {
    name: "an image URL that is not http(s)",
    body: { input: [user([{ type: "input_image", image_url: "ftp://example.com/a.png" }])] },
    param: "input[0].content[0].image_url",
    message: /http or https/,
  },
  {
    name: "an input_image with only a file_id",
    body: { input: [user([{ type: "input_image", file_id: "file-1" }])] },
    param: "input[0].content[0].image_url",
    message: /file_id references are not supported/,
    code: "unsupported_file_id",
  },
  {
    name: "an unsupported file media type",
    body: { input: [user([{ type: "input_file", file_data: "data:application/zip;base64,UEs=" }])] },
    param: "input[0].content[0].file_data",
    message: /Unsupported file media type "application\/zip"/,
  },
  {
    name: "an input_file with only a file_id",
    body: { input: [user([{ type: "input_file", file_id: "file-abc" }])] },
    param: "input[0].content[0].file_data",
    message: /file_id references are not supported/,
  },
  {
    name: "a file_url that is not http(s)",
    body: { input: [user([{ type: "input_file", file_url: "file:///etc/passwd" }])] },
    param: "input[0].content[0].file_url",
    message: /http or https/,
  },
  {
    name: "a PDF in a tool output",
    body: {
      input: [
        user("x"),
        { type: "function_call", call_id: "t", name: "f", arguments: "{}" },
        {
          type: "function_call_output",
          call_id: "t",
          output: [{ type: "input_file", file_data: "data:application/pdf;base64,JVBE" }],
        },
      ],
    },
    param: "input[2].output[0].type",
    message: /only input_text and input_image/,
  },
  // Tools
  {
    name: "function_call arguments that are not JSON",
    body: { input: [user("x"), { type: "function_call", call_id: "t", name: "f", arguments: "{oops" }] },
    param: "input[1].arguments",
    message: /JSON object/,
  },
  {
    name: "function_call arguments that are a JSON array",
    body: { input: [user("x"), { type: "function_call", call_id: "t", name: "f", arguments: "[1]" }] },
    param: "input[1].arguments",
    message: /JSON object/,
  },
  {
    name: "tool_choice required without tools",
    body: { tool_choice: "required" },
    param: "tool_choice",
    message: /no tools were given/,
  },
  {
    name: "a named tool_choice that is not in tools",
    body: { tools: [nowTool], tool_choice: { type: "function", name: "later" } },
    param: "tool_choice.name",
    message: /not in tools/,
  },
  // Thinking and sampling (Chat Completions' rules)
  {
    name: "a thinking budget below 1024",
    body: { thinking: { type: "enabled", budget_tokens: 512 } },
    param: "thinking.budget_tokens",
    message: /at least 1024/,
  },
  {
    name: "adaptive thinking on a model without it",
    body: { model: "anthropic/claude-haiku-4-5", thinking: { type: "adaptive" } },
    param: "thinking.type",
    message: /does not support adaptive thinking/,
  },
  {
    name: "manual thinking on Opus 4.7 (adaptive only)",
    body: { model: "anthropic/claude-opus-4-7", thinking },
    param: "thinking.type",
    message: /supports only adaptive thinking/,
  },
  {
    name: "an effort level the model lacks",
    body: { thinking: { type: "adaptive", effort: "xhigh" } },
    param: "thinking.effort",
    message: /does not support effort "xhigh"/,
  },
  {
    name: "an unknown reasoning.effort",
    body: { reasoning: { effort: "extreme" } },
    param: "reasoning.effort",
    message: /Invalid/,
  },
  {
    name: "a forced tool_choice with thinking on",
    body: { thinking, tools: [nowTool], tool_choice: "required" },
    param: "tool_choice",
    message: /cannot force a tool/,
  },
  {
    name: "a forced tool_choice with reasoning.effort",
    body: { reasoning: { effort: "low" }, tools: [nowTool], tool_choice: { type: "function", name: "now" } },
    param: "tool_choice",
    message: /cannot force a tool/,
  },
  {
    name: "temperature other than 1 with thinking on",
    body: { thinking, temperature: 0.5 },
    param: "temperature",
    message: /must be 1/,
  },
  { name: "top_k with thinking on", body: { thinking, top_k: 5 }, param: "top_k", message: /top_k is not allowed/ },
  {
    name: "temperature on a model without sampling parameters",
    body: { model: "anthropic/claude-opus-4-7", temperature: 0.3 },
    param: "temperature",
    message: /does not accept temperature/,
  },
  { name: "temperature above 1", body: { temperature: 1.5 }, param: "temperature", message: /between 0 and 1/ },
  {
    name: "max_output_tokens above the model's output limit",
    body: { model: "anthropic/claude-haiku-4-5", max_output_tokens: 100000 },
    param: "max_output_tokens",
    message: /max_output_tokens is 100000.*at most 64000/,
  },
  {
    name: "a thinking budget at the model's output limit",
    body: { model: "anthropic/claude-haiku-4-5", thinking: { type: "enabled", budget_tokens: 64000 } },
    param: "thinking.budget_tokens",
    message: /must be less than/,
  },
  // Cache breakpoints (Chat Completions' rules)
  {
    name: "more than 4 cache breakpoints",
    body: { input: [user([breakpoint(), breakpoint(), breakpoint(), breakpoint(), breakpoint()])] },
    param: "cache_control",
    message: /at most 4 cache_control breakpoints/,
  },
  {
    name: "a 1h breakpoint after a 5m one",
    body: { input: [{ role: "system", content: [breakpoint("5m")] }, user([breakpoint("1h")])] },
    param: "cache_control.ttl",
    message: /must come before/,
  },
  {
    name: "a cache ttl other than 5m or 1h",
    body: { input: [user([breakpoint("10m")])] },
    param: "input[0].content[0].cache_control.ttl",
    message: /Invalid value/,
  },
  // Routing
  {
    name: "an unknown model prefix in fallbacks",
    body: { fallbacks: [{ model: "" }] },
    param: "fallbacks[0].model",
    message: /Invalid value/,
  },
];

describe("translateResponsesRequest validation", () => {
  it.each(errorCases)("rejects $name with a 400 naming $param", ({ body, param, message, code }) => {
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
    if (code) expect(error.code).toBe(code);
  });

  it("accepts temperature 1 with thinking on", () => {
    expect(translate({ thinking, temperature: 1 }).request.temperature).toBe(1);
  });
});
