import { describe, expect, it } from "vitest";
import { computeUsageCost } from "./compute-cost";
import { listRouterModels } from "./list-router-models";
import {
  defaultCapabilities,
  findCatalogEntry,
  modelCatalog,
  parseGatewayModelId,
  resolveGatewayModel,
} from "./model-catalog";

/** Every id in @anthropic-ai/sdk 1.12's `Model` type. */
const sdkModelIds = [
  "claude-fable-5-2",
  "claude-mythos-5-2",
  "claude-haiku-5-5",
  "claude-sonnet-5-5",
  "claude-fable-5-1",
  "claude-opus-5-5",
  "claude-mythos-5-1",
  "claude-sonnet-5",
  "claude-fable-5",
  "claude-mythos-5",
  "claude-opus-5",
  "claude-opus-4-8",
  "claude-opus-4-7",
  "claude-mythos-preview",
  "claude-opus-4-6",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
  "claude-haiku-4-5-20251001",
  "claude-opus-4-5",
  "claude-opus-4-5-20251101",
  "claude-sonnet-4-5",
  "claude-sonnet-4-5-20250929",
];

describe("model catalog", () => {
  it.each(sdkModelIds)("knows %s", (id) => {
    expect(findCatalogEntry(id)).toBeDefined();
  });

  it("prices cache writes at 1.25× / 2× input and reads at 0.1× input unless Anthropic says otherwise", () => {
    for (const entry of modelCatalog.filter((candidate) => candidate.id !== "claude-opus-5-5")) {
      const { inputPerMillionTokens: input } = entry.pricing;
      expect(entry.pricing.cacheWrite5mPerMillionTokens).toBeCloseTo(input * 1.25);
      expect(entry.pricing.cacheWrite1hPerMillionTokens).toBeCloseTo(input * 2);
      expect(entry.pricing.cacheReadPerMillionTokens).toBeCloseTo(input * 0.1);
    }
  });

  it("records the thinking modes the docs describe", () => {
    const thinking = (id: string) => findCatalogEntry(id)?.capabilities.thinking;
    expect(thinking("claude-opus-4-6")).toMatchObject({ manual: true, adaptive: true });
    expect(thinking("claude-sonnet-4-6")).toMatchObject({ manual: true, adaptive: true });
    expect(thinking("claude-opus-4-7")).toMatchObject({ manual: false, adaptive: true });
    expect(thinking("claude-opus-4-5-20251101")).toMatchObject({ manual: true, adaptive: false });
    expect(thinking("claude-haiku-4-5")).toMatchObject({ manual: true, adaptive: false });
  });
});

describe("resolveGatewayModel", () => {
  it.each([
    ["anthropic/claude-sonnet-4-6", "anthropic", "claude-sonnet-4-6", "claude-sonnet-4-6"],
    ["anthropic/claude-haiku-4-5", "anthropic", "claude-haiku-4-5", "claude-haiku-4-5"],
    ["aws/anthropic/claude-sonnet-4-6", "aws", "claude-sonnet-4-6", "global.anthropic.claude-sonnet-4-6"],
    ["aws/anthropic/claude-haiku-4-5", "aws", "claude-haiku-4-5", "global.anthropic.claude-haiku-4-5-20251001-v1:0"],
    ["google/anthropic/claude-opus-4-6", "google", "claude-opus-4-6", "claude-opus-4-6"],
    ["google/anthropic/claude-sonnet-4-5", "google", "claude-sonnet-4-5", "claude-sonnet-4-5@20250929"],
    ["claude-sonnet-4-6", "anthropic", "claude-sonnet-4-6", "claude-sonnet-4-6"],
  ])("%s → %s %s (upstream %s)", (gatewayModelId, provider, modelId, upstreamModelId) => {
    expect(resolveGatewayModel(gatewayModelId)).toMatchObject({ gatewayModelId, provider, modelId, upstreamModelId });
  });

  it("passes unknown ids through with default capabilities", () => {
    expect(resolveGatewayModel("anthropic/claude-next-1")).toMatchObject({
      provider: "anthropic",
      upstreamModelId: "claude-next-1",
      entry: undefined,
      capabilities: defaultCapabilities,
      limits: { maxOutputTokens: 64_000, defaultMaxTokens: 8192 },
    });
    expect(resolveGatewayModel("aws/anthropic/us.anthropic.claude-custom-v1:0")?.upstreamModelId).toBe(
      "us.anthropic.claude-custom-v1:0",
    );
  });

  it("recognises provider-specific ids and passes them through unchanged", () => {
    const resolved = resolveGatewayModel("google/anthropic/claude-haiku-4-5@20251001");
    expect(resolved?.entry?.id).toBe("claude-haiku-4-5-20251001");
    expect(resolved?.upstreamModelId).toBe("claude-haiku-4-5@20251001");
  });

  it("prefers the requested Bedrock region group", () => {
    expect(resolveGatewayModel("aws/anthropic/claude-opus-4-6", { bedrockRegionGroup: "eu" })?.upstreamModelId).toBe(
      "eu.anthropic.claude-opus-4-6-v1",
    );
  });

  it.each(["openai/gpt-5", "azure/anthropic/claude-sonnet-4-6", "anthropic/", "gpt-4o"])(
    "rejects the unknown prefix in %s",
    (id) => {
      expect(parseGatewayModelId(id)).toBeUndefined();
      expect(resolveGatewayModel(id)).toBeUndefined();
    },
  );
});

describe("listRouterModels", () => {
  const list = listRouterModels();

  it("lists every catalog model under anthropic/, aws/anthropic/ and google/anthropic/", () => {
    expect(list.object).toBe("list");
    for (const id of [
      "claude-opus-4-7",
      "claude-opus-4-6",
      "claude-sonnet-4-6",
      "claude-haiku-4-5-20251001",
      "claude-opus-4-5-20251101",
      "claude-sonnet-4-5",
    ]) {
      for (const prefix of ["anthropic/", "aws/anthropic/", "google/anthropic/"]) {
        expect(list.data.map((model) => model.id)).toContain(`${prefix}${id}`);
      }
    }
  });

  it("gives each entry OpenAI's model fields plus limits, capabilities and prices", () => {
    expect(list.data.find((model) => model.id === "anthropic/claude-sonnet-4-6")).toEqual({
      id: "anthropic/claude-sonnet-4-6",
      object: "model",
      created: 1771286400,
      owned_by: "anthropic",
      display_name: "Claude Sonnet 4.6",
      provider: "anthropic",
      upstream_model_id: "claude-sonnet-4-6",
      alias_of: null,
      lifecycle: "legacy",
      context_window: 1_000_000,
      max_output_tokens: 128_000,
      default_max_tokens: 8192,
      minimum_cacheable_tokens: 2048,
      capabilities: {
        thinking: { manual: true, adaptive: true, always_on: false },
        effort_levels: ["low", "medium", "high", "max"],
        vision: true,
        pdf: true,
        tools: true,
        forced_tool_choice: true,
        sampling_parameters: true,
      },
      provider_features: { url_sources: "native", files_api: true, mcp_connector: true, count_tokens: true },
      pricing: {
        currency: "USD",
        unit: "per_million_tokens",
        input: 3,
        output: 15,
        cache_write_5m: 3.75,
        cache_write_1h: 6,
        cache_read: 0.3,
      },
      strengths: "Best balance of speed and intelligence",
      best_for: "Most tasks, coding",
    });
  });

  it("lists aliases as their own rows pointing at the canonical id", () => {
    expect(list.data.find((model) => model.id === "aws/anthropic/claude-haiku-4-5")).toMatchObject({
      alias_of: "aws/anthropic/claude-haiku-4-5-20251001",
      upstream_model_id: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    });
  });
});

describe("computeUsageCost", () => {
  const sonnet = findCatalogEntry("claude-sonnet-4-6")!.pricing;

  it("bills input, output, cache reads and per-TTL cache writes", () => {
    const cost = computeUsageCost(
      {
        inputTokens: 1_000_000,
        outputTokens: 1_000_000,
        cacheReadInputTokens: 1_000_000,
        cacheCreationInputTokens: 2_000_000,
        cacheCreation: { ephemeral5mInputTokens: 1_000_000, ephemeral1hInputTokens: 1_000_000 },
      },
      sonnet,
    );
    expect(cost).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 + 6, total: 3 + 15 + 0.3 + 9.75 });
  });

  it("bills cache writes at the 5-minute rate when no TTL split is reported", () => {
    const cost = computeUsageCost(
      { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 1_000_000 },
      sonnet,
    );
    expect(cost.cacheWrite).toBe(3.75);
  });
});
