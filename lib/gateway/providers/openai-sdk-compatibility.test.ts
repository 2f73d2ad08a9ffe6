import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";
import { assembleMessage } from "../core/assemble-message";
import { InvalidRequestError } from "../core/gateway-error";
import { createMessage, streamMessage } from "./message-events";
import { encodeChatCompletion } from "../core/protocol/openai-chat/encode-chat-completion";
import {
  chatStreamHeaders,
  encodeChatCompletionStream,
} from "../core/protocol/openai-chat/encode-chat-completion-stream";
import { toOpenAIErrorResponse } from "../core/protocol/openai-chat/openai-error";
import { parseChatCompletionRequest, translateChatRequest } from "../core/protocol/openai-chat/translate-chat-request";
import { asyncRequestListener } from "@/tests/helpers/async-request-listener";

/**
 * The official `openai` client against a tiny node:http server that runs the real pipeline:
 * parse → translate → fake Anthropic upstream → decode → encode. Proves the SDK reads what
 * the encoders produce (stream and non-stream, errors included).
 */
let upstream: FakeAnthropicServer;
let server: Server;
let client: OpenAI;

beforeAll(async () => {
  upstream = await startFakeAnthropicServer();
  server = createServer(
    asyncRequestListener(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      try {
        const chatRequest = parseChatCompletionRequest(JSON.parse(Buffer.concat(chunks).toString()));
        const model = resolveGatewayModel(chatRequest.model);
        if (!model) throw new InvalidRequestError(`Unknown model ${chatRequest.model}`, { param: "model" });
        const translated = translateChatRequest(chatRequest, model);
        const call = {
          model,
          credential: { provider: "anthropic" as const, apiKey: "sk-ant-test", baseUrl: upstream.url },
          request: translated.request,
          betas: translated.betas,
        };
        if (translated.stream) {
          const events = await streamMessage(call);
          response.writeHead(200, chatStreamHeaders);
          const body = Readable.fromWeb(
            encodeChatCompletionStream(events, {
              model: chatRequest.model,
              includeUsage: translated.includeUsage,
            }) as never,
          );
          // What a route must do: a client disconnect cancels the pipeline, closing the upstream.
          response.on("close", () => body.destroy());
          body.pipe(response);
        } else {
          const completion = encodeChatCompletion(assembleMessage(await createMessage(call)), {
            model: chatRequest.model,
          });
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion));
        }
      } catch (error) {
        const { status, body, headers } = toOpenAIErrorResponse(error);
        response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      }
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new OpenAI({
    apiKey: "sy-test-key",
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/router`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await upstream.close();
});
beforeEach(() => upstream.reset());

const useFixture = (fixture: string) => upstream.addRule({ scenario: { type: "fixture", fixture } });

describe("official openai SDK", () => {
  it("chat.completions.create returns the message content (docs Quick Start)", async () => {
    useFixture("anthropic-text");
    const response = await client.chat.completions.create({
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Explain quantum computing in simple terms" }],
      max_tokens: 1024,
    });
    expect(response.choices[0]?.message.content).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
    expect(response.model).toBe("anthropic/claude-sonnet-4-6");
    expect(response.usage?.total_tokens).toBe(32);
    expect(upstream.requests[0]?.body).toEqual({
      model: "claude-sonnet-4-6",
      max_tokens: 1024,
      messages: [{ role: "user", content: [{ type: "text", text: "Explain quantum computing in simple terms" }] }],
      stream: false,
    });
  });

  it("stream iteration yields content deltas (docs Streaming sample)", async () => {
    useFixture("anthropic-text");
    const stream = await client.chat.completions.create({
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Tell me a story" }],
      max_tokens: 2048,
      stream: true,
    });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content || "";
    expect(text).toBe("Quantum computers use qubits, which can hold 0 and 1 at once.");
  });

  it("returns the flat reasoning fields the multi-turn thinking sample reads, and accepts them back", async () => {
    useFixture("anthropic-thinking");
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "Design a rate limiting system" }];
    const body = {
      model: "anthropic/claude-opus-4-5-20251101",
      messages,
      thinking: { type: "enabled", budget_tokens: 8000 },
      max_tokens: 2048,
    };
    const response = await client.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const message = response.choices[0]!.message as OpenAI.ChatCompletionMessage & {
      reasoning?: string;
      reasoning_signature?: string;
    };
    expect(message.reasoning).toBe("A token bucket per client, sharded by client id across Redis nodes.");
    expect(message.reasoning_signature).toBe("EqQBCkYIBRgCIkBsig1ThinkingFixture==");

    const contentParts = [
      { type: "reasoning", reasoning: message.reasoning, signature: message.reasoning_signature },
      { type: "text", text: message.content },
    ];
    messages.push({ role: "assistant", content: contentParts } as never, {
      role: "user",
      content: "How would you handle 10M req/s?",
    });
    useFixture("anthropic-text");
    await client.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(upstream.requests[1]?.body).toMatchObject({
      max_tokens: 10048,
      messages: [
        expect.anything(),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: message.reasoning, signature: message.reasoning_signature },
            { type: "text", text: "Use sharded token buckets." },
          ],
        },
        expect.anything(),
      ],
    });
  });

  it("the stream helper accumulates tool call fragments into arguments", async () => {
    useFixture("anthropic-tool-use");
    const stream = client.chat.completions.stream({
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "What's the weather in Tokyo?" }],
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            parameters: { type: "object", properties: { location: { type: "string" } } },
          },
        },
      ],
      stream_options: { include_usage: true },
    });
    const completion = await stream.finalChatCompletion();
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      {
        id: "toolu_01WeatherFixture",
        type: "function",
        function: { name: "get_weather", arguments: '{"location": "Tokyo", "unit": "celsius"}' },
      },
    ]);
    expect(completion.usage?.prompt_tokens).toBe(380);
  });

  it("a mid-stream upstream error surfaces as an APIError while iterating", async () => {
    useFixture("anthropic-error-mid-stream");
    const stream = await client.chat.completions.create({
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "Go" }],
      stream: true,
    });
    const received: string[] = [];
    const iterate = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta?.content ?? "");
    };
    await expect(iterate()).rejects.toMatchObject({
      error: { type: "upstream_error", code: "provider_overloaded", message: "Overloaded" },
    });
    expect(received.join("")).toBe("Once upon a");
  });

  it("aborting the SDK stream closes the upstream connection within 1 s", async () => {
    upstream.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 4 } });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content: "Go" }], stream: true },
      { signal: controller.signal },
    );
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const [recorded] = await upstream.waitForRequests(1);
    const abortedAt = Date.now();
    controller.abort();
    await iterator.next().catch(() => undefined);
    expect((await recorded!.clientClosed) - abortedAt).toBeLessThan(1000);
  });

  it("validation errors arrive as a 400 APIError with param and nothing reaches the upstream", async () => {
    const error = await client.chat.completions
      .create({
        model: "anthropic/claude-sonnet-4-6",
        messages: [{ role: "user", content: "x" }],
        thinking: { type: "enabled", budget_tokens: 100 },
      } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error).toMatchObject({ status: 400, param: "thinking.budget_tokens", type: "invalid_request_error" });
    expect(upstream.requests).toHaveLength(0);
  });

  it("an upstream 529 arrives as a 503 APIError", async () => {
    upstream.addRule({
      scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
    });
    const error = await client.chat.completions
      .create({ model: "anthropic/claude-sonnet-4-6", messages: [{ role: "user", content: "x" }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error).toMatchObject({ status: 503, code: "provider_overloaded" });
  });
});
