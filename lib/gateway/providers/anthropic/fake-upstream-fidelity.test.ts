import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anthropicFixtureNames } from "@/tests/fake-upstream/anthropic-fixtures";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";

/** The official Anthropic SDK reads the fake exactly as it reads the real API. */
let fake: FakeAnthropicServer;
let client: Anthropic;

beforeAll(async () => {
  fake = await startFakeAnthropicServer();
  client = new Anthropic({ apiKey: "sk-ant-test", baseURL: fake.url, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const params = { model: "claude-sonnet-4-6", max_tokens: 1024, messages: [{ role: "user" as const, content: "Hi" }] };

describe("fake Anthropic upstream", () => {
  it.each(anthropicFixtureNames.filter((name) => name !== "anthropic-error-mid-stream"))(
    "%s: the SDK's streamed final message equals the non-streaming response",
    async (fixture) => {
      fake.addRule({ scenario: { type: "fixture", fixture }, times: 2 });
      const created = await client.messages.create(params);
      const streamed = await client.messages.stream(params).finalMessage();
      expect(streamed.content).toEqual(created.content);
      expect(streamed.stop_reason).toEqual(created.stop_reason);
      expect(streamed.usage.output_tokens).toEqual(created.usage.output_tokens);
    },
  );

  it("reports an in-stream error event to the SDK", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-error-mid-stream" } });
    await expect(client.messages.stream(params).finalMessage()).rejects.toThrow(/Overloaded/);
  });

  it("answers 529 overloaded_error with Anthropic's error body", async () => {
    fake.addRule({ scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" } });
    await expect(client.messages.create(params)).rejects.toMatchObject({
      status: 529,
      error: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    });
  });

  it("rejects a request without max_tokens the way Anthropic does", async () => {
    const { max_tokens: _omitted, ...withoutMaxTokens } = params;
    await expect(client.messages.create(withoutMaxTokens as never)).rejects.toMatchObject({
      status: 400,
      error: { error: { type: "invalid_request_error", message: "max_tokens: Field required" } },
    });
  });

  it("records method, path, headers and parsed body of every request", async () => {
    await client.messages.create(params);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/messages",
      headers: { "anthropic-version": expect.any(String) },
      body: params,
    });
  });

  it("lets a request pick its fixture with the x-fake-scenario header", async () => {
    const message = await client.messages.create(params, { headers: { "x-fake-scenario": "anthropic-thinking" } });
    expect(message.content.map((block) => block.type)).toEqual(["thinking", "text"]);
  });

  it("counts tokens", async () => {
    const count = await client.messages.countTokens({ model: params.model, messages: params.messages });
    expect(count.input_tokens).toBeGreaterThan(0);
  });

  it("when verifying signatures, accepts thinking blocks it served byte for byte and rejects altered ones as Anthropic does", async () => {
    fake.verifyThinkingSignatures();
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-redacted-thinking" }, times: 1 });
    const first = await client.messages.create(params);
    const turn = (content: typeof first.content) => ({
      ...params,
      messages: [
        ...params.messages,
        { role: "assistant" as const, content },
        { role: "user" as const, content: "And then?" },
      ],
    });
    await expect(client.messages.create(turn(first.content))).resolves.toMatchObject({ type: "message" });

    const tampered = first.content.map((block) =>
      block.type === "thinking" ? { ...block, signature: `${block.signature}x` } : block,
    );
    const thinkingIndex = first.content.findIndex((block) => block.type === "thinking");
    await expect(client.messages.create(turn(tampered))).rejects.toMatchObject({
      status: 400,
      error: {
        error: {
          type: "invalid_request_error",
          message: `messages.1.content.${thinkingIndex}: Invalid \`signature\` in \`thinking\` block`,
        },
      },
    });
    const redacted = first.content.map((block) =>
      block.type === "redacted_thinking" ? { ...block, data: "AAAA" } : block,
    );
    await expect(client.messages.create(turn(redacted))).rejects.toMatchObject({ status: 400 });
  });
});
