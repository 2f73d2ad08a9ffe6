import { describe, expect, it } from "vitest";
import { findCatalogEntry } from "@/lib/catalog/model-catalog";
import type { EffortLevel } from "@/lib/catalog/model-catalog-schema";
import { nearestSupportedEffort, thinkingFromReasoningEffort, type ReasoningEffort } from "./map-reasoning-effort";

const capabilitiesOf = (id: string) => findCatalogEntry(id)!.capabilities;

describe("thinkingFromReasoningEffort", () => {
  it.each<[string, ReasoningEffort, unknown]>([
    ["claude-opus-4-7", "high", { type: "adaptive", effort: "high" }],
    ["claude-opus-4-7", "minimal", { type: "adaptive", effort: "low" }],
    ["claude-sonnet-4-6", "xhigh", { type: "adaptive", effort: "high" }],
    ["claude-haiku-4-5", "medium", { type: "enabled", budget_tokens: 8192 }],
    ["claude-haiku-4-5", "none", { type: "disabled" }],
    ["claude-opus-5-5", "none", undefined],
  ])("%s with %s → %j", (model, effort, thinking) => {
    expect(thinkingFromReasoningEffort(effort, capabilitiesOf(model))).toEqual(thinking);
  });
});

describe("nearestSupportedEffort", () => {
  it.each<[EffortLevel, EffortLevel[], EffortLevel | undefined]>([
    ["high", ["low", "medium", "high"], "high"],
    ["xhigh", ["low", "medium", "high", "max"], "high"],
    ["max", ["low", "medium", "high"], "high"],
    ["low", ["medium", "high"], "medium"],
    ["low", [], undefined],
  ])("%s among %j → %s", (level, supported, expected) => {
    expect(nearestSupportedEffort(level, supported)).toBe(expected);
  });
});
