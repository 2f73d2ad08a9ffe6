import { claude4Models } from "./claude-4-models";
import { claude5Models } from "./claude-5-models";
import { allEffortLevels } from "./catalog-entry-helpers";
import {
  modelCatalogSchema,
  type BedrockRegionGroup,
  type ModelCapabilities,
  type ModelCatalogEntry,
} from "./model-catalog-schema";

/** Validated once at module load: a bad entry fails the build/tests, not a request. */
export const modelCatalog: readonly ModelCatalogEntry[] = modelCatalogSchema.parse([
  ...claude5Models,
  ...claude4Models,
]);

/** Same names as the BYOK credential providers (`lib/credentials/providers.ts`). */
export type GatewayProvider = "anthropic" | "aws" | "google";

/** Gateway model id prefixes by provider. */
export const providerPrefixes = {
  anthropic: "anthropic/",
  aws: "aws/anthropic/",
  google: "google/anthropic/",
} as const satisfies Record<GatewayProvider, string>;

/**
 * Capabilities assumed for ids the catalog does not know: permissive, so an unknown (newer)
 * model is never blocked by gateway validation; the provider has the last word.
 */
export const defaultCapabilities: ModelCapabilities = {
  thinking: { manual: true, adaptive: true, alwaysOn: false },
  effortLevels: allEffortLevels,
  vision: true,
  pdf: true,
  tools: true,
  forcedToolChoice: true,
  samplingParameters: true,
};

export const defaultLimits = {
  contextWindow: 200_000,
  maxOutputTokens: 64_000,
  defaultMaxTokens: 8192,
} as const;

export type ModelLimits = { contextWindow: number; maxOutputTokens: number; defaultMaxTokens: number };

export type ResolvedGatewayModel = {
  /** The id the client sent, e.g. `aws/anthropic/claude-sonnet-4-6`. */
  gatewayModelId: string;
  provider: GatewayProvider;
  /** The Anthropic-style id after the prefix, e.g. `claude-sonnet-4-6`. */
  modelId: string;
  /** What goes in the upstream request (Bedrock profile id, Vertex `@date` id, …). */
  upstreamModelId: string;
  entry: ModelCatalogEntry | undefined;
  capabilities: ModelCapabilities;
  limits: ModelLimits;
};

const entriesByAnthropicId = new Map<string, ModelCatalogEntry>();
const entriesByBedrockId = new Map<string, ModelCatalogEntry>();
const entriesByVertexId = new Map<string, ModelCatalogEntry>();
for (const entry of modelCatalog) {
  for (const id of [entry.id, ...entry.aliases]) entriesByAnthropicId.set(id, entry);
  entriesByBedrockId.set(entry.bedrock.modelId, entry);
  for (const profileId of Object.values(entry.bedrock.inferenceProfileIds)) entriesByBedrockId.set(profileId, entry);
  entriesByVertexId.set(entry.vertex.modelId, entry);
}

/** Catalog entry for an Anthropic model id or alias (no provider prefix). */
export function findCatalogEntry(modelId: string): ModelCatalogEntry | undefined {
  return entriesByAnthropicId.get(modelId);
}

/**
 * Splits `aws/anthropic/claude-sonnet-4-6` into provider and model id. A bare `claude-…` id
 * (as Claude Code and Anthropic SDK users send) means the Anthropic provider.
 * Returns undefined for an unknown prefix.
 */
export function parseGatewayModelId(
  gatewayModelId: string,
): { provider: GatewayProvider; modelId: string } | undefined {
  for (const provider of ["aws", "google", "anthropic"] as const) {
    const prefix = providerPrefixes[provider];
    if (gatewayModelId.startsWith(prefix) && gatewayModelId.length > prefix.length) {
      return { provider, modelId: gatewayModelId.slice(prefix.length) };
    }
  }
  if (/^claude-[\w.@:-]+$/.test(gatewayModelId)) return { provider: "anthropic", modelId: gatewayModelId };
  return undefined;
}

export type ResolveGatewayModelOptions = {
  /** Bedrock cross-region inference profile to prefer; defaults to `global`. */
  bedrockRegionGroup?: BedrockRegionGroup;
};

/**
 * Resolves a gateway model id to its provider, upstream id and capabilities. Unknown model
 * ids under a known prefix pass through unchanged with default capabilities; an unknown
 * prefix returns undefined.
 */
export function resolveGatewayModel(
  gatewayModelId: string,
  options: ResolveGatewayModelOptions = {},
): ResolvedGatewayModel | undefined {
  const parsed = parseGatewayModelId(gatewayModelId);
  if (!parsed) return undefined;
  const { provider, modelId } = parsed;
  const entry =
    entriesByAnthropicId.get(modelId) ??
    (provider === "aws" ? entriesByBedrockId.get(modelId) : undefined) ??
    (provider === "google" ? entriesByVertexId.get(modelId) : undefined);
  const isCatalogAnthropicId = entriesByAnthropicId.has(modelId);
  return {
    gatewayModelId,
    provider,
    modelId,
    upstreamModelId: entry && isCatalogAnthropicId ? upstreamIdFor(entry, provider, modelId, options) : modelId,
    entry,
    capabilities: entry?.capabilities ?? defaultCapabilities,
    limits: entry
      ? {
          contextWindow: entry.contextWindow,
          maxOutputTokens: entry.maxOutputTokens,
          defaultMaxTokens: entry.defaultMaxTokens,
        }
      : { ...defaultLimits },
  };
}

function upstreamIdFor(
  entry: ModelCatalogEntry,
  provider: GatewayProvider,
  requestedId: string,
  options: ResolveGatewayModelOptions,
): string {
  switch (provider) {
    case "anthropic":
      return requestedId;
    case "aws":
      return entry.bedrock.inferenceProfileIds[options.bedrockRegionGroup ?? "global"] ?? entry.bedrock.modelId;
    case "google":
      return entry.vertex.modelId;
    default: {
      const exhaustive: never = provider;
      return exhaustive;
    }
  }
}
