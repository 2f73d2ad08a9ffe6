/**
 * Acceptance (issue 9): aws/ (Amazon Bedrock) and google/ (Vertex AI) behind every gateway
 * endpoint of the running app, with BYOK credentials whose base URLs are the local fakes.
 * - The reference doc's Provider Options fragment ("use these model strings inside your
 *   responses.create() or chat.completions.create() call"), pasted into the doc's own Quick
 *   Start, Streaming and Anthropic SDK samples, which otherwise run unchanged.
 * - The doc's Multi-provider strategy samples, unchanged: anthropic/ overloaded (529) → aws/ serves.
 * - Fallbacks in the other direction, count_tokens, /v3/router/models, and media URLs that
 *   point into this machine refused before any connection.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeBedrockServer, type FakeBedrockServer } from "../fake-upstream/fake-bedrock-server";
import {
  createTestServiceAccount,
  startFakeVertexServer,
  type FakeVertexServer,
} from "../fake-upstream/fake-vertex-server";
import { ROOT } from "../helpers/run-cli";
import { testProviders } from "../helpers/test-database";
import { fixtureAnswerText } from "../reference-samples/answer-text";
import { integrationDocSamples } from "../reference-samples/reference-sample-files";
import { callGateway, type GatewayReply } from "../reference-samples/gateway-requests";
import { runTypeScriptSample } from "../reference-samples/run-sample";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORTS = { sqlite: 3450, postgresql: 3451 } as const;
const SAMPLE_DIRECTORY = path.join(ROOT, "tests/.artifacts/provider-samples");
const AWS = {
  accessKeyId: "AKIASAMPLESBEDROCK01",
  secretAccessKey: "samples/bedrock+secret/0000000000000000000",
  region: "us-east-1",
};
const PROJECT = "switchyard-samples";
const VERTEX_REGION = "us-east5";

const docSamples = integrationDocSamples();
const sampleCode = (name: string) => {
  const sample = docSamples.find((candidate) => candidate.name === name);
  if (!sample) throw new Error(`the reference doc has no sample "${name}"`);
  return sample.code;
};

/** The fragment's `model: "…"` lines, as the doc lists them. */
const providerOptionLines = sampleCode("Provider Options › TypeScript")
  .split("\n")
  .filter((line) => line.startsWith("model: "));

/** Samples the fragment's lines are pasted into, replacing their own `model: "…"` line, and what they print. */
const hostSamples = [
  { name: "Quick Start › TypeScript", api: "responses", serves: "anthropic-text", stream: false },
  { name: "Quick Start › TypeScript (Chat Completions)", api: "chat", serves: "anthropic-text", stream: false },
  { name: "Streaming › TypeScript (Chat Completions)", api: "chat", serves: "anthropic-pings", stream: true },
  { name: "Chat Completion › TypeScript (Anthropic SDK)", api: "messages", serves: "anthropic-text", stream: false },
] as const;

const quantumAnswer = fixtureAnswerText("anthropic-text");
const overloaded = { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" } as const;
const unavailable = {
  type: "error",
  status: 503,
  errorType: "overloaded_error",
  message: "Service unavailable",
} as const;

afterAll(() => rmSync(SAMPLE_DIRECTORY, { recursive: true, force: true }));

describe.each(testProviders)("aws/ and google/ through the app (%s)", (databaseProvider) => {
  let gateway: GatewayUnderTest;
  let bedrock: FakeBedrockServer;
  let vertex: FakeVertexServer;
  const serviceAccount = createTestServiceAccount(PROJECT);

  beforeAll(async () => {
    gateway = await startGatewayUnderTest({ port: PORTS[databaseProvider], provider: databaseProvider });
    bedrock = await startFakeBedrockServer(AWS);
    vertex = await startFakeVertexServer({ serviceAccount, projectId: PROJECT, region: VERTEX_REGION });
    // As an admin would: `switchyard provider add` with the fakes as base URL overrides.
    await cliOk(
      gateway.cli(
        [
          "provider",
          "add",
          "--provider",
          "aws",
          "--name",
          "Bedrock Production",
          "--api-key-stdin",
          "--access-key-id",
          AWS.accessKeyId,
          "--region",
          AWS.region,
          "--base-url",
          bedrock.url,
        ],
        AWS.secretAccessKey,
      ),
    );
    await cliOk(
      gateway.cli(
        ["provider", "add", "--provider", "google", "--json-stdin"],
        JSON.stringify({
          name: "Vertex Production",
          serviceAccountJson: serviceAccount.json,
          region: VERTEX_REGION,
          baseUrl: vertex.url,
          tokenUrl: vertex.tokenUrl,
        }),
      ),
    );
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await bedrock?.close();
    await vertex?.close();
  });

  beforeEach(() => {
    gateway.fake.reset();
    bedrock.reset();
    vertex.reset();
  });

  const vertexCalls = () => vertex.requests.filter((request) => request.path !== "/token");
  const serveEverywhere = (fixture: string) => {
    const rule = { scenario: { type: "fixture" as const, fixture } };
    gateway.fake.addRule(rule);
    bedrock.addRule(rule);
    vertex.addRule(rule);
  };

  describe.runIf(databaseProvider === "sqlite")("the reference doc's samples", () => {
    it("the Provider Options fragment names one model per provider", () => {
      expect(providerOptionLines).toEqual([
        'model: "anthropic/claude-sonnet-4-6"',
        'model: "aws/anthropic/claude-sonnet-4-6"',
        'model: "google/anthropic/claude-opus-4-6"',
      ]);
    });

    for (const host of hostSamples) {
      for (const modelLine of providerOptionLines) {
        const gatewayModel = modelLine.slice('model: "'.length, -1);
        it(`${host.name} with the fragment's ${modelLine}`, async () => {
          serveEverywhere(host.serves);
          const code = sampleCode(host.name);
          expect(code).toContain('model: "anthropic/claude-sonnet-4-6"');
          const slug = `${host.api}-${host.stream ? "stream-" : ""}${gatewayModel.replace(/[^a-z0-9]+/g, "-")}`;
          const run = await runTypeScriptSample(
            slug,
            code.replace('model: "anthropic/claude-sonnet-4-6"', modelLine),
            { gatewayUrl: gateway.url, apiKey: gateway.apiKey },
            SAMPLE_DIRECTORY,
          );

          expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
          const answer = fixtureAnswerText(host.serves);
          expect(run.stdout).toBe(host.stream ? answer : `${answer}\n`);
          expect(run.exchanges.at(-1)!.responseHeaders["x-switchyard-model"]).toBe(gatewayModel);
          expectServedBy(gatewayModel, host.stream);
        }, 60_000);
      }
    }

    it.each(["Multi-provider strategy › TypeScript (Chat Completions)", "Multi-provider strategy › TypeScript"])(
      "%s: anthropic/ overloaded (529) → the aws/ fallback answers",
      async (name) => {
        gateway.fake.addRule({
          match: (request) => (request.body as { model?: string }).model === "claude-sonnet-4-6",
          scenario: overloaded,
        });
        serveEverywhere("anthropic-text");
        const run = await runTypeScriptSample(
          name.replace(/[^A-Za-z]+/g, "-").toLowerCase(),
          sampleCode(name),
          { gatewayUrl: gateway.url, apiKey: gateway.apiKey },
          SAMPLE_DIRECTORY,
        );

        expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
        expect(run.stdout).toBe(`${quantumAnswer}\n`);
        const headers = run.exchanges.at(-1)!.responseHeaders;
        expect(headers["x-switchyard-model"]).toBe("aws/anthropic/claude-sonnet-4-6");
        expect(headers["x-switchyard-attempts"]).toMatch(
          /^anthropic\/claude-sonnet-4-6;status=503;.*aws\/anthropic\/claude-sonnet-4-6;status=200;/,
        );
        expect(JSON.parse(run.exchanges.at(-1)!.responseBody)).toMatchObject({
          model: "aws/anthropic/claude-sonnet-4-6",
        });
        expect(bedrock.requests.map((request) => bedrock.invocationOf(request).modelId)).toEqual([
          "global.anthropic.claude-sonnet-4-6",
        ]);
        expect(gateway.fake.requests.map((request) => (request.body as { model: string }).model)).not.toContain(
          "claude-opus-4-6",
        );
      },
      60_000,
    );
  });

  /** Which fake served the model, with the request that provider requires. */
  function expectServedBy(gatewayModel: string, stream: boolean) {
    if (gatewayModel.startsWith("aws/")) {
      expect(bedrock.requests.map((request) => bedrock.invocationOf(request))).toEqual([
        {
          operation: stream ? "invoke-with-response-stream" : "invoke",
          modelId: "global.anthropic.claude-sonnet-4-6",
          body: expect.objectContaining({ anthropic_version: "bedrock-2023-05-31" }),
        },
      ]);
      expect(gateway.fake.requests).toEqual([]);
      expect(vertexCalls()).toEqual([]);
    } else if (gatewayModel.startsWith("google/")) {
      expect(vertexCalls().map((request) => vertex.predictionOf(request))).toEqual([
        {
          model: "claude-opus-4-6",
          method: stream ? "streamRawPredict" : "rawPredict",
          body: expect.objectContaining({ anthropic_version: "vertex-2023-10-16" }),
        },
      ]);
      expect(gateway.fake.requests).toEqual([]);
      expect(bedrock.requests).toEqual([]);
    } else {
      expect(gateway.fake.requests.map((request) => (request.body as { model: string }).model)).toEqual([
        "claude-sonnet-4-6",
      ]);
      expect(bedrock.requests).toEqual([]);
      expect(vertexCalls()).toEqual([]);
    }
  }

  const endpoints = {
    chat: {
      path: "/v3/router/chat/completions",
      headers: {},
      body: (model: string, extra: object) => ({ model, messages: [{ role: "user", content: "Hi" }], ...extra }),
    },
    responses: {
      path: "/v3/router/responses",
      headers: {},
      body: (model: string, extra: object) => ({ model, input: "Hi", ...extra }),
    },
    messages: {
      path: "/v3/router/v1/messages",
      headers: { "anthropic-version": "2023-06-01" },
      body: (model: string, extra: object) => ({
        model,
        max_tokens: 64,
        messages: [{ role: "user", content: "Hi" }],
        ...extra,
      }),
    },
  } as const;

  describe.each(Object.keys(endpoints) as Array<keyof typeof endpoints>)(
    "fallbacks across providers on %s",
    (endpointName) => {
      const endpoint = endpoints[endpointName];
      const call = (model: string, fallback: string, stream = false): Promise<GatewayReply> =>
        callGateway(gateway, endpoint.path, {
          body: endpoint.body(model, { fallbacks: [{ model: fallback }], ...(stream ? { stream: true } : {}) }),
          headers: endpoint.headers,
        });

      it.each([
        {
          from: "aws/anthropic/claude-sonnet-4-6",
          to: "anthropic/claude-sonnet-4-6",
          fail: () => bedrock.addRule({ scenario: unavailable }),
        },
        {
          from: "google/anthropic/claude-sonnet-4-6",
          to: "anthropic/claude-sonnet-4-6",
          fail: () => vertex.addRule({ scenario: overloaded }),
        },
        {
          from: "anthropic/claude-sonnet-4-6",
          to: "google/anthropic/claude-sonnet-4-6",
          fail: () => gateway.fake.addRule({ scenario: overloaded }),
        },
        {
          from: "google/anthropic/claude-sonnet-4-6",
          to: "aws/anthropic/claude-sonnet-4-6",
          fail: () => vertex.addRule({ scenario: overloaded }),
        },
      ])("$from overloaded → $to answers", async ({ from, to, fail }) => {
        fail();
        serveEverywhere("anthropic-text");
        const reply = await call(from, to);
        expect(reply.status, reply.text).toBe(200);
        expect(reply.headers.get("x-switchyard-model")).toBe(to);
        expect(reply.headers.get("x-switchyard-attempts")).toMatch(
          new RegExp(`^${from.replaceAll("/", "\\/")};status=503;.*${to.replaceAll("/", "\\/")};status=200;`),
        );
        expect(reply.text).toContain(quantumAnswer);
      });

      it("streams from aws/ after anthropic/ is overloaded", async () => {
        gateway.fake.addRule({ scenario: overloaded });
        serveEverywhere("anthropic-text");
        const reply = await call("anthropic/claude-sonnet-4-6", "aws/anthropic/claude-sonnet-4-6", true);
        expect(reply.status, reply.text).toBe(200);
        expect(reply.headers.get("content-type")).toMatch(/^text\/event-stream/);
        expect(reply.headers.get("x-switchyard-model")).toBe("aws/anthropic/claude-sonnet-4-6");
        expect(reply.text.replace(/[^\n]*"type":"ping"[^\n]*\n/g, "")).toContain("Quantum");
        expect(bedrock.invocationOf(bedrock.requests[0]!).operation).toBe("invoke-with-response-stream");
      });

      it("a non-retryable provider error (400) stops at that provider", async () => {
        bedrock.addRule({
          scenario: {
            type: "error",
            status: 400,
            errorType: "invalid_request_error",
            message: "messages.0: bad content",
          },
        });
        const reply = await call("aws/anthropic/claude-sonnet-4-6", "anthropic/claude-sonnet-4-6");
        expect(reply.status).toBe(400);
        expect(reply.text).toContain("messages.0: bad content");
        expect(gateway.fake.requests).toEqual([]);
      });
    },
  );

  it.each(["aws/anthropic/claude-sonnet-4-6", "google/anthropic/claude-sonnet-4-6"])(
    "count_tokens on %s",
    async (model) => {
      const reply = await callGateway(gateway, "/v3/router/v1/messages/count_tokens", {
        body: { model, messages: [{ role: "user", content: "Hi" }] },
        headers: { "anthropic-version": "2023-06-01" },
      });
      expect(reply.status, reply.text).toBe(200);
      expect(reply.json()).toEqual({ input_tokens: expect.any(Number) });
    },
  );

  it("/v3/router/models lists aws/ and google/ entries with their own upstream ids and platform features", async () => {
    const { data } = (await callGateway(gateway, "/v3/router/models")).json() as {
      data: Array<Record<string, unknown>>;
    };
    const byId = (id: string) => data.find((entry) => entry.id === id);
    expect(byId("anthropic/claude-sonnet-4-6")).toMatchObject({
      provider: "anthropic",
      upstream_model_id: "claude-sonnet-4-6",
      provider_features: { url_sources: "native", files_api: true },
    });
    expect(byId("aws/anthropic/claude-sonnet-4-6")).toMatchObject({
      provider: "aws",
      upstream_model_id: "global.anthropic.claude-sonnet-4-6",
      provider_features: {
        url_sources: "fetched_by_gateway",
        files_api: false,
        mcp_connector: false,
        count_tokens: true,
      },
    });
    expect(byId("google/anthropic/claude-haiku-4-5-20251001")).toMatchObject({
      provider: "google",
      upstream_model_id: "claude-haiku-4-5@20251001",
      provider_features: { url_sources: "fetched_by_gateway", files_api: false },
    });
  });

  describe("media URLs into this machine are refused before any connection", () => {
    let media: Server;
    let mediaPort: number;
    let connections = 0;
    beforeAll(async () => {
      media = createServer((_request, response) => response.end("secret"));
      media.on("connection", () => (connections += 1));
      await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
      mediaPort = (media.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => media.close(() => resolve())));
    beforeEach(() => (connections = 0));

    it.each([
      {
        target: "127.0.0.1",
        url: () => `http://127.0.0.1:${mediaPort}/cat.png`,
        model: "aws/anthropic/claude-sonnet-4-6",
      },
      {
        target: "a decimal-encoded 127.0.0.1",
        url: () => `http://2130706433:${mediaPort}/cat.png`,
        model: "google/anthropic/claude-sonnet-4-6",
      },
      {
        target: "the metadata address",
        url: () => "http://169.254.169.254/latest/meta-data/",
        model: "aws/anthropic/claude-sonnet-4-6",
      },
      { target: "10.x", url: () => "http://10.0.0.1/cat.png", model: "google/anthropic/claude-sonnet-4-6" },
    ])("Chat Completions image_url at $target on $model: 400 media_url_refused", async ({ url, model }) => {
      const reply = await callGateway(gateway, endpoints.chat.path, {
        body: {
          model,
          messages: [
            {
              role: "user",
              content: [
                { type: "text", text: "What is this?" },
                { type: "image_url", image_url: { url: url() } },
              ],
            },
          ],
        },
      });
      expect(reply.status, reply.text).toBe(400);
      expect(reply.json()).toMatchObject({
        error: { type: "invalid_request_error", code: "media_url_refused", param: "messages[0].content[1].source.url" },
      });
      expect(connections).toBe(0);
      expect(bedrock.requests).toEqual([]);
      expect(vertexCalls()).toEqual([]);
    });

    it("/v1/messages: a PDF URL at [::1] on aws/ is a 400 in Anthropic's shape", async () => {
      const reply = await callGateway(gateway, endpoints.messages.path, {
        headers: endpoints.messages.headers,
        body: endpoints.messages.body("aws/anthropic/claude-sonnet-4-6", {
          messages: [
            {
              role: "user",
              content: [{ type: "document", source: { type: "url", url: `http://[::1]:${mediaPort}/a.pdf` } }],
            },
          ],
        }),
      });
      expect(reply.status).toBe(400);
      expect(reply.json()).toMatchObject({
        type: "error",
        error: {
          type: "invalid_request_error",
          message: expect.stringMatching(/Amazon Bedrock does not take document URLs/),
        },
      });
      expect(connections).toBe(0);
      expect(bedrock.requests).toEqual([]);
    });
  });
});

async function cliOk(result: ReturnType<GatewayUnderTest["cli"]>) {
  const settled = await result;
  if (settled.code !== 0) throw new Error(`switchyard CLI exited ${settled.code}: ${settled.stderr}`);
}
