import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";
import {
  PROVIDER_KEY,
  startResponsesRouteUnderTest,
  upstreamBody,
  type ResponsesRouteUnderTest,
} from "../helpers/responses-route-under-test";

/** The reference docs' Responses samples and multi-turn round trips, run with the official `openai` SDK. */
let route: ResponsesRouteUnderTest;
let upstream: FakeAnthropicServer;
let client: OpenAI;

beforeAll(async () => {
  route = await startResponsesRouteUnderTest();
  ({ upstream, client } = route);
});
afterAll(() => route?.close());
beforeEach(() => upstream.reset());

const useFixture = (fixture: string) => upstream.addRule({ scenario: { type: "fixture", fixture }, times: 1 });

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Get current weather for a location",
  parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  strict: null,
};

/** The parts of a Response that do not depend on when or how it was fetched. */
function comparable(response: object): Record<string, unknown> {
  const {
    created_at: _createdAt,
    output_parsed: _parsed,
    output_text: _text,
    ...rest
  } = JSON.parse(JSON.stringify(response)) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify(rest, (key, value) => (key === "parsed" || key === "parsed_arguments" ? undefined : value)),
  );
}

describe("official openai SDK: responses", () => {
  it("responses.create returns output_text (docs Quick Start) and sends exactly the Messages request the rules imply", async () => {
    useFixture("anthropic-text");
    const response = await client.responses.create({
      model: "anthropic/claude-sonnet-4-6",
      input: "Explain quantum computing in simple terms",
    });
    expect(response.output_text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(response).toMatchObject({
      id: "resp_01TextFixture",
      object: "response",
      status: "completed",
      model: "anthropic/claude-sonnet-4-6",
      usage: { input_tokens: 14, output_tokens: 18, total_tokens: 32 },
      error: null,
      incomplete_details: null,
    });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]!.headers).toMatchObject({
      "x-api-key": PROVIDER_KEY,
      "anthropic-version": "2023-06-01",
    });
    expect(upstream.requests[0]!.body).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 8192,
      messages: [{ role: "user", content: [{ type: "text", text: "Explain quantum computing in simple terms" }] }],
      stream: false,
    });
  });

  it('streams text deltas as event.type === "response.output_text.delta" (docs Streaming sample)', async () => {
    useFixture("anthropic-text");
    const stream = await client.responses.create({
      model: "anthropic/claude-sonnet-4-6",
      input: "Tell me a story",
      stream: true,
    });
    let text = "";
    const types: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.output_text.delta") text += event.delta;
    }
    expect(text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(upstreamBody(upstream.requests[0])).toMatchObject({ stream: true });
  });

  it.each([
    "anthropic-text",
    "anthropic-thinking",
    "anthropic-redacted-thinking",
    "anthropic-cache-usage",
    "anthropic-tool-use",
    "anthropic-thinking-tool-use",
  ])("%s: the responses.stream() helper's finalResponse() equals the non-stream result", async (fixture) => {
    const body = { model: "anthropic/claude-opus-4-5-20251101", input: "Design a rate limiter" };
    useFixture(fixture);
    const nonStream = await client.responses.create(body);
    useFixture(fixture);
    const streamed = await client.responses.stream(body).finalResponse();
    expect(comparable(streamed)).toEqual(comparable(nonStream));
    expect(streamed.output_text).toBe(nonStream.output_text);
    expect(Math.abs(streamed.created_at - nonStream.created_at)).toBeLessThanOrEqual(2);
  });

  it("round-trips a tool call: function_call out, function_call_output back (docs Tool Use sample)", async () => {
    useFixture("anthropic-tool-use");
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "What's the weather in Tokyo?" }];
    const first = await client.responses.create({ model: "anthropic/claude-sonnet-4-6", input, tools: [weatherTool] });
    const call = first.output.find(
      (item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === "function_call",
    );
    expect(call).toMatchObject({ call_id: "toolu_01WeatherFixture", name: "get_weather", status: "completed" });
    expect(JSON.parse(call!.arguments)).toEqual({ location: "Tokyo", unit: "celsius" });
    expect(upstreamBody(upstream.requests[0]).tools).toEqual([
      { name: "get_weather", description: weatherTool.description, input_schema: weatherTool.parameters },
    ]);

    useFixture("anthropic-text");
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), {
      type: "function_call_output",
      call_id: call!.call_id,
      output: "22°C, clear",
    });
    const second = await client.responses.create({ model: "anthropic/claude-sonnet-4-6", input, tools: [weatherTool] });
    expect(second.output_text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(upstreamBody(upstream.requests[1]).messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What's the weather in Tokyo?" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Let me check the weather." },
          {
            type: "tool_use",
            id: "toolu_01WeatherFixture",
            name: "get_weather",
            input: { location: "Tokyo", unit: "celsius" },
          },
        ],
      },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_01WeatherFixture", content: "22°C, clear" }],
      },
    ]);
  });

  it("carries a two-turn conversation with thinking and a tool call through Responses items, signatures intact", async () => {
    const signature = "EuYBCkQIBhgCIkAsig4ThinkingToolFixture+/Zq==";
    // The fake upstream rejects a turn whose thinking block was altered, as Anthropic does.
    upstream.verifyThinkingSignatures();
    const body = { model: "anthropic/claude-sonnet-4-6", reasoning: { effort: "high" as const }, tools: [weatherTool] };
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "What's the weather in Tokyo?" }];

    useFixture("anthropic-thinking-tool-use");
    const first = await client.responses.stream({ ...body, input }).finalResponse();
    expect(first.output.map((item) => item.type)).toEqual(["reasoning", "message", "function_call"]);
    expect(first.output[0]).toMatchObject({ type: "reasoning", encrypted_content: signature });
    const call = first.output[2] as OpenAI.Responses.ResponseFunctionToolCall;

    useFixture("anthropic-text");
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), {
      type: "function_call_output",
      call_id: call.call_id,
      output: "22°C, clear",
    });
    const second = await client.responses.create({ ...body, input });
    expect(second.status).toBe("completed");

    const sent = upstreamBody(upstream.requests[1]);
    expect(sent).toMatchObject({ thinking: { type: "adaptive" }, output_config: { effort: "high" } });
    expect(sent.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "What's the weather in Tokyo?" }] },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "The user wants Tokyo's weather. I should call get_weather.", signature },
          { type: "text", text: "Checking the weather in Tokyo." },
          { type: "tool_use", id: "toolu_01TokyoFixture", name: "get_weather", input: { location: "Tokyo" } },
        ],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_01TokyoFixture", content: "22°C, clear" }] },
    ]);
  });

  it("hands redacted thinking back byte for byte", async () => {
    useFixture("anthropic-redacted-thinking");
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "Think hard." }];
    const first = await client.responses.create({
      model: "anthropic/claude-sonnet-4-5",
      input,
      reasoning: { effort: "low" },
    });
    useFixture("anthropic-text");
    input.push(...(first.output as OpenAI.Responses.ResponseInputItem[]), { role: "user", content: "And then?" });
    await client.responses.create({ model: "anthropic/claude-sonnet-4-5", input, reasoning: { effort: "low" } });
    expect(upstreamBody(upstream.requests[1]).messages[1]).toEqual({
      role: "assistant",
      content: [
        {
          type: "redacted_thinking",
          data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB5URj2pRmRZQ==",
        },
        {
          type: "thinking",
          thinking: "The visible part of the reasoning.",
          signature: "EqQBCkYIBRgCIkBsig2Redacted==",
        },
        { type: "text", text: "Here is my answer." },
      ],
    });
  });

  it("sends images and PDFs as image and document blocks", async () => {
    useFixture("anthropic-text");
    await client.responses.create({
      model: "anthropic/claude-opus-4-6",
      input: [
        {
          role: "user",
          content: [
            { type: "input_text", text: "Compare these." },
            { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=", detail: "auto" },
            { type: "input_file", file_data: "data:application/pdf;base64,JVBERi0xLjQK", filename: "report.pdf" },
            { type: "input_file", file_url: "https://example.com/document.pdf" },
          ],
        },
      ],
    });
    expect(upstreamBody(upstream.requests[0]).messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Compare these." },
          { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
          {
            type: "document",
            source: { type: "base64", media_type: "application/pdf", data: "JVBERi0xLjQK" },
            title: "report.pdf",
          },
          { type: "document", source: { type: "url", url: "https://example.com/document.pdf" } },
        ],
      },
    ]);
  });

  it("falls back through top-level fallbacks (docs multi-provider sample) and reports the attempts", async () => {
    upstream.addRule({
      match: (request) => upstreamBody(request).model === "claude-sonnet-4-6",
      scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
    });
    useFixture("anthropic-text");
    const { data: response, response: raw } = await client.responses
      .create({
        model: "anthropic/claude-sonnet-4-6",
        input: "...",
        // @ts-expect-error -- unknown top-level fields are forwarded as-is by the TypeScript SDK (Python: extra_body)
        fallbacks: [{ model: "aws/anthropic/claude-sonnet-4-6" }, { model: "anthropic/claude-opus-4-6" }],
      })
      .withResponse();
    expect(response.output_text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(response.model).toBe("anthropic/claude-opus-4-6");
    expect(raw.headers.get("x-switchyard-model")).toBe("anthropic/claude-opus-4-6");
    expect(raw.headers.get("x-switchyard-attempts")).toMatch(
      /^anthropic\/claude-sonnet-4-6;status=503;ms=\d+;error=provider_overloaded, aws\/anthropic\/claude-sonnet-4-6;status=400;ms=\d+;error=provider_not_configured, anthropic\/claude-opus-4-6;status=200;ms=\d+$/,
    );
    expect(upstream.requests.map((request) => upstreamBody(request).model)).toEqual([
      "claude-sonnet-4-6",
      "claude-opus-4-6",
    ]);
  });

  it("falls back before the first byte of a stream too", async () => {
    upstream.addRule({
      match: (request) => upstreamBody(request).model === "claude-sonnet-4-6",
      scenario: { type: "error", status: 429, errorType: "rate_limit_error", message: "Slow down" },
    });
    useFixture("anthropic-text");
    // Not an object literal at the call: the extra top-level field passes the SDK's types.
    const params = {
      model: "anthropic/claude-sonnet-4-6",
      input: "...",
      fallbacks: [{ model: "anthropic/claude-opus-4-6" }],
    };
    const final = await client.responses.stream(params).finalResponse();
    expect(final.model).toBe("anthropic/claude-opus-4-6");
    expect(final.output_text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
  });
});
