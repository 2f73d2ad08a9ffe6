import { toolDefinitionSchema, type ToolDefinition } from "@/lib/conversations/document/conversation-document";
import { toolSchemaProblem } from "@/lib/conversations/settings/validate-turn-settings";

/** A tool as the user edits it: the input schema is text until it parses. */
export type ToolDraft = { key: string; name: string; description: string; schemaText: string };

export const exampleToolSchema = JSON.stringify(
  { type: "object", properties: { location: { type: "string", description: "City name" } }, required: ["location"] },
  null,
  2,
);

export function toToolDrafts(tools: readonly ToolDefinition[]): ToolDraft[] {
  return tools.map((tool, index) => ({
    key: `${index}-${tool.name}`,
    name: tool.name,
    description: tool.description,
    schemaText: JSON.stringify(tool.parameters, null, 2),
  }));
}

/** Parses one draft: the tool, or what is wrong with it. */
export function parseToolDraft(draft: ToolDraft): { tool: ToolDefinition | null; problem: string | null } {
  let parameters: unknown;
  try {
    parameters = JSON.parse(draft.schemaText);
  } catch (error) {
    return { tool: null, problem: `The input schema is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = toolDefinitionSchema.safeParse({
    name: draft.name.trim(),
    description: draft.description,
    parameters,
  });
  if (!parsed.success) return { tool: null, problem: parsed.error.issues[0]?.message ?? "invalid tool" };
  const problem = toolSchemaProblem(parsed.data);
  return problem ? { tool: null, problem } : { tool: parsed.data, problem: null };
}
