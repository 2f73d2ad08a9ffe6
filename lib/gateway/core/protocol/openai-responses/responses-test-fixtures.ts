import { anthropicFixtureNames } from "@/tests/fake-upstream/anthropic-fixtures";
import type { ResponseSettings } from "./openai-responses-api";

/** Every recorded Anthropic stream the Responses encoders are tested against (test-only helper). */
export const responsesFixtureNames = [
  ...anthropicFixtureNames,
  "anthropic-thinking-tool-use",
  "anthropic-max-tokens",
] as const;

/** What `translateResponsesRequest` echoes for `{model, input}` alone on claude-sonnet-4-6. */
export const defaultResponseSettings: ResponseSettings = {
  instructions: null,
  max_output_tokens: 8192,
  metadata: {},
  parallel_tool_calls: true,
  reasoning: { effort: null, summary: null },
  temperature: null,
  top_p: null,
  text: { format: { type: "text" } },
  tool_choice: "auto",
  tools: [],
  user: null,
};

export const fixtureEncodingOptions = {
  model: "anthropic/claude-sonnet-4-6",
  settings: defaultResponseSettings,
  createdAt: 1_760_000_000,
};
