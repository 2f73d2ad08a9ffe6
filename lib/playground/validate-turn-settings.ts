import type { ModelCapabilities } from "@/lib/catalog/model-catalog-schema";
import type { PlaygroundSettings, ToolDefinition } from "./session-document";
import { minimumThinkingBudget, thinkingIsOn } from "./thinking-options";

export type SettingsProblem = { field: string; message: string };
export type SettingsCheck = { errors: SettingsProblem[]; warnings: SettingsProblem[] };

type ModelFacts = { displayName: string; capabilities: ModelCapabilities; maxOutputTokens: number };

/**
 * The gateway's rules for parameters and thinking, checked in the browser before sending so
 * the user sees them next to the control (the gateway checks again).
 */
export function validateTurnSettings(settings: PlaygroundSettings, model: ModelFacts): SettingsCheck {
  const errors: SettingsProblem[] = [];
  const warnings: SettingsProblem[] = [];
  const { capabilities, displayName } = model;
  const { parameters, thinking } = settings;

  if (thinking.mode === "manual") {
    if (!capabilities.thinking.manual)
      errors.push({ field: "thinking", message: `${displayName} supports only adaptive thinking.` });
    if (thinking.budgetTokens < minimumThinkingBudget) {
      errors.push({
        field: "thinking",
        message: `The thinking budget must be at least ${minimumThinkingBudget} tokens.`,
      });
    }
    if (thinking.budgetTokens >= model.maxOutputTokens) {
      errors.push({
        field: "thinking",
        message: `The thinking budget must be below ${displayName}'s output limit of ${model.maxOutputTokens.toLocaleString("en-US")} tokens.`,
      });
    }
  }
  if (thinking.mode === "adaptive") {
    if (!capabilities.thinking.adaptive)
      errors.push({ field: "thinking", message: `${displayName} does not support adaptive thinking.` });
    if (thinking.effort && !capabilities.effortLevels.includes(thinking.effort)) {
      errors.push({ field: "thinking", message: `${displayName} does not support effort "${thinking.effort}".` });
    }
  }
  if (thinking.mode === "off" && capabilities.thinking.alwaysOn) {
    errors.push({ field: "thinking", message: `${displayName} always thinks; choose Adaptive.` });
  }

  if (parameters.maxTokens !== null && parameters.maxTokens > model.maxOutputTokens) {
    errors.push({
      field: "maxTokens",
      message: `${displayName} produces at most ${model.maxOutputTokens.toLocaleString("en-US")} output tokens.`,
    });
  }
  if (!capabilities.samplingParameters) {
    for (const [field, value, name] of [
      ["temperature", parameters.temperature, "temperature"],
      ["topP", parameters.topP, "top_p"],
      ["topK", parameters.topK, "top_k"],
    ] as const) {
      if (value !== null)
        errors.push({ field, message: `${displayName} does not accept ${name}; clear it (use effort instead).` });
    }
  } else {
    if (thinkingIsOn(thinking, capabilities)) {
      if (parameters.temperature !== null && parameters.temperature !== 1) {
        errors.push({ field: "temperature", message: "With thinking on, temperature must be 1 or unset." });
      }
      if (parameters.topK !== null) errors.push({ field: "topK", message: "top_k is not allowed with thinking on." });
    }
    if (parameters.temperature !== null && parameters.topP !== null) {
      warnings.push({
        field: "topP",
        message: "Newer Claude models reject temperature and top_p together; set only one.",
      });
    }
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
