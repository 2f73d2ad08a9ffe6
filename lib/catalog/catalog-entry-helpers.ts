import type { BedrockRegionGroup, EffortLevel, ModelCapabilities, ModelPricing } from "./model-catalog-schema";

/**
 * Anthropic's standard multipliers: 5-minute cache write 1.25× input, 1-hour write 2× input,
 * cache read 0.1× input.
 * @see https://platform.claude.com/docs/en/about-claude/pricing
 */
export function standardPricing(
  inputPerMillionTokens: number,
  outputPerMillionTokens: number,
  overrides: Partial<ModelPricing> = {},
): ModelPricing {
  return {
    inputPerMillionTokens,
    outputPerMillionTokens,
    cacheWrite5mPerMillionTokens: roundPrice(inputPerMillionTokens * 1.25),
    cacheWrite1hPerMillionTokens: roundPrice(inputPerMillionTokens * 2),
    cacheReadPerMillionTokens: roundPrice(inputPerMillionTokens * 0.1),
    ...overrides,
  };
}

function roundPrice(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}

/** Bedrock model id plus its cross-region inference profiles (`global.`, `us.`, …). */
export function bedrockIds(
  modelId: string,
  regionGroups: BedrockRegionGroup[] = ["global", "us", "eu", "apac"],
): { modelId: string; inferenceProfileIds: Partial<Record<BedrockRegionGroup, string>> } {
  const inferenceProfileIds: Partial<Record<BedrockRegionGroup, string>> = {};
  for (const group of regionGroups) inferenceProfileIds[group] = `${group}.${modelId}`;
  return { modelId, inferenceProfileIds };
}

export const allEffortLevels: EffortLevel[] = ["low", "medium", "high", "xhigh", "max"];

type CapabilityOverrides = Partial<Omit<ModelCapabilities, "thinking">> & {
  thinking?: Partial<ModelCapabilities["thinking"]>;
};

/** Capabilities shared by every current Claude model, with per-model overrides. */
export function claudeCapabilities(overrides: CapabilityOverrides): ModelCapabilities {
  const { thinking, ...rest } = overrides;
  return {
    vision: true,
    pdf: true,
    tools: true,
    forcedToolChoice: true,
    samplingParameters: true,
    effortLevels: [],
    ...rest,
    thinking: { manual: true, adaptive: false, alwaysOn: false, ...thinking },
  };
}
