import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readAll } from "@/tests/fake-upstream/anthropic-fixtures";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";
import { assembleMessage } from "../../core/assemble-message";
import { GatewayError } from "../../core/gateway-error";
import { resolveCandidates } from "../../routing/resolve-candidates";
import { createMessage, streamMessage, type MessageCall } from "../message-events";
import { isAbortError, sendAnthropicRequest, type AnthropicCredential } from "./anthropic-client";
import type { AnthropicMessagesRequest } from "../../core/anthropic/anthropic-request";
import { guardAnthropicEventStream } from "../../core/anthropic/guard-anthropic-event-stream";

let fake: FakeAnthropicServer;
const request: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
};
const credential = () => ({ apiKey: "sk-ant-test", baseUrl: fake.url, name: "Fake Anthropic" });

// The gateway's own provider dispatch, with an Anthropic credential.
const [sonnet] = resolveCandidates("anthropic/claude-sonnet-4-6", []);
type AnthropicCall = Omit<MessageCall, "model" | "credential"> & { credential: AnthropicCredential };
const asDispatched = (call: AnthropicCall): MessageCall => ({
  ...call,
  model: sonnet!,
  credential: { provider: "anthropic", ...call.credential },
});
const createAnthropicMessage = (call: AnthropicCall) => createMessage(asDispatched(call));
const streamAnthropicMessage = (call: AnthropicCall) => streamMessage(asDispatched(call));

beforeAll(async () => {
  fake = await startFakeAnthropicServer({ apiKey: "sk-ant-test" });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("anthropic client against the fake upstream", () => {
  it("sends x-api-key, anthropic-version 2023-06-01, betas and the JSON body", async () => {
    await createAnthropicMessage({
      credential: credential(),
      request,
      betas: ["extended-cache-ttl-2025-04-11", "extended-cache-ttl-2025-04-11"],
    });
    const [recorded] = fake.requests;
    expect(recorded).toMatchObject({
      method: "POST",
      path: "/v1/messages",
      headers: {
        "x-api-key": "sk-ant-test",
        "anthropic-version": "2023-06-01",
        "anthropic-beta": "extended-cache-ttl-2025-04-11",
        "content-type": "application/json",
      },
      body: { ...request, stream: false },
    });
  });

  it("decodes a non-streaming response", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-tool-use" } });
    const message = assembleMessage(await createAnthropicMessage({ credential: credential(), request }));
    expect(message.stopReason).toBe("tool_use");
    expect(message.blocks.at(-1)).toEqual({
      type: "tool-call",
      toolCallId: "toolu_01WeatherFixture",
      toolName: "get_weather",
      arguments: '{"location":"Tokyo","unit":"celsius"}',
    });
  });

  it("streams canonical events", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-thinking" } });
    const events = await readAll(await streamAnthropicMessage({ credential: credential(), request }));
    expect(fake.requests[0]?.body).toMatchObject({ stream: true });
    expect(assembleMessage(events).blocks.map((block) => block.type)).toEqual(["reasoning", "text"]);
  });

  it("throws mapped errors before the first byte (529 → retryable 503)", async () => {
    fake.addRule({ scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" } });
    await expect(streamAnthropicMessage({ credential: credential(), request })).rejects.toMatchObject({
      status: 503,
      retryable: true,
      message: "Overloaded",
    });
  });

  it("keeps retry-after from a 429", async () => {
    fake.addRule({
      scenario: { type: "error", status: 429, errorType: "rate_limit_error", message: "Slow down", retryAfter: "3" },
    });
    await expect(createAnthropicMessage({ credential: credential(), request })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3,
    });
  });

  it("names the credential, not the key, when the provider rejects it", async () => {
    const error = await createAnthropicMessage({
      credential: { ...credential(), apiKey: "sk-ant-wrong" },
      request,
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 502, code: "provider_authentication_failed" });
    expect(error.message).toContain('"Fake Anthropic"');
    expect(error.message).not.toContain("sk-ant-wrong");
  });

  it("maps a refused connection to a retryable 502", async () => {
    const closed = await startFakeAnthropicServer();
    const url = closed.url;
    await closed.close();
    await expect(createAnthropicMessage({ credential: { apiKey: "k", baseUrl: url }, request })).rejects.toMatchObject({
      status: 502,
      code: "provider_connection_failed",
      retryable: true,
    });
  });

  it("maps a socket destroyed before the response to a retryable 502", async () => {
    fake.addRule({ scenario: { type: "destroy" } });
    await expect(createAnthropicMessage({ credential: credential(), request })).rejects.toMatchObject({
      status: 502,
      retryable: true,
    });
  });

  it("times out waiting for response headers", async () => {
    fake.addRule({ scenario: { type: "hang" } });
    await expect(createAnthropicMessage({ credential: credential(), request, timeoutMs: 100 })).rejects.toMatchObject({
      status: 504,
      code: "provider_timeout",
    });
  });

  it("turns a connection reset mid-stream into a final error event", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", destroyAfterEvents: 3 } });
    const events = await readAll(await streamAnthropicMessage({ credential: credential(), request }));
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "stream_truncated" } });
  });

  it("posts count_tokens", async () => {
    const response = await sendAnthropicRequest({
      credential: credential(),
      path: "/v1/messages/count_tokens",
      body: { model: "claude-sonnet-4-6", messages: request.messages },
    });
    expect(await response.json()).toEqual({ input_tokens: expect.any(Number) });
  });
});

describe("aborts", () => {
  it("closes the upstream connection within 1 s when the caller aborts before the first token", async () => {
    fake.addRule({ scenario: { type: "hang" } });
    const controller = new AbortController();
    const pending = streamAnthropicMessage({ credential: credential(), request, signal: controller.signal });
    const [recorded] = await fake.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending.catch((caught) => caught);
    expect(isAbortError(error)).toBe(true);
    expect((await recorded!.clientClosed) - abortedAt).toBeLessThan(1000);
  });

  it("closes the upstream connection within 1 s when the caller aborts mid-stream", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 3 } });
    const controller = new AbortController();
    const events = await streamAnthropicMessage({ credential: credential(), request, signal: controller.signal });
    const reader = events.getReader();
    expect((await reader.read()).value).toMatchObject({ type: "message-start" });
    const [recorded] = await fake.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    await reader.read().catch(() => undefined);
    expect((await recorded!.clientClosed) - abortedAt).toBeLessThan(1000);
  });

  it("closes the upstream connection when the consumer cancels the stream (client disconnect)", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 3 } });
    const events = await streamAnthropicMessage({ credential: credential(), request });
    const reader = events.getReader();
    await reader.read();
    const [recorded] = await fake.waitForRequests(1);
    const cancelledAt = Date.now();
    await reader.cancel();
    expect((await recorded!.clientClosed) - cancelledAt).toBeLessThan(1000);
  });
});

describe("guardAnthropicEventStream (/v1/messages passthrough)", () => {
  it("forwards a complete stream byte for byte", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-pings" } });
    const direct = await sendAnthropicRequest({
      credential: credential(),
      body: { ...request, stream: true },
      stream: true,
    });
    const original = Buffer.concat(await readAll(direct.body!)).toString();
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-pings" } });
    const guarded = await sendAnthropicRequest({
      credential: credential(),
      body: { ...request, stream: true },
      stream: true,
    });
    expect(Buffer.concat(await readAll(guardAnthropicEventStream(guarded.body!))).toString()).toBe(original);
  });

  it("appends an Anthropic error event when the upstream breaks mid-stream", async () => {
    fake.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", destroyAfterEvents: 3 } });
    const response = await sendAnthropicRequest({
      credential: credential(),
      body: { ...request, stream: true },
      stream: true,
    });
    const text = Buffer.concat(await readAll(guardAnthropicEventStream(response.body!))).toString();
    expect(
      text.endsWith(
        'event: error\ndata: {"type":"error","error":{"type":"api_error","message":"The provider\'s stream ended before the message was complete. Anthropic with credential \\"Fake Anthropic\\" closed the connection before the end of its answer."}}\n\n',
      ),
    ).toBe(true);
  });
});
