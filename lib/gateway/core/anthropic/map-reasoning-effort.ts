import type { ModelCapabilities } from "@/lib/catalog/model-catalog-schema";
import { effortLevelSchema, type EffortLevel } from "@/lib/catalog/model-catalog-schema";
import type { ThinkingRequest } from "./prepare-generation-settings";

/** OpenAI's `reasoning_effort` / `reasoning.effort` values plus Anthropic's extra levels. */
export type ReasoningEffort = "none" | "minimal" | EffortLevel;

/** Thinking budgets used for models without adaptive thinking. */
const manualBudgets: Record<Exclude<ReasoningEffort, "none">, number> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16_384,
  xhigh: 32_000,
  max: 48_000,
};

/**
 * OpenAI-style reasoning effort → the docs' `thinking` object: adaptive thinking with the
 * nearest supported effort where the model has it, else a manual budget. `none` turns thinking
 * off (or leaves it alone on models that always think).
 */
export function thinkingFromReasoningEffort(
  reasoningEffort: ReasoningEffort,
  capabilities: ModelCapabilities,
): ThinkingRequest | undefined {
  if (reasoningEffort === "none") return capabilities.thinking.alwaysOn ? undefined : { type: "disabled" };
  const level: EffortLevel = reasoningEffort === "minimal" ? "low" : reasoningEffort;
  if (capabilities.thinking.adaptive) {
    const effort = nearestSupportedEffort(level, capabilities.effortLevels);
    return effort ? { type: "adaptive", effort } : { type: "adaptive" };
  }
  if (capabilities.thinking.manual) return { type: "enabled", budget_tokens: manualBudgets[reasoningEffort] };
  return undefined;
}

/** The requested level if supported, else the highest supported level below it, else the lowest. */
export function nearestSupportedEffort(level: EffortLevel, supported: readonly EffortLevel[]): EffortLevel | undefined {
  if (supported.includes(level)) return level;
  const order = effortLevelSchema.options;
  const rank = order.indexOf(level);
  const below = supported.filter((candidate) => order.indexOf(candidate) < rank);
  const sorted = (below.length > 0 ? below : [...supported]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return below.length > 0 ? sorted.at(-1) : sorted[0];
}
