import type { ModelCapabilities } from "@/lib/catalog/model-catalog-schema";
import type { PlaygroundSettings, ToolDefinition } from "@/lib/conversations/document/conversation-document";
import { effectiveMaxTokens, requestRuleProblems, type RuleParam } from "@/lib/catalog/request-rules";

export type SettingsProblem = { field: string; message: string };
export type SettingsCheck = { errors: SettingsProblem[]; warnings: SettingsProblem[] };

type ModelFacts = {
  displayName: string;
  capabilities: ModelCapabilities;
  maxOutputTokens: number;
  defaultMaxTokens: number;
};

/** Where the playground shows a rule's problem. */
const fieldOf: Record<RuleParam, string> = {
  max_tokens: "maxTokens",
  "thinking.type": "thinking",
  "thinking.budget_tokens": "thinking.budget_tokens",
  "thinking.effort": "thinking",
  temperature: "temperature",
  top_p: "topP",
  top_k: "topK",
  tool_choice: "tools",
};

/**
 * The gateway's rules for parameters and thinking (the same table, lib/catalog/request-rules.ts),
 * checked in the browser before sending so the user sees them next to the control.
 */
export function validateTurnSettings(settings: PlaygroundSettings, model: ModelFacts): SettingsCheck {
  const errors: SettingsProblem[] = [];
  const warnings: SettingsProblem[] = [];
  const { capabilities, displayName } = model;
  const { parameters, thinking } = settings;

  const problems = requestRuleProblems(
    { ...model, name: displayName, inCatalog: true },
    {
      maxTokens: parameters.maxTokens ?? undefined,
      thinking:
        thinking.mode === "manual"
          ? { type: "enabled", budgetTokens: thinking.budgetTokens }
          : thinking.mode === "adaptive"
            ? { type: "adaptive", effort: thinking.effort ?? undefined }
            : undefined,
      temperature: parameters.temperature ?? undefined,
      topP: parameters.topP ?? undefined,
      topK: parameters.topK ?? undefined,
      forcesToolUse: false,
    },
  );
  for (const problem of problems) errors.push({ field: fieldOf[problem.param], message: problem.message });

  if (capabilities.samplingParameters && parameters.temperature !== null && parameters.topP !== null) {
    warnings.push({
      field: "topP",
      message: "Newer Claude models reject temperature and top_p together; set only one.",
    });
  }
  if (thinking.mode === "manual" && parameters.maxTokens !== null && thinking.budgetTokens >= parameters.maxTokens) {
    const sent = effectiveMaxTokens({
      maxTokens: parameters.maxTokens,
      thinkingBudget: thinking.budgetTokens,
      defaultMaxTokens: model.defaultMaxTokens,
      maxOutputTokens: model.maxOutputTokens,
    });
    if (thinking.budgetTokens < sent)
      warnings.push({
        field: "maxTokens",
        message: `The thinking budget is not below max tokens, so the gateway sends max_tokens ${sent.toLocaleString("en-US")} (budget + max tokens, capped at the model's limit).`,
      });
  }

  settings.tools.forEach((tool, index) => {
    const problem = toolSchemaProblem(tool);
    if (problem) errors.push({ field: `tools.${index}`, message: `Tool "${tool.name}": ${problem}` });
  });
  const names = settings.tools.map((tool) => tool.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) errors.push({ field: "tools", message: `Two tools are named "${duplicate}".` });
  if (settings.tools.length > 0 && !capabilities.tools)
    errors.push({ field: "tools", message: `${displayName} does not use tools.` });
  return { errors, warnings };
}

const JSON_SCHEMA_TYPES = new Set(["object", "string", "number", "integer", "boolean", "array", "null"]);

/** A tool's input schema must be a JSON Schema object schema; returns what is wrong, if anything. */
export function toolSchemaProblem(tool: Pick<ToolDefinition, "parameters">): string | null {
  const schema = tool.parameters;
  if (schema.type !== "object") return 'the input schema must have "type": "object".';
  if (schema.properties !== undefined) {
    if (typeof schema.properties !== "object" || schema.properties === null || Array.isArray(schema.properties)) {
      return '"properties" must be an object.';
    }
    for (const [name, property] of Object.entries(schema.properties as Record<string, unknown>)) {
      if (typeof property !== "object" || property === null) return `property "${name}" must be a schema object.`;
      const type = (property as { type?: unknown }).type;
      const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
      if (types.some((entry) => typeof entry !== "string" || !JSON_SCHEMA_TYPES.has(entry))) {
        return `property "${name}" has an unknown type.`;
      }
    }
  }
  if (schema.required !== undefined) {
    if (!Array.isArray(schema.required) || schema.required.some((name) => typeof name !== "string")) {
      return '"required" must be a list of property names.';
    }
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const missing = (schema.required as string[]).find((name) => !(name in properties));
    if (missing) return `"required" names "${missing}", which is not in "properties".`;
  }
  return null;
}
