import { InvalidRequestError } from "../../gateway-error";
import type { AnthropicTool, AnthropicToolChoice } from "../../anthropic/anthropic-request";
import { toCacheControl } from "./convert-user-content-part";
import type { FunctionTool, ToolChoice } from "./openai-chat-request-schema";

export type PreparedTools = {
  tools?: AnthropicTool[];
  tool_choice?: AnthropicToolChoice;
  /** The choice requires a tool call (`required` or a named function). */
  forcesToolUse: boolean;
};

/**
 * `tools` → Anthropic tools (`parameters` → `input_schema`); `tool_choice` auto→auto,
 * none→none, required→any, named function→tool; `parallel_tool_calls: false` →
 * `disable_parallel_tool_use`.
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use
 */
export function prepareChatTools(input: {
  tools: FunctionTool[] | null | undefined;
  toolChoice: ToolChoice | null | undefined;
  parallelToolCalls: boolean | null | undefined;
}): PreparedTools {
  const tools = input.tools ?? [];
  const choice = input.toolChoice ?? undefined;
  const forcesToolUse = choice === "required" || typeof choice === "object";

  if (tools.length === 0) {
    if (forcesToolUse) {
      throw new InvalidRequestError("tool_choice requires a tool, but no tools were given.", { param: "tool_choice" });
    }
    return { forcesToolUse: false };
  }

  const anthropicTools = tools.map((tool): AnthropicTool => ({
    name: tool.function.name,
    ...(tool.function.description ? { description: tool.function.description } : {}),
    input_schema: tool.function.parameters ?? { type: "object", properties: {} },
    ...toCacheControl(tool.cache_control),
  }));

  if (typeof choice === "object" && !tools.some((tool) => tool.function.name === choice.function.name)) {
    throw new InvalidRequestError(`tool_choice names the function "${choice.function.name}", which is not in tools.`, {
      param: "tool_choice.function.name",
    });
  }

  const disableParallel = input.parallelToolCalls === false ? { disable_parallel_tool_use: true } : {};
  let toolChoice: AnthropicToolChoice | undefined;
  if (choice === "none") toolChoice = { type: "none" };
  else if (choice === "required") toolChoice = { type: "any", ...disableParallel };
  else if (typeof choice === "object") toolChoice = { type: "tool", name: choice.function.name, ...disableParallel };
  else if (choice === "auto" || input.parallelToolCalls === false) toolChoice = { type: "auto", ...disableParallel };

  return { tools: anthropicTools, ...(toolChoice ? { tool_choice: toolChoice } : {}), forcesToolUse };
}
