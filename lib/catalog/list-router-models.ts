import { modelCatalog, providerPrefixes, resolveGatewayModel, type GatewayProvider } from "./model-catalog";
import type { EffortLevel, ModelCatalogEntry } from "./model-catalog-schema";
import { providerFeatures, type ProviderFeatures } from "./provider-features";

/** One entry of GET /v3/router/models: OpenAI's model object plus catalog fields. */
export type RouterModel = {
  id: string;
  object: "model";
  /** Unix seconds of the model's release. */
  created: number;
  owned_by: "anthropic";
  display_name: string;
  provider: GatewayProvider;
  upstream_model_id: string;
  alias_of: string | null;
  lifecycle: ModelCatalogEntry["lifecycle"];
  context_window: number;
  max_output_tokens: number;
  default_max_tokens: number;
  minimum_cacheable_tokens: number;
  capabilities: {
    thinking: { manual: boolean; adaptive: boolean; always_on: boolean };
    effort_levels: EffortLevel[];
    vision: boolean;
    pdf: boolean;
    tools: boolean;
    forced_tool_choice: boolean;
    sampling_parameters: boolean;
  };
  /** What the serving platform's API offers (same model, different platform). */
  provider_features: {
    url_sources: ProviderFeatures["urlSources"];
    files_api: boolean;
    mcp_connector: boolean;
    count_tokens: boolean;
  };
  /** US dollars per million tokens. */
  pricing: {
    currency: "USD";
    unit: "per_million_tokens";
    input: number;
    output: number;
    cache_write_5m: number;
    cache_write_1h: number;
    cache_read: number;
  };
  strengths: string;
  best_for: string;
};

export type RouterModelList = { object: "list"; data: RouterModel[] };

export type ListRouterModelsOptions = {
  /** Providers to list; defaults to all three. */
  providers?: GatewayProvider[];
  /** Include undated/dated aliases as their own rows (both ids work). Defaults to true. */
  includeAliases?: boolean;
};

/** The body of GET /v3/router/models, in OpenAI's list shape. */
export function listRouterModels(options: ListRouterModelsOptions = {}): RouterModelList {
  const providers = options.providers ?? (["anthropic", "aws", "google"] as const);
  const includeAliases = options.includeAliases ?? true;
  const data: RouterModel[] = [];
  for (const provider of providers) {
    for (const entry of modelCatalog) {
      data.push(toRouterModel(entry, provider, entry.id, null));
      if (!includeAliases) continue;
      for (const alias of entry.aliases) data.push(toRouterModel(entry, provider, alias, entry.id));
    }
  }
  return { object: "list", data };
}

function toRouterModel(
  entry: ModelCatalogEntry,
  provider: GatewayProvider,
  modelId: string,
  aliasOf: string | null,
): RouterModel {
  const id = `${providerPrefixes[provider]}${modelId}`;
  const resolved = resolveGatewayModel(id);
  const { capabilities, pricing } = entry;
  return {
    id,
    object: "model",
    created: Math.floor(Date.parse(`${entry.releasedAt}T00:00:00Z`) / 1000),
    owned_by: "anthropic",
    display_name: entry.displayName,
    provider,
    upstream_model_id: resolved?.upstreamModelId ?? modelId,
    alias_of: aliasOf ? `${providerPrefixes[provider]}${aliasOf}` : null,
    lifecycle: entry.lifecycle,
    context_window: entry.contextWindow,
    max_output_tokens: entry.maxOutputTokens,
    default_max_tokens: entry.defaultMaxTokens,
    minimum_cacheable_tokens: entry.minimumCacheableTokens,
    capabilities: {
      thinking: {
        manual: capabilities.thinking.manual,
        adaptive: capabilities.thinking.adaptive,
        always_on: capabilities.thinking.alwaysOn,
      },
      effort_levels: capabilities.effortLevels,
      vision: capabilities.vision,
      pdf: capabilities.pdf,
      tools: capabilities.tools,
      forced_tool_choice: capabilities.forcedToolChoice,
      sampling_parameters: capabilities.samplingParameters,
    },
    provider_features: {
      url_sources: providerFeatures[provider].urlSources,
      files_api: providerFeatures[provider].filesApi,
      mcp_connector: providerFeatures[provider].mcpConnector,
      count_tokens: providerFeatures[provider].countTokens,
    },
    pricing: {
      currency: "USD",
      unit: "per_million_tokens",
      input: pricing.inputPerMillionTokens,
      output: pricing.outputPerMillionTokens,
      cache_write_5m: pricing.cacheWrite5mPerMillionTokens,
      cache_write_1h: pricing.cacheWrite1hPerMillionTokens,
      cache_read: pricing.cacheReadPerMillionTokens,
    },
    strengths: entry.strengths,
    best_for: entry.bestFor,
  };
}
