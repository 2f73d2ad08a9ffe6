import { modelCatalog, providerPrefixes, type GatewayProvider } from "@/lib/catalog/model-catalog";
import type { ModelCapabilities, ModelCatalogEntry, ModelPricing } from "@/lib/catalog/model-catalog-schema";
import { PROVIDER_LABELS } from "@/lib/credentials/providers";

/** One row of the model picker: catalog facts plus whether this install can serve it. */
export type PlaygroundModel = {
  /** Gateway model id, e.g. `anthropic/claude-sonnet-4-6`. */
  id: string;
  provider: GatewayProvider;
  providerLabel: string;
  displayName: string;
  lifecycle: ModelCatalogEntry["lifecycle"];
  contextWindow: number;
  maxOutputTokens: number;
  defaultMaxTokens: number;
  minimumCacheableTokens: number;
  strengths: string;
  bestFor: string;
  pricing: ModelPricing;
  capabilities: ModelCapabilities;
  available: boolean;
  /** Why it cannot be picked, and what to configure. */
  unavailableReason: string | null;
};

export const playgroundProviders: GatewayProvider[] = ["anthropic", "aws", "google"];

/**
 * Every catalog model under each provider prefix, newest first within a provider. A model is
 * selectable when its provider has an enabled credential (or when an external gateway decides).
 */
export function listPlaygroundModels(options: {
  configuredProviders: ReadonlySet<GatewayProvider>;
  externalGateway: boolean;
}): PlaygroundModel[] {
  const entries = [...modelCatalog].sort((a, b) => b.releasedAt.localeCompare(a.releasedAt));
  return playgroundProviders.flatMap((provider) =>
    entries.map((entry) => {
      const available = options.externalGateway || options.configuredProviders.has(provider);
      return {
        id: `${providerPrefixes[provider]}${entry.id}`,
        provider,
        providerLabel: PROVIDER_LABELS[provider],
        displayName: entry.displayName,
        lifecycle: entry.lifecycle,
        contextWindow: entry.contextWindow,
        maxOutputTokens: entry.maxOutputTokens,
        defaultMaxTokens: entry.defaultMaxTokens,
        minimumCacheableTokens: entry.minimumCacheableTokens,
        strengths: entry.strengths,
        bestFor: entry.bestFor,
        pricing: entry.pricing,
        capabilities: entry.capabilities,
        available,
        unavailableReason: available
          ? null
          : `No enabled ${PROVIDER_LABELS[provider]} credential: an admin can add one under AI Gateway › BYOK.`,
      };
    }),
  );
}

/** A new conversation starts on the newest active Sonnet this install can serve (a good all-rounder). */
export function defaultPlaygroundModel(models: PlaygroundModel[]): PlaygroundModel {
  const available = models.filter((model) => model.available);
  return (
    available.find((model) => model.lifecycle === "active" && model.displayName.includes("Sonnet")) ??
    available.find((model) => model.lifecycle === "active") ??
    available[0] ??
    models[0]!
  );
}
