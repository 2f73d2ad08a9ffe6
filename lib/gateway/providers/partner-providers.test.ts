/**
 * Bedrock and Vertex against their local fakes, driven by the same recorded Anthropic
 * transcripts as the Anthropic fake: every provider must produce the same canonical events.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resolveGatewayModel, type ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { anthropicFixtureNames, readAll } from "@/tests/fake-upstream/anthropic-fixtures";
import { startFakeAnthropicServer, type FakeAnthropicServer } from "@/tests/fake-upstream/fake-anthropic-server";
import { startFakeBedrockServer, type FakeBedrockServer } from "@/tests/fake-upstream/fake-bedrock-server";
import {
  createTestServiceAccount,
  startFakeVertexServer,
  type FakeVertexServer,
} from "@/tests/fake-upstream/fake-vertex-server";
import type { CanonicalEvent } from "../core/canonical";
import { GatewayError } from "../core/gateway-error";
import type { AnthropicMessagesRequest } from "../core/anthropic/anthropic-request";
import { guardAnthropicEventStream } from "../core/anthropic/guard-anthropic-event-stream";
import { createMessage, streamMessage } from "./message-events";
import type { BedrockCredential, ProviderCredential, VertexCredential } from "./provider-credential";
import { sendCountTokensRequest, dispatchMessagesRequest } from "./dispatch-by-platform";
import { forgetGoogleAccessTokens, googleAccessToken } from "./vertex/google-access-token";
import { parseServiceAccount } from "./vertex/service-account";

const AWS = {
  accessKeyId: "AKIAFAKEBEDROCK00001",
  secretAccessKey: "fake/bedrock+secret/key/000000000000000",
  region: "us-east-1",
};
const PROJECT = "switchyard-tests";
const serviceAccount = createTestServiceAccount(PROJECT);

let anthropic: FakeAnthropicServer;
let bedrock: FakeBedrockServer;
let vertex: FakeVertexServer;

const request: AnthropicMessagesRequest = {
  model: "claude-sonnet-4-6",
  max_tokens: 1024,
  messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }],
};

const model = (id: string) => resolveGatewayModel(id)!;
const anthropicCredential = (): ProviderCredential => ({
  provider: "anthropic",
  apiKey: "sk-ant-test",
  baseUrl: anthropic.url,
  name: "Fake Anthropic",
});
const bedrockCredential = (overrides: Partial<BedrockCredential> = {}): BedrockCredential => ({
  provider: "aws",
  name: "Bedrock Production",
  ...AWS,
  baseUrl: bedrock.url,
  ...overrides,
});
const vertexCredential = (overrides: Partial<VertexCredential> = {}): VertexCredential => ({
  provider: "google",
  name: "Vertex Production",
  serviceAccount: parseServiceAccount(serviceAccount.json)!,
  projectId: PROJECT,
  region: "us-east5",
  baseUrl: vertex.url,
  tokenUrl: vertex.tokenUrl,
  ...overrides,
});

beforeAll(async () => {
  anthropic = await startFakeAnthropicServer({ apiKey: "sk-ant-test" });
  bedrock = await startFakeBedrockServer(AWS);
  vertex = await startFakeVertexServer({ serviceAccount, projectId: PROJECT, region: "us-east5" });
});
afterAll(async () => {
  await Promise.all([anthropic.close(), bedrock.close(), vertex.close()]);
});
beforeEach(() => {
  anthropic.reset();
  bedrock.reset();
  vertex.reset();
});

/** Canonical events without the provider-specific model id. */
function comparable(events: CanonicalEvent[]) {
  return events.map((event) => (event.type === "message-start" ? { ...event, model: "(model)" } : event));
}

async function streamed(gatewayModel: ResolvedGatewayModel, credential: ProviderCredential, fixture: string) {
  return comparable(
    await readAll(
      await streamMessage({
        model: gatewayModel,
        credential,
        request: { ...request, metadata: { user_id: fixture } } as AnthropicMessagesRequest,
      }),
    ),
  );
}

function serveFixtureEverywhere(fixture: string) {
  const rule = { scenario: { type: "fixture" as const, fixture } };
  anthropic.addRule(rule);
  bedrock.addRule(rule);
  vertex.addRule(rule);
}

describe("the same transcripts through Anthropic, Bedrock and Vertex", () => {
  const sameEverywhere = anthropicFixtureNames.filter((name) => name !== "anthropic-error-mid-stream");

  it.each(sameEverywhere)("%s streams to the same canonical events", async (fixture) => {
    serveFixtureEverywhere(fixture);
    const expected = await streamed(model("anthropic/claude-sonnet-4-6"), anthropicCredential(), fixture);
    expect(await streamed(model("aws/anthropic/claude-sonnet-4-6"), bedrockCredential(), fixture)).toEqual(expected);
    expect(await streamed(model("google/anthropic/claude-sonnet-4-6"), vertexCredential(), fixture)).toEqual(expected);
  });

  it.each(sameEverywhere)("%s non-streaming gives the same canonical events", async (fixture) => {
    serveFixtureEverywhere(fixture);
    const call = (gatewayModel: ResolvedGatewayModel, credential: ProviderCredential) =>
      createMessage({ model: gatewayModel, credential, request }).then(comparable);
    const expected = await call(model("anthropic/claude-sonnet-4-6"), anthropicCredential());
    expect(await call(model("aws/anthropic/claude-sonnet-4-6"), bedrockCredential())).toEqual(expected);
    expect(await call(model("google/anthropic/claude-sonnet-4-6"), vertexCredential())).toEqual(expected);
  });

  it("an error mid-stream ends every provider's stream with one error event after the same text", async () => {
    serveFixtureEverywhere("anthropic-error-mid-stream");
    for (const [gatewayModel, credential] of [
      [model("anthropic/claude-sonnet-4-6"), anthropicCredential()],
      [model("aws/anthropic/claude-sonnet-4-6"), bedrockCredential()],
      [model("google/anthropic/claude-sonnet-4-6"), vertexCredential()],
    ] as const) {
      const events = await streamed(gatewayModel, credential, "anthropic-error-mid-stream");
      expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
      expect(
        events
          .filter((event) => event.type === "text-delta")
          .map((event) => (event as { text: string }).text)
          .join(""),
      ).toBe("Once upon a");
    }
  });
});

describe("Amazon Bedrock", () => {
  it("signs InvokeModelWithResponseStream with SigV4 and sends Bedrock's body: model in the URL, bedrock anthropic_version", async () => {
    await readAll(
      await streamMessage({
        model: model("aws/anthropic/claude-sonnet-4-6"),
        credential: bedrockCredential(),
        request,
      }),
    );
    const [recorded] = bedrock.requests;
    expect(recorded!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAFAKEBEDROCK00001\/\d{8}\/us-east-1\/bedrock\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(recorded!.headers.accept).toBe("application/vnd.amazon.eventstream");
    const { model: _model, ...rest } = request;
    expect(bedrock.invocationOf(recorded!)).toEqual({
      operation: "invoke-with-response-stream",
      modelId: "global.anthropic.claude-sonnet-4-6",
      body: { anthropic_version: "bedrock-2023-05-31", ...rest },
    });
  });

  it("a wrong secret fails the fake's signature check: 502 naming the credential, retryable, secret never echoed", async () => {
    const error = await createMessage({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential({ secretAccessKey: "wrong-secret-WRONG" }),
      request,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 502, code: "provider_authentication_failed", retryable: true });
    expect((error as Error).message).toMatch(
      /Amazon Bedrock rejected the credential "Bedrock Production" \(HTTP 403\)/,
    );
    expect((error as Error).message).not.toMatch(/WRONG|AKIA/);
  });

  it("signs and sends a session token for temporary credentials", async () => {
    const withToken = await startFakeBedrockServer({ ...AWS, sessionToken: "FwoGZXIvYXdzEXAMPLE-session" });
    try {
      await createMessage({
        model: model("aws/anthropic/claude-sonnet-4-6"),
        credential: bedrockCredential({ baseUrl: withToken.url, sessionToken: "FwoGZXIvYXdzEXAMPLE-session" }),
        request,
      });
      expect(withToken.requests[0]!.headers["x-amz-security-token"]).toBe("FwoGZXIvYXdzEXAMPLE-session");
      expect(withToken.requests[0]!.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
    } finally {
      await withToken.close();
    }
  });

  it.each([
    { setting: "the default (global profile)", credential: {}, modelId: "global.anthropic.claude-sonnet-4-6" },
    {
      setting: "the eu inference profile",
      credential: { inferenceProfile: "eu" as const },
      modelId: "eu.anthropic.claude-sonnet-4-6",
    },
    {
      setting: "no inference profile",
      credential: { inferenceProfile: "none" as const },
      modelId: "anthropic.claude-sonnet-4-6",
    },
    {
      setting: "a per-credential override",
      credential: {
        modelIds: {
          "claude-sonnet-4-6": "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
        },
      },
      modelId: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
    },
  ])("calls the catalog model by $setting", async ({ credential, modelId }) => {
    await createMessage({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(credential),
      request,
    });
    expect(bedrock.invocationOf(bedrock.requests[0]!)).toMatchObject({ operation: "invoke", modelId });
  });

  it("passes a Bedrock model id the client names through unchanged", async () => {
    await createMessage({
      model: model("aws/anthropic/anthropic.claude-3-5-sonnet-20240620-v1:0"),
      credential: bedrockCredential(),
      request,
    });
    expect(bedrock.requests[0]!.path).toBe("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/invoke");
  });

  it("sends betas as anthropic_beta in the body, without the gateway's extended-cache-ttl flag", async () => {
    await createMessage({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(),
      request,
      betas: ["extended-cache-ttl-2025-04-11", "context-1m-2025-08-07"],
    });
    expect(bedrock.invocationOf(bedrock.requests[0]!).body.anthropic_beta).toEqual(["context-1m-2025-08-07"]);
  });

  it("counts tokens with CountTokens on the bare foundation model id, answered as {input_tokens}", async () => {
    const response = await sendCountTokensRequest({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(),
      body: { model: "ignored", messages: request.messages },
    });
    expect(await response.json()).toEqual({ input_tokens: expect.any(Number) });
    expect(bedrock.invocationOf(bedrock.requests[0]!)).toEqual({
      operation: "count-tokens",
      modelId: "anthropic.claude-sonnet-4-6",
      body: { anthropic_version: "bedrock-2023-05-31", max_tokens: 1, messages: request.messages },
    });
  });

  it("maps throttling (429) and unavailability (503) to retryable gateway errors", async () => {
    bedrock.addRule({
      scenario: {
        type: "error",
        status: 429,
        errorType: "rate_limit_error",
        message: "Too many requests",
        retryAfter: "3",
      },
      times: 1,
    });
    bedrock.addRule({
      scenario: { type: "error", status: 503, errorType: "overloaded_error", message: "Service unavailable" },
      times: 1,
    });
    const call = () =>
      createMessage({
        model: model("aws/anthropic/claude-sonnet-4-6"),
        credential: bedrockCredential(),
        request,
      }).catch((error: unknown) => error);
    expect(await call()).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterSeconds: 3,
      message: "Too many requests",
    });
    expect(await call()).toMatchObject({
      status: 503,
      retryable: true,
      code: "provider_overloaded",
      message: "Service unavailable",
    });
  });

  it("a connection reset mid-stream ends in a truncation error, never a silent end", async () => {
    bedrock.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", destroyAfterEvents: 3 } });
    const events = await readAll(
      await streamMessage({
        model: model("aws/anthropic/claude-sonnet-4-6"),
        credential: bedrockCredential(),
        request,
      }),
    );
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "stream_truncated" } });
  });

  it("cancelling the stream closes the upstream connection", async () => {
    bedrock.addRule({ scenario: { type: "fixture", fixture: "anthropic-text", stallAfterEvents: 2 } });
    const stream = await streamMessage({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(),
      request,
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    await bedrock.requests[0]!.clientClosed;
    expect(bedrock.requests[0]!.clientClosedAt).toBeDefined();
  });

  it("/v1/messages passthrough gets Anthropic SSE converted from the event stream", async () => {
    const response = await dispatchMessagesRequest({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(),
      body: { ...request, stream: true },
      stream: true,
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const text = await new Response(guardAnthropicEventStream(response.body!)).text();
    expect(text).toMatch(/^event: message_start\ndata: \{"type":"message_start"/);
    expect(text).toMatch(/event: message_stop\ndata: /);
    expect(text).not.toMatch(/event: error/);
  });
});

describe("Google Vertex AI", () => {
  beforeEach(() => forgetGoogleAccessTokens());

  it("mints one access token from the service account and calls :streamRawPredict with it", async () => {
    await readAll(
      await streamMessage({
        model: model("google/anthropic/claude-haiku-4-5"),
        credential: vertexCredential(),
        request,
      }),
    );
    await createMessage({ model: model("google/anthropic/claude-haiku-4-5"), credential: vertexCredential(), request });
    const calls = vertex.requests.filter((recorded) => recorded.path !== "/token");
    expect(vertex.requests.filter((recorded) => recorded.path === "/token")).toHaveLength(1);
    const minted = vertex.mintedTokens.at(-1);
    expect(calls.map((recorded) => recorded.headers.authorization)).toEqual([`Bearer ${minted}`, `Bearer ${minted}`]);
    const { model: _model, ...rest } = request;
    expect(vertex.predictionOf(calls[0]!)).toEqual({
      model: "claude-haiku-4-5@20251001",
      method: "streamRawPredict",
      body: { anthropic_version: "vertex-2023-10-16", ...rest, stream: true },
    });
    expect(vertex.predictionOf(calls[1]!)).toMatchObject({ method: "rawPredict", body: { stream: false } });
  });

  it("refreshes the cached token shortly before it expires", async () => {
    const account = parseServiceAccount(serviceAccount.json)!;
    // The fake checks the assertion's lifetime against its own clock, so start from now.
    let clock = Date.now();
    const token = () => googleAccessToken({ serviceAccount: account, tokenUrl: vertex.tokenUrl, now: () => clock });
    const first = await token();
    clock += 50 * 60_000;
    expect(await token()).toBe(first);
    clock += 6 * 60_000;
    const second = await token();
    expect(second).not.toBe(first);
    expect(vertex.mintedTokens.slice(-2)).toEqual([first, second]);
  });

  it("uses the global endpoint's region segment for region global", async () => {
    const globalVertex = await startFakeVertexServer({ serviceAccount, projectId: PROJECT, region: "global" });
    try {
      await createMessage({
        model: model("google/anthropic/claude-sonnet-4-6"),
        credential: vertexCredential({ region: "global", baseUrl: globalVertex.url, tokenUrl: globalVertex.tokenUrl }),
        request,
      });
      expect(globalVertex.requests.at(-1)!.path).toBe(
        `/v1/projects/${PROJECT}/locations/global/publishers/anthropic/models/claude-sonnet-4-6:rawPredict`,
      );
    } finally {
      await globalVertex.close();
    }
  });

  it("a key the token endpoint rejects is a retryable authentication failure naming the credential", async () => {
    const stranger = createTestServiceAccount(PROJECT);
    const error = await createMessage({
      model: model("google/anthropic/claude-sonnet-4-6"),
      credential: vertexCredential({ serviceAccount: parseServiceAccount(stranger.json)! }),
      request,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: "provider_authentication_failed", retryable: true });
    expect((error as Error).message).toMatch(/"Vertex Production"/);
    expect(vertex.requests.filter((recorded) => recorded.path !== "/token")).toEqual([]);
  });

  it("forwards betas as the anthropic-beta header and counts tokens with count-tokens:rawPredict", async () => {
    await createMessage({
      model: model("google/anthropic/claude-sonnet-4-6"),
      credential: vertexCredential(),
      request,
      betas: ["context-1m-2025-08-07"],
    });
    const response = await sendCountTokensRequest({
      model: model("google/anthropic/claude-sonnet-4-6"),
      credential: vertexCredential(),
      body: { model: "x", messages: request.messages },
    });
    expect(await response.json()).toEqual({ input_tokens: expect.any(Number) });
    const [predict, count] = vertex.requests.filter((recorded) => recorded.path !== "/token");
    expect(predict!.headers["anthropic-beta"]).toBe("context-1m-2025-08-07");
    expect(count!.path).toBe(
      `/v1/projects/${PROJECT}/locations/us-east5/publishers/anthropic/models/count-tokens:rawPredict`,
    );
    expect(count!.body).toEqual({
      anthropic_version: "vertex-2023-10-16",
      model: "claude-sonnet-4-6",
      messages: request.messages,
    });
  });
});

describe("media URL sources on Bedrock and Vertex", () => {
  let media: Server;
  let mediaPort: number;
  let mediaConnections = 0;
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
  beforeAll(async () => {
    media = createServer((_request, response) =>
      response.writeHead(200, { "content-type": "application/octet-stream" }).end(png),
    );
    media.on("connection", () => (mediaConnections += 1));
    await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
    mediaPort = (media.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => media.close(() => resolve())));

  const withImage = (url: string): AnthropicMessagesRequest =>
    ({
      ...request,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "url", url } },
            { type: "text", text: "What is this?" },
          ],
        },
      ],
    }) as AnthropicMessagesRequest;
  /** `cdn.media.test` is "public" (93.184.215.14) and dialled on the local media server. */
  const mediaSeam = {
    resolve: async (hostname: string) =>
      hostname === "cdn.media.test" ? [{ address: "93.184.215.14", family: 4 as const }] : [],
    dialAddress: (checked: { address: string; family: 4 | 6 }) =>
      checked.address === "93.184.215.14" ? { address: "127.0.0.1", family: 4 as const } : checked,
  };

  it.each([
    [
      "aws/anthropic/claude-sonnet-4-6",
      () => bedrock.requests[0]!.body as { messages: Array<{ content: unknown[] }> },
      bedrockCredential,
    ],
    [
      "google/anthropic/claude-sonnet-4-6",
      () => vertex.requests.at(-1)!.body as { messages: Array<{ content: unknown[] }> },
      vertexCredential,
    ],
  ] as const)("%s: the gateway fetches the image and sends it as base64", async (id, sentBody, credential) => {
    await createMessage({
      model: model(id),
      credential: credential(),
      request: withImage(`http://cdn.media.test:${mediaPort}/cat`),
      media: mediaSeam,
    });
    expect(sentBody().messages[0]!.content[0]).toEqual({
      type: "image",
      source: { type: "base64", media_type: "image/png", data: png.toString("base64") },
    });
  });

  it.each(["aws/anthropic/claude-sonnet-4-6", "google/anthropic/claude-sonnet-4-6"])(
    "%s: an image URL pointing at this machine is refused before any connection, nothing sent upstream",
    async (id) => {
      mediaConnections = 0;
      const credential = id.startsWith("aws/") ? bedrockCredential() : vertexCredential();
      const error = await createMessage({
        model: model(id),
        credential,
        request: withImage(`http://127.0.0.1:${mediaPort}/cat`),
      }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        status: 400,
        code: "media_url_refused",
        param: "messages[0].content[0].source.url",
      });
      expect((error as Error).message).toMatch(/(Amazon Bedrock|Google Vertex AI) does not take image URLs/);
      expect(mediaConnections).toBe(0);
      expect(bedrock.requests).toEqual([]);
      expect(vertex.requests.filter((recorded) => recorded.path !== "/token")).toEqual([]);
    },
  );

  it.each([
    ["aws/anthropic/claude-sonnet-4-6", /Amazon Bedrock does not support the MCP connector/],
    ["google/anthropic/claude-sonnet-4-6", /Google Vertex AI does not support the MCP connector/],
  ])("%s: mcp_servers is a 400 naming the provider, nothing sent", async (id, message) => {
    const credential = id.startsWith("aws/") ? bedrockCredential() : vertexCredential();
    const error = await dispatchMessagesRequest({
      model: model(id),
      credential,
      body: { ...request, mcp_servers: [{ type: "url", url: "https://mcp.example.com/sse", name: "example" }] },
      stream: false,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: "unsupported_by_provider", param: "mcp_servers" });
    expect((error as Error).message).toMatch(message);
    expect(bedrock.requests).toEqual([]);
    expect(vertex.requests.filter((recorded) => recorded.path !== "/token")).toEqual([]);
  });

  it("Files API sources are a 400 naming the provider", async () => {
    const fileRequest = {
      ...request,
      messages: [{ role: "user", content: [{ type: "document", source: { type: "file", file_id: "file_011" } }] }],
    } as unknown as AnthropicMessagesRequest;
    const error = await createMessage({
      model: model("aws/anthropic/claude-sonnet-4-6"),
      credential: bedrockCredential(),
      request: fileRequest,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: "unsupported_by_provider" });
    expect((error as Error).message).toMatch(/Amazon Bedrock does not support Files API sources/);
    expect(bedrock.requests).toEqual([]);
  });
});
