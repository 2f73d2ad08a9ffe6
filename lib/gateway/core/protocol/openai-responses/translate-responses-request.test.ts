import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import {
  parseResponsesRequest,
  responsesRequestFallbacks,
  translateResponsesRequest,
} from "./translate-responses-request";

function translate(body: Record<string, unknown>) {
  const request = parseResponsesRequest({ model: "anthropic/claude-sonnet-4-6", input: "x", ...body });
  const model = resolveGatewayModel(request.model);
  if (!model) throw new Error(`unresolvable ${request.model}`);
  return translateResponsesRequest(request, model);
}

const weatherTool = {
  type: "function",
  name: "get_weather",
  description: "Get current weather for a location",
  parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
};
const nowTool = { type: "function", name: "now" };

type SuccessCase = { name: string; body: Record<string, unknown>; request: Record<string, unknown>; betas?: string[] };

const successCases: SuccessCase[] = [
  {
    name: "a string input becomes one user text message; max_tokens takes the catalog default (the docs' samples omit it)",
    body: { input: "Explain quantum computing in simple terms" },
    request: {
      model: "claude-sonnet-4-6",
      max_tokens: 8192,
      messages: [{ role: "user", content: [{ type: "text", text: "Explain quantum computing in simple terms" }] }],
    },
  },
  {
    name: "instructions become the first system block",
    body: {
      instructions: "Be brief.",
      input: [
        { role: "system", content: "Answer in French." },
        { role: "user", content: "Hi" },
      ],
    },
    request: {
      system: [
        { type: "text", text: "Be brief." },
        { type: "text", text: "Answer in French." },
      ],
    },
  },
  {
    name: "max_output_tokens becomes max_tokens",
    body: { max_output_tokens: 300 },
    request: { max_tokens: 300 },
  },
  {
    name: "temperature, top_p and top_k pass through",
    body: { temperature: 0.2, top_p: 0.9, top_k: 40 },
    request: { temperature: 0.2, top_p: 0.9, top_k: 40 },
  },
  {
    name: "user becomes metadata.user_id (metadata itself stays with the response)",
    body: { user: "user-42", metadata: { team: "search" } },
    request: { metadata: { user_id: "user-42" } },
  },
  {
    name: "safety_identifier stands in for user",
    body: { safety_identifier: "hashed-7" },
    request: { metadata: { user_id: "hashed-7" } },
  },
  {
    name: "flat function tools become Anthropic tools with input_schema (an empty object schema when parameters are absent)",
    body: { tools: [weatherTool, { ...nowTool, cache_control: { type: "ephemeral" } }] },
    request: {
      tools: [
        {
          name: "get_weather",
          description: "Get current weather for a location",
          input_schema: weatherTool.parameters,
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
        { type: "function", name: "now" },
        { type: "tool", name: "now" },
      ],
    ] as const
  ).map(([toolChoice, anthropicChoice]) => ({
    name: `tool_choice ${JSON.stringify(toolChoice)} maps to ${JSON.stringify(anthropicChoice)}`,
    body: { tools: [nowTool], tool_choice: toolChoice },
    request: { tool_choice: anthropicChoice },
  })),
  {
    name: "parallel_tool_calls false sets disable_parallel_tool_use",
    body: { tools: [nowTool], parallel_tool_calls: false },
    request: { tool_choice: { type: "auto", disable_parallel_tool_use: true } },
  },
  {
    name: "reasoning.effort maps to adaptive thinking with effort where the model supports it",
    body: { reasoning: { effort: "high" } },
    request: { thinking: { type: "adaptive" }, output_config: { effort: "high" } },
  },
  {
    name: "reasoning.effort picks the nearest supported effort level",
    body: { reasoning: { effort: "xhigh" } },
    request: { thinking: { type: "adaptive" }, output_config: { effort: "high" } },
  },
  {
    name: "reasoning.effort maps to a manual budget on models without adaptive thinking",
    body: { model: "anthropic/claude-haiku-4-5", reasoning: { effort: "medium" } },
    request: { thinking: { type: "enabled", budget_tokens: 8192 }, max_tokens: 16384 },
  },
  {
    name: 'reasoning.effort "none" turns thinking off',
    body: { reasoning: { effort: "none" } },
    request: { thinking: { type: "disabled" } },
  },
  {
    name: "the docs' thinking object: a budget at or above max_output_tokens adds the answer's budget on top",
    body: {
      model: "anthropic/claude-opus-4-5-20251101",
      thinking: { type: "enabled", budget_tokens: 8000 },
      max_output_tokens: 2048,
    },
    request: { thinking: { type: "enabled", budget_tokens: 8000 }, max_tokens: 10048 },
  },
  {
    name: "the thinking object wins over reasoning.effort",
    body: { thinking: { type: "adaptive", effort: "low" }, reasoning: { effort: "high" } },
    request: { thinking: { type: "adaptive" }, output_config: { effort: "low" } },
  },
  {
    name: "text.format json_schema becomes output_config.format",
    body: { text: { format: { type: "json_schema", name: "answer", schema: { type: "object" }, strict: true } } },
    request: { output_config: { format: { type: "json_schema", schema: { type: "object" } } } },
  },
  {
    name: "stream: true is sent upstream",
    body: { stream: true },
    request: { stream: true },
  },
  {
    name: "a 1h cache breakpoint adds the extended cache TTL beta",
    body: {
      input: [
        {
          role: "user",
          content: [{ type: "input_text", text: "long context", cache_control: { type: "ephemeral", ttl: "1h" } }],
        },
      ],
    },
    request: {
      messages: [
        {
          role: "user",
          content: [{ type: "text", text: "long context", cache_control: { type: "ephemeral", ttl: "1h" } }],
        },
      ],
    },
    betas: ["extended-cache-ttl-2025-04-11"],
  },
  {
    name: "store: false and ignored SDK fields (include, truncation, service_tier, prompt_cache_key) are accepted",
    body: {
      store: false,
      include: ["reasoning.encrypted_content"],
      truncation: "disabled",
      service_tier: "auto",
      prompt_cache_key: "k",
    },
    request: { max_tokens: 8192 },
  },
];

describe("translateResponsesRequest", () => {
  it.each(successCases)("$name", ({ body, request, betas }) => {
    const translated = translate(body);
    expect(translated.request).toMatchObject(request);
    expect(translated.betas).toEqual(betas ?? []);
  });

  it("sends nothing the rules did not ask for", () => {
    expect(translate({ input: "Hi" })).toEqual({
      request: {
        model: "claude-sonnet-4-6",
        max_tokens: 8192,
        messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
      },
      betas: [],
      stream: false,
      settings: expect.any(Object),
    });
  });

  it("echoes the request's settings for the Response object; max_output_tokens is what went upstream", () => {
    const { settings } = translate({
      instructions: "Be brief.",
      tools: [weatherTool],
      tool_choice: "auto",
      metadata: { team: "search" },
      reasoning: { effort: "low", summary: "auto" },
      temperature: 1,
      user: "user-42",
    });
    expect(settings).toEqual({
      instructions: "Be brief.",
      max_output_tokens: 8192,
      metadata: { team: "search" },
      parallel_tool_calls: true,
      reasoning: { effort: "low", summary: "auto" },
      temperature: 1,
      top_p: null,
      text: { format: { type: "text" } },
      tool_choice: "auto",
      tools: [
        {
          type: "function",
          name: "get_weather",
          description: weatherTool.description,
          parameters: weatherTool.parameters,
          strict: null,
        },
      ],
      user: "user-42",
    });
  });

  it("reads fallbacks from the top level of the body (where the SDK puts extra_body fields)", () => {
    const request = parseResponsesRequest({
      model: "anthropic/claude-sonnet-4-6",
      input: "...",
      fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }, { model: "anthropic/claude-opus-4-6" }],
    });
    expect(responsesRequestFallbacks(request)).toEqual([
      "aws/anthropic/claude-sonnet-4-6",
      "anthropic/claude-opus-4-6",
    ]);
  });
});
