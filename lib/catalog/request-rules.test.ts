import { describe, expect, it } from "vitest";
import { findCatalogEntry } from "./model-catalog";
import {
  effectiveMaxTokens,
  requestRuleProblems,
  type RuleModel,
  type RuleParam,
  type RuleRequest,
} from "./request-rules";

describe("effectiveMaxTokens", () => {
  const limits = { defaultMaxTokens: 8192, maxOutputTokens: 64_000 };
  it.each([
    ["no max_tokens, no thinking: the model's default", undefined, undefined, 8192],
    ["max_tokens as given", 300, undefined, 300],
    ["thinking with no max_tokens: budget + default", undefined, 2000, 10_192],
    ["budget below max_tokens: max_tokens as given", 4000, 2000, 4000],
    ["budget at or over max_tokens: budget + max_tokens", 300, 2000, 2300],
    ["capped at the model's output limit", 40_000, 50_000, 64_000],
  ])("%s", (_name, maxTokens, thinkingBudget, expected) => {
    expect(effectiveMaxTokens({ maxTokens, thinkingBudget, ...limits })).toBe(expected);
  });
});

describe("requestRuleProblems", () => {
  const model = (id: string): RuleModel => {
    const entry = findCatalogEntry(id)!;
    return { name: id, inCatalog: true, ...entry };
  };
  const request = (changes: Partial<RuleRequest>): RuleRequest => ({
    maxTokens: undefined,
    thinking: undefined,
    temperature: undefined,
    topP: undefined,
    topK: undefined,
    forcesToolUse: false,
    ...changes,
  });

  it.each<[string, string, Partial<RuleRequest>, Array<[RuleParam, string]>]>([
    ["nothing set", "claude-sonnet-4-6", {}, []],
    ["a budget of 2000", "claude-sonnet-4-6", { thinking: { type: "enabled", budgetTokens: 2000 } }, []],
    [
      "a budget below 1024",
      "claude-sonnet-4-6",
      { thinking: { type: "enabled", budgetTokens: 500 } },
      [["thinking.budget_tokens", "budget_too_small"]],
    ],
    [
      "a budget at the output limit",
      "claude-sonnet-4-6",
      { thinking: { type: "enabled", budgetTokens: 128_000 } },
      [["thinking.budget_tokens", "budget_over_output_limit"]],
    ],
    [
      "a budget on an adaptive-only model",
      "claude-opus-4-7",
      { thinking: { type: "enabled", budgetTokens: 2000 } },
      [["thinking.type", "manual_thinking_not_supported"]],
    ],
    [
      "adaptive on a manual-only model",
      "claude-haiku-4-5-20251001",
      { thinking: { type: "adaptive", effort: undefined } },
      [["thinking.type", "adaptive_thinking_not_supported"]],
    ],
    [
      "an effort the model lacks",
      "claude-opus-4-6",
      { thinking: { type: "adaptive", effort: "xhigh" } },
      [["thinking.effort", "effort_not_supported"]],
    ],
    [
      "max_tokens over the output limit",
      "claude-sonnet-4-6",
      { maxTokens: 10_000_000 },
      [["max_tokens", "over_output_limit"]],
    ],
    [
      "sampling with thinking on",
      "claude-sonnet-4-6",
      { thinking: { type: "enabled", budgetTokens: 2000 }, temperature: 0.5, topK: 5 },
      [
        ["temperature", "temperature_while_thinking"],
        ["top_k", "top_k_while_thinking"],
      ],
    ],
    ["sampling on a model without it", "claude-opus-4-7", { topP: 0.9 }, [["top_p", "sampling_not_supported"]]],
    [
      "out-of-range sampling",
      "claude-sonnet-4-6",
      { temperature: 1.5, topP: -1, topK: 0 },
      [
        ["temperature", "out_of_range"],
        ["top_p", "out_of_range"],
        ["top_k", "out_of_range"],
      ],
    ],
  ])("%s on %s", (_name, modelId, changes, expected) => {
    const problems = requestRuleProblems(model(modelId), request(changes));
    expect(problems.map((problem) => [problem.param, problem.code])).toEqual(expected);
  });

  it("does not enforce an output limit it only guesses (a model outside the catalog)", () => {
    const guessed = { ...model("claude-sonnet-4-6"), inCatalog: false };
    expect(requestRuleProblems(guessed, request({ maxTokens: 10_000_000 }))).toEqual([]);
  });
});
