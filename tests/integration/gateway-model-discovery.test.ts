/**
 * Model discovery (Claude Code's CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY, Anthropic SDK
 * clients): GET /v3/router/v1/models lists only the models the caller can call — providers with
 * an enabled credential — paged over that filtered list; `?all=1` and the OpenAI-shaped
 * /v3/router/models show the whole catalog with `available`. Over real HTTP, against `switchyard start`.
 */
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anthropicModelListQuerySchema, listAnthropicModels } from "@/lib/catalog/list-anthropic-models";
import type { ModelAccess } from "@/lib/catalog/model-availability";
import { callGateway } from "../reference-samples/gateway-requests";
import { startGatewayUnderTest, type GatewayUnderTest } from "../reference-samples/start-gateway-under-test";

const PORT = 3610;
const MODELS = "/v3/router/v1/models";

/** The ids a caller with these providers should see, in the gateway's order. */
function expectedIds(providers: ModelAccess["providers"]) {
  const query = anthropicModelListQuerySchema.parse({ limit: "1000" });
  return listAnthropicModels(query, { providers, allowlist: null }).data.map((model) => model.id);
}
const ANTHROPIC_IDS = expectedIds(new Set(["anthropic"]));
const ANTHROPIC_AND_AWS_IDS = expectedIds(new Set(["anthropic", "aws"]));
const CATALOG_IDS = expectedIds(new Set(["anthropic", "aws", "google"]));

let gateway: GatewayUnderTest;
let anthropic: Anthropic;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
  anthropic = new Anthropic({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
}, 240_000);
afterAll(() => gateway?.stop());

async function pageThrough(limit: number): Promise<string[]> {
  const ids: string[] = [];
  let path = `${MODELS}?limit=${limit}`;
  for (;;) {
    const reply = await callGateway(gateway, path);
    expect(reply.status, reply.text).toBe(200);
    const page = reply.json() as { data: Array<{ id: string }>; has_more: boolean; first_id: string; last_id: string };
    expect(page.first_id).toBe(page.data[0]?.id ?? null);
    expect(page.last_id).toBe(page.data.at(-1)?.id ?? null);
    ids.push(...page.data.map((model) => model.id));
    if (!page.has_more) return ids;
    path = `${MODELS}?limit=${limit}&after_id=${encodeURIComponent(page.last_id)}`;
  }
}

/** Credential edits reach the model lists within the 1 s cache. */
async function eventually(check: () => Promise<void>) {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

describe("with only an Anthropic credential", () => {
  it("GET /v1/models lists only anthropic/ ids, without an availability field", async () => {
    expect(ANTHROPIC_IDS.length).toBeGreaterThan(5);
    const reply = await callGateway(gateway, `${MODELS}?limit=1000`);
    expect(reply.status, reply.text).toBe(200);
    const page = reply.json();
    expect(page.data.map((model: { id: string }) => model.id)).toEqual(ANTHROPIC_IDS);
    expect(page).toMatchObject({ has_more: false, first_id: ANTHROPIC_IDS[0], last_id: ANTHROPIC_IDS.at(-1) });
    expect(Object.keys(page.data[0]).sort()).toEqual(["created_at", "display_name", "id", "type"]);
  });

  it("pagination (after_id, before_id, has_more) works over the filtered list", async () => {
    expect(await pageThrough(4)).toEqual(ANTHROPIC_IDS);

    const back = (
      await callGateway(gateway, `${MODELS}?limit=2&before_id=${encodeURIComponent(ANTHROPIC_IDS[4]!)}`)
    ).json();
    expect(back).toMatchObject({ data: [{ id: ANTHROPIC_IDS[2] }, { id: ANTHROPIC_IDS[3] }], has_more: true });

    // A catalog id the caller cannot use is no cursor: an empty page, as for an unknown id.
    const past = (await callGateway(gateway, `${MODELS}?after_id=aws%2Fanthropic%2Fclaude-sonnet-4-6`)).json();
    expect(past).toEqual({ data: [], has_more: false, first_id: null, last_id: null });
  });

  it("the Anthropic SDK's models.list() auto-paginates through the filtered list", async () => {
    const ids: string[] = [];
    for await (const model of anthropic.models.list({ limit: 3 })) ids.push(model.id);
    expect(ids).toEqual(ANTHROPIC_IDS);
  });

  it.each(["all=1", "all=true"])("?%s pages the whole catalog, each model with available", async (flag) => {
    const page = (await callGateway(gateway, `${MODELS}?limit=1000&${flag}`)).json();
    expect(page.data.map((model: { id: string }) => model.id)).toEqual(CATALOG_IDS);
    for (const model of page.data) expect(model.available, model.id).toBe(model.id.startsWith("anthropic/"));
    expect(page.data[0]).toEqual({
      type: "model",
      id: CATALOG_IDS[0],
      display_name: expect.any(String),
      created_at: expect.any(String),
      available: expect.any(Boolean),
    });
  });

  it.each([
    ["?all=yes", "all must be 1, true, 0 or false"],
    ["?available=1", "Unknown query parameter: available."],
  ])("%s is a 400 in Anthropic's shape", async (query, message) => {
    const reply = await callGateway(gateway, `${MODELS}${query}`);
    expect(reply.status, reply.text).toBe(400);
    expect(reply.json()).toEqual({ type: "error", error: { type: "invalid_request_error", message } });
  });

  it("retrieve of an available id answers it; of an unavailable one, Anthropic's 404 naming the missing credential", async () => {
    await expect(anthropic.models.retrieve("anthropic/claude-sonnet-4-6")).resolves.toEqual({
      type: "model",
      id: "anthropic/claude-sonnet-4-6",
      display_name: "Claude Sonnet 4.6",
      created_at: expect.any(String),
    });

    const error = await anthropic.models.retrieve("aws/anthropic/claude-sonnet-4-6").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
    expect((error as InstanceType<typeof Anthropic.NotFoundError>).error).toEqual({
      type: "error",
      error: {
        type: "not_found_error",
        message: expect.stringMatching(
          /^model: aws\/anthropic\/claude-sonnet-4-6 is not available: no enabled AWS Bedrock credential is configured for its provider/,
        ),
      },
    });
  });

  it("retrieve with ?all=1 answers an unavailable id with available: false", async () => {
    const reply = await callGateway(gateway, `${MODELS}/google%2Fanthropic%2Fclaude-sonnet-4-6?all=1`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json()).toMatchObject({ id: "google/anthropic/claude-sonnet-4-6", available: false });
  });

  it("the OpenAI-shaped /models keeps the whole catalog, with available, readable by the openai SDK", async () => {
    const openai = new OpenAI({ apiKey: gateway.apiKey, baseURL: `${gateway.url}/v3/router`, maxRetries: 0 });
    const listed = new Map<string, unknown>();
    for await (const model of openai.models.list()) listed.set(model.id, model);
    expect([...listed.keys()].sort()).toEqual([...CATALOG_IDS].sort());
    expect(listed.get("anthropic/claude-sonnet-4-6")).toMatchObject({ object: "model", available: true });
    expect(listed.get("aws/anthropic/claude-sonnet-4-6")).toMatchObject({ object: "model", available: false });
  });
});

describe("credentials added and disabled", () => {
  it("adding a Bedrock credential adds the aws/anthropic/ ids (after the 1 s cache)", async () => {
    const added = await gateway.cli(
      [
        "provider",
        "add",
        "--provider",
        "aws",
        "--name",
        "Bedrock",
        "--api-key-stdin",
        "--access-key-id",
        "AKIADISCOVERYTEST01",
        "--region",
        "us-east-1",
      ],
      "discovery-secret",
    );
    expect(added.code, added.stderr).toBe(0);
    await eventually(async () => expect(await pageThrough(20)).toEqual(ANTHROPIC_AND_AWS_IDS));
    await expect(anthropic.models.retrieve("aws/anthropic/claude-sonnet-4-6")).resolves.toMatchObject({
      id: "aws/anthropic/claude-sonnet-4-6",
    });
  });

  it("a disabled credential does not count", async () => {
    await gateway.db.providerCredential.updateMany({ where: { provider: "aws" }, data: { enabled: false } });
    await eventually(async () => expect(await pageThrough(50)).toEqual(ANTHROPIC_IDS));
  });
});
