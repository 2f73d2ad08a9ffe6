import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { chatRequestFallbacks, parseChatCompletionRequest, translateChatRequest } from "./translate-chat-request";

const user = (content: unknown) => ({ role: "user", content });

function translate(body: Record<string, unknown>) {
  const request = parseChatCompletionRequest({ model: "anthropic/claude-sonnet-4-6", ...body });
  const model = resolveGatewayModel(request.model);
  if (!model) throw new Error(`unresolvable ${request.model}`);
  return translateChatRequest(request, model);
}

type SuccessCase = { name: string; body: Record<string, unknown>; request: Record<string, unknown>; betas?: string[] };

const successCases: SuccessCase[] = [
  {
    name: "tools become Anthropic tools with input_schema (an empty object schema when parameters are absent)",
    body: {
      messages: [user("Weather?")],
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            description: "Weather",
            parameters: { type: "object", properties: { location: { type: "string" } } },
          },
        },
        { type: "function", function: { name: "now" }, cache_control: { type: "ephemeral" } },
      ],
    },
    request: {
      tools: [
        {
          name: "get_weather",
          description: "Weather",
          input_schema: { type: "object", properties: { location: { type: "string" } } },
        },
        { name: "now", input_schema: { type: "object", properties: {} }, cache_control: { type: "ephemeral" } },
      ],
    },
  },
  ...(
    [
      ["auto", { type: "auto" }],
      ["none", { type: "none" }],
      ["required", { type: "any" }],
      [
        { type: "function", function: { name: "now" } },
        { type: "tool", name: "now" },
      ],
    ] as const
  ).map(([toolChoice, anthropicChoice]) => ({
    name: `tool_choice ${JSON.stringify(toolChoice)} maps to ${JSON.stringify(anthropicChoice)}`,
    body: { messages: [user("x")], tools: [{ type: "function", function: { name: "now" } }], tool_choice: toolChoice },
    request: { tool_choice: anthropicChoice },
  })),
  {
    name: "parallel_tool_calls false sets disable_parallel_tool_use (on auto when no tool_choice is given)",
    body: {
      messages: [user("x")],
      tools: [{ type: "function", function: { name: "now" } }],
      parallel_tool_calls: false,
    },
    request: { tool_choice: { type: "auto", disable_parallel_tool_use: true } },
  },
  {
    name: "a missing max_tokens takes the catalog default (the docs' samples omit it)",
    body: { messages: [user("x")] },
    request: { max_tokens: 8192 },
  },
  {
    name: "max_completion_tokens wins over max_tokens",
    body: { messages: [user("x")], max_tokens: 100, max_completion_tokens: 200 },
    request: { max_tokens: 200 },
  },
  {
    name: "temperature, top_p and top_k pass through",
    body: { messages: [user("x")], temperature: 0.2, top_p: 0.9, top_k: 40 },
    request: { temperature: 0.2, top_p: 0.9, top_k: 40 },
  },
  {
    name: "stop as a string becomes stop_sequences",
    body: { messages: [user("x")], stop: "END" },
    request: { stop_sequences: ["END"] },
  },
  {
    name: "stop as an array becomes stop_sequences",
    body: { messages: [user("x")], stop: ["END", "STOP"] },
    request: { stop_sequences: ["END", "STOP"] },
  },
  {
    name: "user becomes metadata.user_id",
    body: { messages: [user("x")], user: "user-42" },
    request: { metadata: { user_id: "user-42" } },
  },
  {
    name: "a thinking budget below max_tokens is sent as is",
    body: {
      model: "anthropic/claude-opus-4-6",
      messages: [user("x")],
      thinking: { type: "enabled", budget_tokens: 8000 },
      max_tokens: 16000,
    },
    request: { max_tokens: 16000, thinking: { type: "enabled", budget_tokens: 8000 } },
  },
  {
    name: "a thinking budget ≥ max_tokens sends budget + max_tokens (the Quick Start: 8000 + 2048)",
    body: {
      model: "anthropic/claude-opus-4-5-20251101",
      messages: [user("Design a distributed rate limiting system for 1M requests/second")],
      thinking: { type: "enabled", budget_tokens: 8000 },
      max_tokens: 2048,
    },
    request: {
      model: "claude-opus-4-5-20251101",
      max_tokens: 10048,
      thinking: { type: "enabled", budget_tokens: 8000 },
    },
  },
  {
    name: "budget + max_tokens is capped at the model's output limit",
    body: {
      model: "anthropic/claude-haiku-4-5-20251001",
      messages: [user("x")],
      thinking: { type: "enabled", budget_tokens: 60000 },
      max_tokens: 60000,
    },
    request: { max_tokens: 64000, thinking: { type: "enabled", budget_tokens: 60000 } },
  },
  {
    name: "thinking without max_tokens sends budget + the catalog default",
    body: {
      model: "anthropic/claude-opus-4-5-20251101",
      messages: [user("x")],
      thinking: { type: "enabled", budget_tokens: 8000 },
    },
    request: { max_tokens: 16192 },
  },
  {
    name: "adaptive thinking with effort sends output_config.effort on a supporting model",
    body: { messages: [user("x")], thinking: { type: "adaptive", effort: "medium" }, max_tokens: 16000 },
    request: { thinking: { type: "adaptive" }, output_config: { effort: "medium" } },
  },
  {
    name: "reasoning_effort maps to adaptive thinking with effort where the model has it",
    body: { model: "anthropic/claude-opus-4-7", messages: [user("x")], reasoning_effort: "high" },
    request: { thinking: { type: "adaptive" }, output_config: { effort: "high" } },
  },
  {
    name: "reasoning_effort maps to a manual thinking budget on models without adaptive thinking",
    body: { model: "anthropic/claude-haiku-4-5", messages: [user("x")], reasoning_effort: "low", max_tokens: 1000 },
    request: { thinking: { type: "enabled", budget_tokens: 2048 }, max_tokens: 3048 },
  },
  {
    name: "response_format json_schema becomes output_config.format",
    body: {
      messages: [user("x")],
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" } } },
    },
    request: { output_config: { format: { type: "json_schema", schema: { type: "object" } } } },
  },
  {
    name: "stream true is sent upstream",
    body: { messages: [user("x")], stream: true, stream_options: { include_usage: true } },
    request: { stream: true },
  },
  {
    name: "an unknown model under a known prefix passes through with default capabilities",
    body: { model: "anthropic/claude-future-9", messages: [user("x")], thinking: { type: "adaptive", effort: "max" } },
    request: { model: "claude-future-9", max_tokens: 8192, thinking: { type: "adaptive" } },
  },
  {
    name: "aws/ models use the catalog's Bedrock inference profile id",
    body: { model: "aws/anthropic/claude-sonnet-4-6", messages: [user("x")] },
    request: { model: "global.anthropic.claude-sonnet-4-6" },
  },
  {
    name: "google/ models use the catalog's Vertex id",
    body: { model: "google/anthropic/claude-haiku-4-5-20251001", messages: [user("x")] },
    request: { model: "claude-haiku-4-5@20251001" },
  },
  {
    name: "1h breakpoints before 5m ones are accepted (tools, then system, then messages)",
    body: {
      messages: [
        { role: "system", content: [{ type: "text", text: "s", cache_control: { type: "ephemeral", ttl: "1h" } }] },
        user([{ type: "text", text: "m", cache_control: { type: "ephemeral", ttl: "5m" } }]),
      ],
      tools: [{ type: "function", function: { name: "now" }, cache_control: { type: "ephemeral", ttl: "1h" } }],
    },
    request: {},
    betas: ["extended-cache-ttl-2025-04-11"],
  },
];

describe("translateChatRequest", () => {
  it.each(successCases)("$name", ({ body, request, betas }) => {
    const translated = translate(body);
    expect(translated.request).toMatchObject(request);
    expect(translated.betas).toEqual(betas ?? []);
  });

  it("translates the docs' extended thinking Quick Start exactly", () => {
    expect(
      translate({
        model: "anthropic/claude-opus-4-5-20251101",
        messages: [{ role: "user", content: "Design a distributed rate limiting system for 1M requests/second" }],
        thinking: { type: "enabled", budget_tokens: 8000 },
        max_tokens: 2048,
      }),
    ).toEqual({
      request: {
        model: "claude-opus-4-5-20251101",
        max_tokens: 10048,
        thinking: { type: "enabled", budget_tokens: 8000 },
        messages: [
          {
            role: "user",
            content: [{ type: "text", text: "Design a distributed rate limiting system for 1M requests/second" }],
          },
        ],
      },
      betas: [],
      stream: false,
      includeUsage: false,
    });
  });

  it("accepts fields real SDK clients send without forwarding them", () => {
    const body = {
      messages: [user("x")],
      n: 1,
      stream: true,
      stream_options: { include_usage: true },
      frequency_penalty: 0,
      presence_penalty: 0,
      seed: 7,
      store: false,
      metadata: { tag: "a" },
      service_tier: "auto",
      prompt_cache_key: "k",
      fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }, { model: "anthropic/claude-opus-4-6" }],
    };
    const translated = translate(body);
    expect(Object.keys(translated.request).sort()).toEqual(["max_tokens", "messages", "model", "stream"]);
    expect(translated.includeUsage).toBe(true);
    expect(chatRequestFallbacks(parseChatCompletionRequest({ model: "anthropic/claude-sonnet-4-6", ...body }))).toEqual(
      ["aws/anthropic/claude-sonnet-4-6", "anthropic/claude-opus-4-6"],
    );
  });
});
