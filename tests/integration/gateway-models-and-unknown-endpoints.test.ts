/**
 * GET /v3/router/v1/models(/{id}) for Anthropic SDK clients, and JSON 404s (never Next's HTML
 * page) for any unknown path under the gateway's prefixes — with both official SDKs against the
 * running app.
 */
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRouterModels } from "@/lib/catalog/list-router-models";
import { callGateway } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3445;

let gateway: GatewayUnderTest;
let anthropic: Anthropic;
let openai: OpenAI;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
  anthropic = new Anthropic({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
  openai = new OpenAI({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
}, 240_000);
afterAll(() => gateway?.stop());

describe("Anthropic SDK: client.models with baseURL …/v3/router", () => {
  it("models.list() auto-paginates through the model ids this install can serve, in Anthropic's shape", async () => {
    const ids: string[] = [];
    for await (const model of anthropic.models.list({ limit: 7 })) {
      expect(model).toEqual({
        type: "model",
        id: expect.any(String),
        display_name: expect.any(String),
        created_at: expect.any(String),
      });
      ids.push(model.id);
    }
    // Only an Anthropic credential is configured: only anthropic/ ids (gateway-model-discovery.test.ts has the rest).
    expect(ids.sort()).toEqual(
      listRouterModels()
        .data.map((model) => model.id)
        .filter((id) => id.startsWith("anthropic/"))
        .sort(),
    );
    expect(ids).toContain("anthropic/claude-sonnet-4-6");
    expect(ids).not.toContain("aws/anthropic/claude-sonnet-4-6");
    expect(ids).not.toContain("google/anthropic/claude-sonnet-4-6");
  });

  it("a page carries has_more, first_id and last_id", async () => {
    const page = await anthropic.models.list({ limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.has_more).toBe(true);
    expect(page.first_id).toBe(page.data[0]!.id);
    expect(page.last_id).toBe(page.data[1]!.id);
  });

  it("models.retrieve(id) returns one model, the id's slashes encoded by the SDK", async () => {
    await expect(anthropic.models.retrieve("anthropic/claude-sonnet-4-6")).resolves.toMatchObject({
      type: "model",
      id: "anthropic/claude-sonnet-4-6",
      display_name: "Claude Sonnet 4.6",
    });
    await expect(anthropic.models.retrieve("claude-opus-4-6")).resolves.toMatchObject({
      id: "anthropic/claude-opus-4-6",
    });
  });

  it("an unknown model id is the SDK's NotFoundError", async () => {
    const error = await anthropic.models.retrieve("anthropic/claude-nonexistent").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toMatchObject({
      type: "error",
      error: { type: "not_found_error", message: expect.stringContaining("anthropic/claude-nonexistent") },
    });
  });

  it("a bad page size is a 400 in Anthropic's shape", async () => {
    const error = await anthropic.models.list({ limit: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      error: { type: "invalid_request_error", message: "limit must be between 1 and 1000" },
    });
  });

  it("a wrong key is 401 before anything else", async () => {
    const stranger = new Anthropic({ apiKey: "sy-not-a-key", baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
    await expect(stranger.models.list()).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });
});

describe("unknown endpoints: a JSON 404 in the caller's protocol, 401 first without a key", () => {
  it.each([
    ["GET", "/v3/router/no-such-endpoint"],
    ["POST", "/v3/router/chat/completion"],
    ["DELETE", "/v3/router/models/x"],
    ["GET", "/v3"],
    ["POST", "/v3/other/thing"],
    ["POST", "/v2/proxy/responses"],
    ["GET", "/v2"],
  ] as const)("%s %s → OpenAI-shaped 404", async (method, path) => {
    const reply = await callGateway(gateway, path, { method });
    expect(reply.status, reply.text).toBe(404);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(reply.json()).toEqual({
      error: {
        type: "invalid_request_error",
        code: "unknown_endpoint",
        param: null,
        message: expect.stringContaining(`${method} ${path}`),
      },
    });
  });

  it.each([
    ["POST", "/v3/router/v1/complete"],
    ["GET", "/v3/router/v1/messages/batches"],
    ["GET", "/v3/router/v1"],
  ] as const)("%s %s → Anthropic-shaped 404", async (method, path) => {
    const reply = await callGateway(gateway, path, { method });
    expect(reply.status, reply.text).toBe(404);
    expect(reply.json()).toEqual({
      type: "error",
      error: { type: "not_found_error", message: expect.stringContaining(`${method} ${path}`) },
    });
  });

  it.each(["/v3/router/no-such-endpoint", "/v3/router/v1/complete", "/v2/proxy/x"])(
    "%s without a key → 401, not 404",
    async (path) => {
      const reply = await callGateway(gateway, path, { method: "POST", auth: "none" });
      expect(reply.status, reply.text).toBe(401);
      expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    },
  );

  it("the SDKs report them as API errors", async () => {
    await expect(openai.post("/no-such-endpoint", { body: {} })).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(anthropic.post("/v1/no-such-endpoint", { body: {} })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});
