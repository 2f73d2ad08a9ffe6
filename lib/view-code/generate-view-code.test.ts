import { describe, expect, it } from "vitest";
import { resolveGatewayModel } from "@/lib/catalog/model-catalog";
import { openAIShapedAnthropicVersion } from "@/lib/gateway/providers/anthropic/anthropic-client";
import {
  parseChatCompletionRequest,
  translateChatRequest,
} from "@/lib/gateway/core/protocol/openai-chat/translate-chat-request";
import {
  envReference,
  pythonRequestBody,
  runCurlSnippetWithStub,
  runPythonSnippetWithFakeOpenAI,
  typeScriptCallArguments,
  typeScriptConstructorArguments,
} from "@/tests/helpers/read-snippet";
import { SAMPLE_SIGNATURE, viewCodeTestRequests, type ViewCodeTestRequest } from "@/tests/helpers/view-code-requests";
import { DEFAULT_ABBREVIATE_OVER } from "./abbreviate-base64";
import { GATEWAY_ANTHROPIC_VERSION } from "./generate-anthropic-typescript-snippet";
import { generateViewCode } from "./generate-view-code";
import { SAMPLE_PDF_BASE64, SAMPLE_PNG_BASE64 } from "./sample-attachments";
import type { Snippet, SnippetId, ViewCodeOptions } from "./view-code-types";

const BASE_URL = "http://localhost:3000";

function generate(body: unknown, options: Partial<ViewCodeOptions> = {}) {
  const result = generateViewCode(body, { baseUrl: BASE_URL, includeFullBase64: true, ...options });
  if (!result.ok) throw new Error(result.error);
  const code = (id: SnippetId) => {
    const snippet = result.snippets.find((candidate) => candidate.id === id) as Snippet;
    if (snippet.code === null) throw new Error(`${id} unavailable: ${snippet.unavailableReason}`);
    return snippet.code;
  };
  return { result, code };
}

/** The Messages body the gateway's chat endpoint sends upstream, as /v1/messages must receive it. */
function expectedAnthropicBody(body: Record<string, unknown>) {
  const request = parseChatCompletionRequest(body);
  const translated = translateChatRequest(request, resolveGatewayModel(request.model)!);
  return {
    body: {
      ...translated.request,
      model: request.model,
      stream: translated.stream,
      ...(request.fallbacks ? { fallbacks: request.fallbacks } : {}),
    },
    betas: translated.betas,
  };
}

describe.each(Object.values(viewCodeTestRequests) as ViewCodeTestRequest[])("$name", ({ body }) => {
  const { code } = generate(body);

  it("curl posts exactly the request to /v3/router/chat/completions, with the key from $SWITCHYARD_API_KEY", () => {
    const invocation = runCurlSnippetWithStub(code("curl"));
    expect(JSON.parse(invocation.stdin)).toEqual(body);
    expect(invocation.arguments).toEqual([
      "-X",
      "POST",
      `${BASE_URL}/v3/router/chat/completions`,
      ...(body.stream ? ["--no-buffer"] : []),
      "-H",
      "Authorization: Bearer sy-test-key",
      "-H",
      "Content-Type: application/json",
      "--data-binary",
      "@-",
    ]);
  });

  it("TypeScript (openai) sends exactly the request from a client at <origin>/v3/router", () => {
    expect(typeScriptConstructorArguments(code("openai-typescript"), "OpenAI")).toEqual([
      { apiKey: envReference("SWITCHYARD_API_KEY"), baseURL: `${BASE_URL}/v3/router` },
    ]);
    expect(typeScriptCallArguments(code("openai-typescript"), "client.chat.completions.create")).toEqual([body]);
  });

  it("Python (openai) runs and sends exactly the request, extensions through extra_body", () => {
    const run = runPythonSnippetWithFakeOpenAI(code("openai-python"));
    expect(run.clientOptions).toEqual({ api_key: "sy-test-key", base_url: `${BASE_URL}/v3/router` });
    expect(pythonRequestBody(run.createArguments)).toEqual(body);
    const extensions = Object.keys(run.createArguments.extra_body ?? {});
    expect(extensions.every((key) => ["thinking", "fallbacks", "top_k"].includes(key))).toBe(true);
    expect(run.stdout).toContain("fake answer");
  });

  it("TypeScript (Anthropic SDK) sends the Messages body the gateway would send upstream, with its beta header", () => {
    const expected = expectedAnthropicBody(body);
    const snippet = code("anthropic-typescript");
    expect(typeScriptConstructorArguments(snippet, "Anthropic")).toEqual([
      {
        apiKey: envReference("SWITCHYARD_API_KEY"),
        baseURL: `${BASE_URL}/v3/router`,
        defaultHeaders: { "anthropic-version": "2023-06-01" },
      },
    ]);
    const [sentBody, requestOptions] = typeScriptCallArguments(snippet, "client.messages.create");
    expect(sentBody).toEqual(expected.body);
    expect(requestOptions).toEqual(
      expected.betas.length > 0 ? { headers: { "anthropic-beta": expected.betas.join(",") } } : undefined,
    );
  });
});

describe("what each request needs from each client", () => {
  it("keeps the gateway model prefix in the Anthropic SDK body and asks for the 1h cache TTL beta", () => {
    const { code } = generate(viewCodeTestRequests.attachmentsWithCache.body);
    const [body, options] = typeScriptCallArguments(code("anthropic-typescript"), "client.messages.create");
    expect(body).toMatchObject({ model: "anthropic/claude-sonnet-4-6", stream: false });
    expect(options).toEqual({ headers: { "anthropic-beta": "extended-cache-ttl-2025-04-11" } });
  });

  it("turns reasoning parts into thinking blocks with their signatures for the Anthropic SDK", () => {
    const { code } = generate(viewCodeTestRequests.thinkingMultiTurn.body);
    const [body] = typeScriptCallArguments(code("anthropic-typescript"), "client.messages.create");
    expect((body as { messages: Array<{ content: unknown }> }).messages[1]!.content).toEqual([
      { type: "thinking", thinking: "A token bucket per client, sharded by client id.", signature: SAMPLE_SIGNATURE },
      { type: "redacted_thinking", data: expect.stringMatching(/^EmwKAhgBEgy/) },
      { type: "text", text: "Here's a distributed rate limiting design..." },
    ]);
  });

  it("passes the gateway's extensions untyped in TypeScript and in extra_body in Python, like the reference docs", () => {
    const { code } = generate(viewCodeTestRequests.thinkingMultiTurn.body);
    expect(code("openai-typescript")).toContain('  ...{ thinking: { type: "enabled", budget_tokens: 8000 } },');
    expect(code("openai-typescript")).toContain("] as OpenAI.ChatCompletionMessageParam[],");
    expect(code("openai-python")).toContain('    extra_body={"thinking": {"type": "enabled", "budget_tokens": 8000}},');
    const plain = generate(viewCodeTestRequests.plainText.body);
    expect(plain.code("openai-typescript")).not.toMatch(/\.\.\.\{|as OpenAI/);
    expect(plain.code("openai-python")).not.toContain("extra_body");
  });

  it("pins the Anthropic API version the gateway's OpenAI-shaped endpoints use upstream", () => {
    expect(GATEWAY_ANTHROPIC_VERSION).toBe(openAIShapedAnthropicVersion);
  });

  it.each([
    ["a request with stream: true, asked for non-streaming", viewCodeTestRequests.streaming.body, false],
    ["a non-streaming request, asked for streaming", viewCodeTestRequests.plainText.body, true],
  ])("the stream option overrides %s", (_name, body, stream) => {
    const { code } = generate(body, { stream });
    const sent = JSON.parse(runCurlSnippetWithStub(code("curl")).stdin) as Record<string, unknown>;
    expect(sent.stream).toBe(stream ? true : undefined);
    if (!stream) expect(sent).not.toHaveProperty("stream_options");
    expect(code("openai-typescript")).toContain(
      stream ? "for await (const chunk of stream)" : "const message = response.choices[0].message",
    );
    expect(code("anthropic-typescript")).toContain(
      stream ? "for await (const event of stream)" : "for (const block of message.content)",
    );
    expect(code("openai-python")).toContain(stream ? "for chunk in stream:" : "print(message.content)");
  });

  it("drops top-level fields the gateway ignores", () => {
    const { code } = generate({ ...viewCodeTestRequests.plainText.body, playground_draft_id: "d1" });
    expect(JSON.parse(runCurlSnippetWithStub(code("curl")).stdin)).toEqual(viewCodeTestRequests.plainText.body);
  });

  it("normalizes the gateway origin (trailing slash)", () => {
    const { code } = generate(viewCodeTestRequests.plainText.body, { baseUrl: "https://gateway.example.com/" });
    expect(code("openai-typescript")).toContain('baseURL: "https://gateway.example.com/v3/router",');
    expect(runCurlSnippetWithStub(code("curl")).arguments[2]).toBe(
      "https://gateway.example.com/v3/router/chat/completions",
    );
  });
});

describe("large base64 values", () => {
  const attachments = viewCodeTestRequests.attachmentsWithCache.body;

  it("are abbreviated by default, keeping the start and saying how much is left out, and the snippet says it will not run", () => {
    const { result, code } = generate(attachments, { includeFullBase64: false });
    expect(result.ok && result.abbreviatedValues).toBe(2);
    const curl = code("curl");
    expect(curl).not.toContain(SAMPLE_PDF_BASE64);
    expect(curl).toMatch(/^# Note: 2 large base64 values are abbreviated/);
    const sent = JSON.parse(runCurlSnippetWithStub(curl).stdin);
    const parts = sent.messages[1].content;
    expect(parts[0]).toEqual(viewCodeTestRequests.attachmentsWithCache.body.messages[1]!.content[0]);
    expect(parts[1].file.file_data).toBe(
      `data:application/pdf;base64,${SAMPLE_PDF_BASE64.slice(0, 24)}…[${(SAMPLE_PDF_BASE64.length - 24).toLocaleString("en-US")} more characters]`,
    );
    expect(parts[2].document.data).toMatch(/^JVBERi0xLjQKMSAwIG9iago8…\[\d[\d,]* more characters\]$/);
    expect(parts[3].image_url.url).toBe("https://example.com/chart.png");
    for (const id of ["openai-typescript", "anthropic-typescript"] as const)
      expect(code(id)).toMatch(/^\/\/ Note: 2 large base64/);
    expect(code("openai-python")).toMatch(/^# Note: 2 large base64/);
  });

  it("keeps a small image whole (the 24×24 PNG is under the threshold)", () => {
    expect(SAMPLE_PNG_BASE64.length).toBeLessThan(DEFAULT_ABBREVIATE_OVER);
    const { code } = generate(attachments, { includeFullBase64: false });
    expect(code("curl")).toContain(SAMPLE_PNG_BASE64);
  });

  it("abbreviates thinking signatures and redacted thinking too", () => {
    const { result, code } = generate(viewCodeTestRequests.thinkingMultiTurn.body, { includeFullBase64: false });
    expect(result.ok && result.abbreviatedValues).toBe(2);
    expect(code("anthropic-typescript")).not.toContain(SAMPLE_SIGNATURE);
    expect(code("anthropic-typescript")).toMatch(/signature: "EqQBCkYIBRgCIkBsig1Think…\[\d+ more characters\]"/);
  });

  it("are kept whole with includeFullBase64, and nothing is said about abbreviation", () => {
    const { result, code } = generate(attachments, { includeFullBase64: true });
    expect(result.ok && result.abbreviatedValues).toBe(0);
    expect(code("curl")).not.toContain("Note:");
    expect(JSON.parse(runCurlSnippetWithStub(code("curl")).stdin)).toEqual(attachments);
  });

  it("a large attachment still makes a valid curl command (the body is not one huge argument)", () => {
    const megabyte = "A".repeat(1_400_000);
    const body = {
      model: "anthropic/claude-sonnet-4-6",
      messages: [
        { role: "user", content: [{ type: "image_url", image_url: { url: `data:image/png;base64,${megabyte}` } }] },
      ],
    };
    const { code } = generate(body);
    expect(JSON.parse(runCurlSnippetWithStub(code("curl")).stdin)).toEqual(body);
  });
});

describe("requests the gateway would reject", () => {
  it.each([
    [{ model: "anthropic/claude-sonnet-4-6", messages: [] }, "messages"],
    [{ model: "anthropic/claude-sonnet-4-6", messages: [{ role: "wizard", content: "x" }] }, "messages[0].role"],
    [{ messages: [{ role: "user", content: "x" }] }, "model"],
    ["not an object", "Invalid request body"],
  ])("an invalid body gives the gateway's own message, no snippets (%#)", (body, mention) => {
    const result = generateViewCode(body, { baseUrl: BASE_URL });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(mention);
  });

  it("a body the translator rejects still shows the chat snippets, says why the gateway answers 400, and has no Anthropic snippet", () => {
    const body = {
      model: "anthropic/claude-sonnet-4-6",
      messages: [{ role: "user", content: "x" }],
      thinking: { type: "enabled", budget_tokens: 500 },
    };
    const result = generateViewCode(body, { baseUrl: BASE_URL });
    if (!result.ok) throw new Error(result.error);
    expect(result.gatewayRejects).toMatch(/budget_tokens/);
    const anthropic = result.snippets.find((snippet) => snippet.id === "anthropic-typescript")!;
    expect(anthropic.code).toBeNull();
    expect(result.snippets.filter((snippet) => snippet.code !== null).map((snippet) => snippet.id)).toEqual([
      "curl",
      "openai-typescript",
      "openai-python",
    ]);
  });

  it("an unusable gateway URL is an error, not a broken snippet", () => {
    const result = generateViewCode(viewCodeTestRequests.plainText.body, { baseUrl: "localhost:3000" });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/http or https|absolute/) });
  });
});
