import type { EffortLevel, ModelCapabilities } from "./model-catalog-schema";

/**
 * The catalog's rules for a request's output budget, thinking and sampling, in one place: the
 * gateway refuses a request with the first problem, the playground lists them all before sending.
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
export const minimumThinkingBudget = 1024;

/** What the rules need to know about the model; `name` is how messages call it. */
export type RuleModel = {
  name: string;
  capabilities: ModelCapabilities;
  maxOutputTokens: number;
  defaultMaxTokens: number;
  /** False for a model the catalog does not know: its output limit is a guess, so it is not enforced. */
  inCatalog: boolean;
};

export type RuleRequest = {
  maxTokens: number | undefined;
  thinking:
    | { type: "enabled"; budgetTokens: number }
    | { type: "adaptive"; effort: EffortLevel | undefined }
    | { type: "disabled" }
    | undefined;
  temperature: number | undefined;
  topP: number | undefined;
  topK: number | undefined;
  /** `tool_choice` requires a tool call. */
  forcesToolUse: boolean;
};

export type RuleParam =
  | "max_tokens"
  | "thinking.type"
  | "thinking.budget_tokens"
  | "thinking.effort"
  | "temperature"
  | "top_p"
  | "top_k"
  | "tool_choice";

export type RuleProblem = { param: RuleParam; code: string; message: string };

/**
 * Every rule the request breaks, in the order the gateway has always checked them (so the first
 * is the error it answers with).
 */
export function requestRuleProblems(model: RuleModel, request: RuleRequest): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const { capabilities, name } = model;
  const { thinking } = request;
  const sampling = { temperature: request.temperature, top_p: request.topP, top_k: request.topK };

  if (!capabilities.samplingParameters) {
    for (const param of ["temperature", "top_p", "top_k"] as const) {
      if (sampling[param] !== undefined)
        problems.push({
          param,
          code: "sampling_not_supported",
          message: `${name} does not accept ${param}; remove it (use effort to steer the model).`,
        });
    }
  }
  for (const param of ["temperature", "top_p"] as const) {
    const value = sampling[param];
    if (value !== undefined && (value < 0 || value > 1))
      problems.push({
        param,
        code: "out_of_range",
        message: `${param} must be between 0 and 1 for Claude models; got ${value}.`,
      });
  }
  if (request.topK !== undefined && request.topK < 1)
    problems.push({ param: "top_k", code: "out_of_range", message: `top_k must be at least 1; got ${request.topK}.` });
  if (request.maxTokens !== undefined && request.maxTokens < 1)
    problems.push({
      param: "max_tokens",
      code: "out_of_range",
      message: `max_tokens must be at least 1; got ${request.maxTokens}.`,
    });
  if (request.maxTokens !== undefined && request.maxTokens > model.maxOutputTokens && model.inCatalog)
    problems.push({
      param: "max_tokens",
      code: "over_output_limit",
      message: `max_tokens is ${request.maxTokens}, but ${name} can produce at most ${model.maxOutputTokens} output tokens.`,
    });

  switch (thinking?.type) {
    case undefined:
      break;
    case "enabled": {
      if (!capabilities.thinking.manual) {
        problems.push({
          param: "thinking.type",
          code: "manual_thinking_not_supported",
          message: `${name} supports only adaptive thinking; send thinking: {"type": "adaptive"} (optionally with an effort) instead of budget_tokens.`,
        });
        break;
      }
      const budget = thinking.budgetTokens;
      if (budget < minimumThinkingBudget)
        problems.push({
          param: "thinking.budget_tokens",
          code: "budget_too_small",
          message: `thinking.budget_tokens must be at least ${minimumThinkingBudget}; got ${budget}.`,
        });
      else if (budget >= effectiveMaxTokens({ ...model, maxTokens: request.maxTokens, thinkingBudget: budget }))
        problems.push({
          param: "thinking.budget_tokens",
          code: "budget_over_output_limit",
          message: `thinking.budget_tokens (${budget}) must be less than ${name}'s output limit of ${model.maxOutputTokens} tokens.`,
        });
      break;
    }
    case "adaptive":
      if (!capabilities.thinking.adaptive) {
        problems.push({
          param: "thinking.type",
          code: "adaptive_thinking_not_supported",
          message: `${name} does not support adaptive thinking; send thinking: {"type": "enabled", "budget_tokens": N} instead.`,
        });
        break;
      }
      if (thinking.effort !== undefined && !capabilities.effortLevels.includes(thinking.effort)) {
        const supported = capabilities.effortLevels;
        const choices = supported.length > 0 ? `supported: ${supported.join(", ")}` : "it has no effort control";
        problems.push({
          param: "thinking.effort",
          code: "effort_not_supported",
          message: `${name} does not support effort "${thinking.effort}" (${choices}).`,
        });
      }
      break;
    case "disabled":
      if (capabilities.thinking.alwaysOn)
        problems.push({
          param: "thinking.type",
          code: "thinking_always_on",
          message: `${name} always thinks; thinking cannot be disabled.`,
        });
      break;
    default: {
      const exhaustive: never = thinking;
      throw new Error(`unhandled thinking ${JSON.stringify(exhaustive)}`);
    }
  }

  if (request.forcesToolUse && !capabilities.forcedToolChoice)
    problems.push({
      param: "tool_choice",
      code: "forced_tool_not_supported",
      message: `${name} does not accept a tool_choice that forces a tool; use "auto".`,
    });
  const thinkingOn =
    thinking?.type === "enabled" ||
    thinking?.type === "adaptive" ||
    (thinking === undefined && capabilities.thinking.alwaysOn);
  if (thinkingOn) {
    if (request.forcesToolUse)
      problems.push({
        param: "tool_choice",
        code: "forced_tool_while_thinking",
        message: `tool_choice cannot force a tool while ${name} is thinking; use "auto" or "none", or turn thinking off.`,
      });
    if (request.temperature !== undefined && request.temperature !== 1)
      problems.push({
        param: "temperature",
        code: "temperature_while_thinking",
        message: `temperature must be 1 (or omitted) when thinking is enabled; got ${request.temperature}.`,
      });
    if (request.topK !== undefined)
      problems.push({
        param: "top_k",
        code: "top_k_while_thinking",
        message: "top_k is not allowed when thinking is enabled.",
      });
  }
  return problems;
}

/**
 * The max_tokens the gateway sends upstream: the client's, else the model's default; with a manual
 * thinking budget at or over it (or no max_tokens at all), max_tokens is the answer's own budget
 * and budget + max_tokens is sent, capped at the model's output limit.
 */
export function effectiveMaxTokens(input: {
  maxTokens: number | undefined;
  thinkingBudget: number | undefined;
  defaultMaxTokens: number;
  maxOutputTokens: number;
}): number {
  const maxTokens = input.maxTokens ?? input.defaultMaxTokens;
  const budget = input.thinkingBudget;
  if (budget === undefined) return maxTokens;
  if (input.maxTokens === undefined || budget >= maxTokens) return Math.min(budget + maxTokens, input.maxOutputTokens);
  return maxTokens;
}
