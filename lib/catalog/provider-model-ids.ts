import type { ResolvedGatewayModel } from "./model-catalog";
import type { BedrockRegionGroup } from "./model-catalog-schema";

/** Per-credential model id overrides: catalog (Anthropic) id → the provider's id or ARN. */
export type ModelIdOverrides = Readonly<Record<string, string>>;

/** Which Bedrock id a catalog model is called by: a cross-region inference profile, or `none` for the in-region model id. */
export type BedrockInferenceProfile = BedrockRegionGroup | "none";

export const defaultBedrockInferenceProfile: BedrockInferenceProfile = "global";

function override(model: ResolvedGatewayModel, overrides: ModelIdOverrides | undefined): string | undefined {
  if (!overrides) return undefined;
  return overrides[model.modelId] ?? (model.entry ? overrides[model.entry.id] : undefined);
}

/** True when the client named the model by its catalog (Anthropic) id, not by a provider id. */
function isCatalogId(model: ResolvedGatewayModel): boolean {
  return model.entry !== undefined && (model.entry.id === model.modelId || model.entry.aliases.includes(model.modelId));
}

/**
 * The Bedrock model id for InvokeModel: the credential's override, else the catalog's
 * inference profile for the credential's region group (falling back to the in-region id when
 * the model has no such profile), else the id as the client sent it (a Bedrock id or ARN).
 */
export function bedrockModelId(
  model: ResolvedGatewayModel,
  options: { overrides?: ModelIdOverrides; inferenceProfile?: BedrockInferenceProfile } = {},
): string {
  const overridden = override(model, options.overrides);
  if (overridden) return overridden;
  if (!model.entry || !isCatalogId(model)) return model.modelId;
  const profile = options.inferenceProfile ?? defaultBedrockInferenceProfile;
  if (profile === "none") return model.entry.bedrock.modelId;
  return model.entry.bedrock.inferenceProfileIds[profile] ?? model.entry.bedrock.modelId;
}

/** Bedrock's CountTokens takes the bare foundation-model id, never an inference profile. */
export function bedrockFoundationModelId(model: ResolvedGatewayModel, overrides?: ModelIdOverrides): string {
  const overridden = override(model, overrides);
  if (overridden) return overridden.replace(/^(global|us|eu|apac|jp|au)\./, "");
  if (!model.entry) return model.modelId;
  return model.entry.bedrock.modelId;
}

/** The Vertex AI publisher model id (`claude-haiku-4-5@20251001`): override, catalog, or as sent. */
export function vertexModelId(model: ResolvedGatewayModel, overrides?: ModelIdOverrides): string {
  const overridden = override(model, overrides);
  if (overridden) return overridden;
  if (!model.entry || !isCatalogId(model)) return model.modelId;
  return model.entry.vertex.modelId;
}
