import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import type { EffortLevel } from "@/lib/catalog/model-catalog-schema";
import { effectiveMaxTokens, requestRuleProblems } from "@/lib/catalog/request-rules";
import { InvalidRequestError } from "../gateway-error";
import type { AnthropicMessagesRequest } from "./anthropic-request";

/** The docs' `thinking` object, shared by every OpenAI-shaped protocol. */
export type ThinkingRequest =
  | { type: "enabled"; budget_tokens: number; display?: "summarized" | "omitted" }
  | { type: "adaptive"; effort?: EffortLevel; display?: "summarized" | "omitted" }
  | { type: "disabled" };

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
 * max_tokens, thinking, effort and sampling parameters, refused with the first of the catalog's
 * rules the request breaks (lib/catalog/request-rules.ts, which the playground checks too).
 */
export function prepareGenerationSettings(input: GenerationSettingsInput): GenerationSettings {
  const { model, thinking } = input;
  const { limits } = model;
  const [problem] = requestRuleProblems(
    {
      name: model.modelId,
      capabilities: model.capabilities,
      maxOutputTokens: limits.maxOutputTokens,
      defaultMaxTokens: limits.defaultMaxTokens,
      inCatalog: Boolean(model.entry),
    },
    {
      maxTokens: input.maxTokens,
      thinking:
        thinking?.type === "enabled"
          ? { type: "enabled", budgetTokens: thinking.budget_tokens }
          : thinking?.type === "adaptive"
            ? { type: "adaptive", effort: thinking.effort }
            : thinking,
      temperature: input.temperature,
      topP: input.topP,
      topK: input.topK,
      forcesToolUse: input.forcesToolUse,
    },
  );
  if (problem) throw new InvalidRequestError(problem.message, { param: problem.param });

  const display = thinking && thinking.type !== "disabled" && thinking.display ? { display: thinking.display } : {};
  return {
    max_tokens: effectiveMaxTokens({
      maxTokens: input.maxTokens,
      thinkingBudget: thinking?.type === "enabled" ? thinking.budget_tokens : undefined,
      defaultMaxTokens: limits.defaultMaxTokens,
      maxOutputTokens: limits.maxOutputTokens,
    }),
    ...(thinking?.type === "enabled"
      ? { thinking: { type: "enabled" as const, budget_tokens: thinking.budget_tokens, ...display } }
      : {}),
    ...(thinking?.type === "adaptive" ? { thinking: { type: "adaptive" as const, ...display } } : {}),
    ...(thinking?.type === "disabled" ? { thinking: { type: "disabled" as const } } : {}),
    ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
    ...(input.topP !== undefined ? { top_p: input.topP } : {}),
    ...(input.topK !== undefined ? { top_k: input.topK } : {}),
    effort: thinking?.type === "adaptive" ? thinking.effort : undefined,
  };
}
