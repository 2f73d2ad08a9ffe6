/**
 * Responses API acceptance (issue 6) over real HTTP: the official `openai` SDK against the
 * running app (`switchyard start`) with an Anthropic BYOK credential whose base URL is the fake.
 * The docs' samples themselves run in gateway-reference-samples.test.ts.
 */
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3443;
const MODEL = "anthropic/claude-sonnet-4-6";

let gateway: GatewayUnderTest;
let client: OpenAI;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
  client = new OpenAI({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
}, 240_000);
afterAll(() => gateway?.stop());
beforeEach(() => gateway.fake.reset());

const serve = (fixture: string) => gateway.fake.addRule({ scenario: { type: "fixture", fixture }, times: 1 });
const upstreamMessages = (index: number) => (gateway.fake.requests[index]?.body as { messages: unknown[] }).messages;

const weatherTool = {
  type: "function" as const,
  name: "get_weather",
  description: "Get current weather for a location",
  parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  strict: null,
};

/** A Response without what depends on when it was fetched or on the SDK's own parsing. */
function comparable(response: object): Record<string, unknown> {
  const {
    created_at: _createdAt,
    output_parsed: _parsed,
    output_text: _text,
    ...rest
  } = JSON.parse(JSON.stringify(response));
  return JSON.parse(
    JSON.stringify(rest, (key, value) => (key === "parsed" || key === "parsed_arguments" ? undefined : value)),
  );
}

describe("responses.stream() helper vs responses.create() for the same upstream transcript", () => {
  it.each([
    "anthropic-text",
    "anthropic-pings",
    "anthropic-thinking",
    "anthropic-thinking-signature-only",
    "anthropic-redacted-thinking",
    "anthropic-tool-use",
    "anthropic-tool-use-empty-arguments",
    "anthropic-thinking-tool-use",
    "anthropic-cache-usage",
    "anthropic-max-tokens",
  ])("%s: finalResponse() equals the non-stream Response", async (fixture) => {
    const body = { model: MODEL, input: "Design a rate limiter", tools: [weatherTool] };
    serve(fixture);
    const created = await client.responses.create(body);
    serve(fixture);
    const streamed = await client.responses.stream(body).finalResponse();

    expect(comparable(streamed)).toEqual(comparable(created));
    expect(streamed.output_text).toBe(created.output_text);
    expect(created.output.length).toBeGreaterThan(0);
    expect(gateway.fake.requests.map((request) => (request.body as { stream: boolean }).stream)).toEqual([false, true]);
  });
});

describe("a two-turn conversation with thinking and a tool call, carried by Responses items", () => {
  const signature = "EuYBCkQIBhgCIkAsig4ThinkingToolFixture+/Zq==";
  const body = { model: MODEL, reasoning: { effort: "high" as const }, tools: [weatherTool] };

  /** Turn one (streamed): reasoning + message + function_call items; returns the input for turn two. */
  async function firstTurn(): Promise<OpenAI.Responses.ResponseInput> {
    const input: OpenAI.Responses.ResponseInput = [{ role: "user", content: "What's the weather in Tokyo?" }];
    serve("anthropic-thinking-tool-use");
    const first = await client.responses.stream({ ...body, input }).finalResponse();
    expect(first.output.map((item) => item.type)).toEqual(["reasoning", "message", "function_call"]);
    expect(first.output[0]).toMatchObject({ type: "reasoning", encrypted_content: signature });
    const call = first.output[2] as OpenAI.Responses.ResponseFunctionToolCall;
    return [
      ...input,
      ...(first.output as OpenAI.Responses.ResponseInputItem[]),
      { type: "function_call_output", call_id: call.call_id, output: "22°C, clear" },
    ];
  }

  it("reaches Anthropic with the thinking block and its signature intact (the fake verifies them)", async () => {
    gateway.fake.verifyThinkingSignatures();
    const input = await firstTurn();
    serve("anthropic-text");
    const second = await client.responses.create({ ...body, input });

    expect(second.status).toBe("completed");
    expect(second.output_text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(upstreamMessages(1)).toEqual([
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

  it("an altered signature is refused by the upstream, and the client gets its 400 in OpenAI shape", async () => {
    gateway.fake.verifyThinkingSignatures();
    const input = await firstTurn();
    const tampered = input.map((item) =>
      "type" in item && item.type === "reasoning" ? { ...item, encrypted_content: `${item.encrypted_content}x` } : item,
    );
    serve("anthropic-text");
    const failure = await client.responses.create({ ...body, input: tampered }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).error).toMatchObject({
      type: "invalid_request_error",
      message: expect.stringMatching(/messages\.1\.content\.0: Invalid `signature` in `thinking` block/),
    });
  });
});
