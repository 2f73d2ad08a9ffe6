import { z } from "zod";

/** Effort levels of `output_config.effort`, in increasing order. */
export const effortLevelSchema = z.enum(["low", "medium", "high", "xhigh", "max"]);
export type EffortLevel = z.infer<typeof effortLevelSchema>;

export const modelCapabilitiesSchema = z.strictObject({
  thinking: z.strictObject({
    /** `thinking: {type: "enabled", budget_tokens}` is accepted. */
    manual: z.boolean(),
    /** `thinking: {type: "adaptive"}` is accepted. */
    adaptive: z.boolean(),
    /** Thinking cannot be disabled (the model always thinks). */
    alwaysOn: z.boolean(),
  }),
  /** Accepted values of `output_config.effort`; empty when the model has no effort control. */
  effortLevels: z.array(effortLevelSchema),
  vision: z.boolean(),
  pdf: z.boolean(),
  tools: z.boolean(),
  /** `tool_choice` may force a tool (`any` / named); Opus 5.5 and Sonnet 5.5 reject forcing. */
  forcedToolChoice: z.boolean(),
  /** `temperature`, `top_p` and `top_k` are accepted (removed from Opus 4.7 on). */
  samplingParameters: z.boolean(),
});
export type ModelCapabilities = z.infer<typeof modelCapabilitiesSchema>;

/** Prices in US dollars per million tokens. */
export const modelPricingSchema = z.strictObject({
  inputPerMillionTokens: z.number().nonnegative(),
  outputPerMillionTokens: z.number().nonnegative(),
  cacheWrite5mPerMillionTokens: z.number().nonnegative(),
  cacheWrite1hPerMillionTokens: z.number().nonnegative(),
  cacheReadPerMillionTokens: z.number().nonnegative(),
});
export type ModelPricing = z.infer<typeof modelPricingSchema>;

export const bedrockRegionGroupSchema = z.enum(["global", "us", "eu", "apac", "jp", "au"]);
export type BedrockRegionGroup = z.infer<typeof bedrockRegionGroupSchema>;

export const modelCatalogEntrySchema = z.strictObject({
  /** Anthropic API model id, also the id after the `anthropic/` prefix. */
  id: z.string().min(1),
  /** Other Anthropic ids for the same model (dated snapshot or undated alias). */
  aliases: z.array(z.string().min(1)),
  displayName: z.string().min(1),
  family: z.enum(["haiku", "sonnet", "opus", "fable", "mythos"]),
  lifecycle: z.enum(["active", "legacy", "deprecated", "preview"]),
  releasedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contextWindow: z.number().int().positive(),
  maxOutputTokens: z.number().int().positive(),
  /** `max_tokens` sent upstream when an OpenAI-shaped request omits it. */
  defaultMaxTokens: z.number().int().positive(),
  /** Smallest prefix Anthropic will cache for this model. */
  minimumCacheableTokens: z.number().int().positive(),
  capabilities: modelCapabilitiesSchema,
  pricing: modelPricingSchema,
  strengths: z.string(),
  bestFor: z.string(),
  bedrock: z.strictObject({
    modelId: z.string().min(1),
    /** Cross-region inference profile ids by region group. */
    inferenceProfileIds: z.partialRecord(bedrockRegionGroupSchema, z.string().min(1)),
  }),
  vertex: z.strictObject({
    /** Model id in the Vertex AI publisher path (`claude-haiku-4-5@20251001`). */
    modelId: z.string().min(1),
  }),
  /** Where a value is an assumption rather than a published figure. */
  dataNotes: z.string().optional(),
});
export type ModelCatalogEntry = z.infer<typeof modelCatalogEntrySchema>;

export const modelCatalogSchema = z.array(modelCatalogEntrySchema).superRefine((entries, context) => {
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const id of [entry.id, ...entry.aliases]) {
      if (seen.has(id)) context.addIssue({ code: "custom", message: `duplicate model id ${id}` });
      seen.add(id);
    }
    if (entry.defaultMaxTokens > entry.maxOutputTokens) {
      context.addIssue({ code: "custom", message: `${entry.id}: defaultMaxTokens exceeds maxOutputTokens` });
    }
  }
});
