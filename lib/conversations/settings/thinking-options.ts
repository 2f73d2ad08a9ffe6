import type { ModelCapabilities } from "@/lib/catalog/model-catalog-schema";
import type { ThinkingSetting } from "@/lib/conversations/document/conversation-document";

export const maximumThinkingBudget = 64_000;

/** The extended-thinking docs' starting points for a budget. */
export const thinkingBudgetPresets = [
  { label: "Code review", range: "2–5k", budgetTokens: 4_000 },
  { label: "System design", range: "5–10k", budgetTokens: 8_000 },
  { label: "Research", range: "10k+", budgetTokens: 16_000 },
] as const;

export type ThinkingModeOption = { mode: ThinkingSetting["mode"]; label: string; disabledReason: string | null };

/** Off / Adaptive / Manual for a model, each with the reason when the model does not support it. */
export function thinkingModeOptions(capabilities: ModelCapabilities, modelName: string): ThinkingModeOption[] {
  return [
    {
      mode: "off",
      label: "Off",
      disabledReason: capabilities.thinking.alwaysOn
        ? `${modelName} always thinks; thinking cannot be turned off.`
        : null,
    },
    {
      mode: "adaptive",
      label: "Adaptive",
      disabledReason: capabilities.thinking.adaptive
        ? null
        : `${modelName} does not support adaptive thinking; use a manual budget.`,
    },
    {
      mode: "manual",
      label: "Manual",
      disabledReason: capabilities.thinking.manual
        ? null
        : `${modelName} supports only adaptive thinking (no manual budget).`,
    },
  ];
}

/** The closest setting a model supports, so switching models never leaves an impossible choice selected. */
export function coerceThinking(thinking: ThinkingSetting, capabilities: ModelCapabilities): ThinkingSetting {
  const { manual, adaptive, alwaysOn } = capabilities.thinking;
  if (thinking.mode === "off" && alwaysOn) return { mode: "adaptive", effort: null };
  if (thinking.mode === "manual" && !manual) return adaptive ? { mode: "adaptive", effort: null } : { mode: "off" };
  if (thinking.mode === "adaptive") {
    if (!adaptive) return manual ? { mode: "manual", budgetTokens: 8_000 } : { mode: "off" };
    if (thinking.effort && !capabilities.effortLevels.includes(thinking.effort))
      return { mode: "adaptive", effort: null };
  }
  return thinking;
}

/** Whether the model will think with this setting (always-on models think when "off" is impossible). */
export function thinkingIsOn(thinking: ThinkingSetting, capabilities: ModelCapabilities): boolean {
  return thinking.mode !== "off" || capabilities.thinking.alwaysOn;
}
