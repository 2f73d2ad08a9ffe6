import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import type { EffortLevel } from "@/lib/catalog/model-catalog-schema";
import { InvalidRequestError } from "../../gateway-error";
import type { AnthropicMessagesRequest, AnthropicThinkingConfig } from "./anthropic-request";

/** The docs' `thinking` object, shared by every OpenAI-shaped protocol. */
export type ThinkingRequest =
  | { type: "enabled"; budget_tokens: number; display?: "summarized" | "omitted" }
  | { type: "adaptive"; effort?: EffortLevel; display?: "summarized" | "omitted" }
  | { type: "disabled" };

export const minimumThinkingBudget = 1024;

export type GenerationSettingsInput = {
  model: ResolvedGatewayModel;
  /** The client's `max_tokens` / `max_completion_tokens` / `max_output_tokens`. */
  maxTokens: number | undefined;
  thinking: ThinkingRequest | undefined;
  temperature: number | undefined;
  topP: number | undefined;
  topK: number | undefined;
  /** `tool_choice` requires a tool call (`required` or a named function). */
  forcesToolUse: boolean;
};

export type GenerationSettings = Pick<
  AnthropicMessagesRequest,
  "max_tokens" | "thinking" | "temperature" | "top_p" | "top_k"
> & { effort: EffortLevel | undefined };

/**
 * max_tokens, thinking, effort and sampling parameters, with the model's rules applied:
 * - manual thinking: budget ≥ 1024; when budget ≥ max_tokens, max_tokens is the answer's budget
 *   and budget + max_tokens is sent (capped at the model's output limit);
 * - adaptive thinking and effort only where the catalog says the model supports them;
 * - with thinking on: no forced tool, temperature only 1, no top_k.
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
export function prepareGenerationSettings(input: GenerationSettingsInput): GenerationSettings {
  const { model, thinking } = input;
  const { capabilities, limits } = model;
  const modelName = model.modelId;

  checkSamplingParameters(input);
  if (input.maxTokens !== undefined && input.maxTokens > limits.maxOutputTokens && model.entry) {
    throw new InvalidRequestError(
      `max_tokens is ${input.maxTokens}, but ${modelName} can produce at most ${limits.maxOutputTokens} output tokens.`,
      { param: "max_tokens" },
    );
  }

  let maxTokens = input.maxTokens ?? limits.defaultMaxTokens;
  let thinkingConfig: AnthropicThinkingConfig | undefined;
  let effort: EffortLevel | undefined;

  switch (thinking?.type) {
    case undefined:
      break;
    case "enabled": {
      if (!capabilities.thinking.manual) {
        throw new InvalidRequestError(
          `${modelName} supports only adaptive thinking; send thinking: {"type": "adaptive"} (optionally with an effort) instead of budget_tokens.`,
          { param: "thinking.type" },
        );
      }
      const budget = thinking.budget_tokens;
      if (budget < minimumThinkingBudget) {
        throw new InvalidRequestError(
          `thinking.budget_tokens must be at least ${minimumThinkingBudget}; got ${budget}.`,
          {
            param: "thinking.budget_tokens",
          },
        );
      }
      if (input.maxTokens === undefined || budget >= maxTokens) {
        maxTokens = Math.min(budget + maxTokens, limits.maxOutputTokens);
      }
      if (budget >= maxTokens) {
        throw new InvalidRequestError(
          `thinking.budget_tokens (${budget}) must be less than ${modelName}'s output limit of ${limits.maxOutputTokens} tokens.`,
          { param: "thinking.budget_tokens" },
        );
      }
      thinkingConfig = {
        type: "enabled",
        budget_tokens: budget,
        ...(thinking.display ? { display: thinking.display } : {}),
      };
      break;
    }
    case "adaptive": {
      if (!capabilities.thinking.adaptive) {
        throw new InvalidRequestError(
          `${modelName} does not support adaptive thinking; send thinking: {"type": "enabled", "budget_tokens": N} instead.`,
          { param: "thinking.type" },
        );
      }
      if (thinking.effort !== undefined) effort = checkEffort(thinking.effort, model);
      thinkingConfig = { type: "adaptive", ...(thinking.display ? { display: thinking.display } : {}) };
      break;
    }
    case "disabled":
      if (capabilities.thinking.alwaysOn) {
        throw new InvalidRequestError(`${modelName} always thinks; thinking cannot be disabled.`, {
          param: "thinking.type",
        });
      }
      thinkingConfig = { type: "disabled" };
      break;
    default: {
      const exhaustive: never = thinking;
      throw new Error(`unhandled thinking ${JSON.stringify(exhaustive)}`);
    }
  }

  const thinkingOn =
    thinkingConfig?.type === "enabled" ||
    thinkingConfig?.type === "adaptive" ||
    (capabilities.thinking.alwaysOn && thinkingConfig === undefined);
  if (input.forcesToolUse && !capabilities.forcedToolChoice) {
    throw new InvalidRequestError(`${modelName} does not accept a tool_choice that forces a tool; use "auto".`, {
      param: "tool_choice",
    });
  }
  if (thinkingOn) checkThinkingRestrictions(input, modelName);

  return {
    max_tokens: maxTokens,
    ...(thinkingConfig ? { thinking: thinkingConfig } : {}),
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.topP !== undefined ? { top_p: input.topP } : {}),
    ...(input.topK !== undefined ? { top_k: input.topK } : {}),
    effort,
  };
}

function checkSamplingParameters(input: GenerationSettingsInput): void {
  const { model } = input;
  if (!model.capabilities.samplingParameters) {
    const sent = (["temperature", "top_p", "top_k"] as const).find(
      (name) => ({ temperature: input.temperature, top_p: input.topP, top_k: input.topK })[name] !== undefined,
    );
    if (sent) {
      throw new InvalidRequestError(
        `${model.modelId} does not accept ${sent}; remove it (use effort to steer the model).`,
        {
          param: sent,
        },
      );
    }
  }
  if (input.temperature !== undefined && (input.temperature < 0 || input.temperature > 1)) {
    throw new InvalidRequestError(`temperature must be between 0 and 1 for Claude models; got ${input.temperature}.`, {
      param: "temperature",
    });
  }
}

function checkThinkingRestrictions(input: GenerationSettingsInput, modelName: string): void {
  if (input.forcesToolUse) {
    throw new InvalidRequestError(
      `tool_choice cannot force a tool while ${modelName} is thinking; use "auto" or "none", or turn thinking off.`,
      { param: "tool_choice" },
    );
  }
  if (input.temperature !== undefined && input.temperature !== 1) {
    throw new InvalidRequestError(
      `temperature must be 1 (or omitted) when thinking is enabled; got ${input.temperature}.`,
      {
        param: "temperature",
      },
    );
  }
  if (input.topK !== undefined) {
    throw new InvalidRequestError("top_k is not allowed when thinking is enabled.", { param: "top_k" });
  }
}

function checkEffort(effort: EffortLevel, model: ResolvedGatewayModel): EffortLevel {
  const supported = model.capabilities.effortLevels;
  if (!supported.includes(effort)) {
    const choices = supported.length > 0 ? `supported: ${supported.join(", ")}` : "it has no effort control";
    throw new InvalidRequestError(`${model.modelId} does not support effort "${effort}" (${choices}).`, {
      param: "thinking.effort",
    });
  }
  return effort;
}
