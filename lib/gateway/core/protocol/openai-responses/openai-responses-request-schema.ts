import { z } from "zod";
import { cacheControlSchema, fallbacksSchema, thinkingSchema } from "../openai-chat/openai-chat-request-schema";

/**
 * Responses API request as the `openai` SDKs send it, plus the Orq extensions shared with Chat
 * Completions (`thinking`, `fallbacks`, `top_k`, `cache_control` on parts, message items and
 * tools). Strict where a mistake would change the upstream request (item and part types, roles,
 * tools); unknown top-level fields are dropped so new SDK fields never break clients.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */

const cacheable = { cache_control: cacheControlSchema.nullish() };

export const inputTextPartSchema = z.object({ type: z.literal("input_text"), text: z.string(), ...cacheable });

export const inputImagePartSchema = z.object({
  type: z.literal("input_image"),
  /** An http(s) URL or a base64 `data:` URI. */
  image_url: z.string().min(1).nullish(),
  file_id: z.string().nullish(),
  detail: z.enum(["auto", "low", "high", "original"]).nullish(),
  ...cacheable,
});

export const inputFilePartSchema = z.object({
  type: z.literal("input_file"),
  /** `data:application/pdf;base64,…` (or bare base64 PDF). */
  file_data: z.string().nullish(),
  file_url: z.string().min(1).nullish(),
  file_id: z.string().nullish(),
  filename: z.string().nullish(),
  ...cacheable,
});

export const inputContentPartSchema = z.discriminatedUnion("type", [
  inputTextPartSchema,
  inputImagePartSchema,
  inputFilePartSchema,
]);
export type InputContentPart = z.infer<typeof inputContentPartSchema>;

/** A previous answer's text, as `response.output` returns it. */
export const outputTextPartSchema = z.object({ type: z.literal("output_text"), text: z.string(), ...cacheable });
const refusalPartSchema = z.object({ type: z.literal("refusal"), refusal: z.string() });

export const assistantContentPartSchema = z.discriminatedUnion("type", [
  outputTextPartSchema,
  inputTextPartSchema,
  refusalPartSchema,
]);
export type AssistantContentPart = z.infer<typeof assistantContentPartSchema>;

/** Anthropic system prompts are text only. */
const systemTextPartSchema = inputTextPartSchema.extend({
  type: z.literal("input_text", { error: "system and developer messages accept only input_text parts" }),
});

const messageCommon = {
  type: z.literal("message"),
  id: z.string().nullish(),
  status: z.string().nullish(),
  ...cacheable,
};

export const messageItemSchema = z.discriminatedUnion("role", [
  z.object({
    ...messageCommon,
    role: z.literal("user"),
    content: z.union([z.string(), z.array(inputContentPartSchema)]),
  }),
  z.object({
    ...messageCommon,
    role: z.literal("system"),
    content: z.union([z.string(), z.array(systemTextPartSchema)]),
  }),
  z.object({
    ...messageCommon,
    role: z.literal("developer"),
    content: z.union([z.string(), z.array(systemTextPartSchema)]),
  }),
  z.object({
    ...messageCommon,
    role: z.literal("assistant"),
    content: z.union([z.string(), z.array(assistantContentPartSchema)]),
    phase: z.string().nullish(),
  }),
]);

export const functionCallItemSchema = z.object({
  type: z.literal("function_call"),
  id: z.string().nullish(),
  call_id: z.string().min(1),
  name: z.string().min(1),
  /** A JSON object as a string, as the model produced it. */
  arguments: z.string(),
  status: z.string().nullish(),
});
export type FunctionCallItem = z.infer<typeof functionCallItemSchema>;

export const functionCallOutputItemSchema = z.object({
  type: z.literal("function_call_output"),
  id: z.string().nullish(),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(inputContentPartSchema)]),
  status: z.string().nullish(),
  ...cacheable,
});
export type FunctionCallOutputItem = z.infer<typeof functionCallOutputItemSchema>;

/**
 * A reasoning item handed back from a previous `response.output`: its summary holds Claude's
 * thinking text and `encrypted_content` the signature or redacted data (see
 * `reasoning-item-content.ts`).
 */
export const reasoningItemSchema = z.object({
  type: z.literal("reasoning"),
  id: z.string().nullish(),
  summary: z.array(z.object({ type: z.literal("summary_text"), text: z.string() })).default([]),
  content: z.array(z.object({ type: z.literal("reasoning_text"), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
  status: z.string().nullish(),
});
export type ReasoningItem = z.infer<typeof reasoningItemSchema>;

/** Accepted so the 400 can say why: this gateway keeps no stored items. */
export const itemReferenceSchema = z.object({ type: z.literal("item_reference"), id: z.string() });

export const inputItemSchema = z.preprocess(
  // EasyInputMessage may omit `type`.
  (item) =>
    typeof item === "object" && item !== null && !("type" in item) && "role" in item
      ? { ...item, type: "message" }
      : item,
  z.discriminatedUnion("type", [
    messageItemSchema,
    functionCallItemSchema,
    functionCallOutputItemSchema,
    reasoningItemSchema,
    itemReferenceSchema,
  ]),
);
export type InputItem = z.infer<typeof inputItemSchema>;

/** Responses function tools are flat: `{type: "function", name, description, parameters, strict}`. */
export const responsesFunctionToolSchema = z.object({
  type: z.literal("function", {
    error:
      "only function tools are supported; hosted tools (web_search, file_search, …) are not available for Claude through this gateway",
  }),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
  ...cacheable,
});

export const responsesToolChoiceSchema = z.union([
  z.enum(["auto", "none", "required"]),
  z.object({ type: z.literal("function"), name: z.string().min(1) }),
]);
export type ResponsesToolChoice = z.infer<typeof responsesToolChoiceSchema>;

export const reasoningEffortSchema = z.enum(["none", "minimal", "low", "medium", "high", "xhigh", "max"]);

export const reasoningConfigSchema = z.object({
  effort: reasoningEffortSchema.nullish(),
  summary: z.enum(["auto", "concise", "detailed"]).nullish(),
  generate_summary: z.enum(["auto", "concise", "detailed"]).nullish(),
});

export const textFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);
export type TextFormat = z.infer<typeof textFormatSchema>;

export const responsesRequestSchema = z.object({
  model: z.string().min(1),
  /** Required; optional here so its absence gets the usual "Missing required parameter" 400. */
  input: z.union([z.string(), z.array(inputItemSchema)]).optional(),
  instructions: z.string().nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().positive().nullish(),
  tools: z.array(responsesFunctionToolSchema).nullish(),
  tool_choice: responsesToolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  reasoning: reasoningConfigSchema.nullish(),
  thinking: thinkingSchema.nullish(),
  text: z.object({ format: textFormatSchema.nullish(), verbosity: z.string().nullish() }).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  stream: z.boolean().nullish(),
  fallbacks: fallbacksSchema.nullish(),
  // Rejected with an explanation when set (see translate-responses-request.ts).
  store: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  conversation: z.unknown().optional(),
  background: z.boolean().nullish(),
  prompt: z.unknown().optional(),
  top_logprobs: z.number().int().nullish(),
  // Accepted for SDK compatibility and ignored: no Anthropic equivalent.
  include: z.array(z.string()).nullish(),
  truncation: z.enum(["auto", "disabled"]).nullish(),
  service_tier: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  stream_options: z.looseObject({}).nullish(),
  max_tool_calls: z.number().int().nullish(),
});
export type ResponsesRequest = z.infer<typeof responsesRequestSchema> & {
  input: NonNullable<z.infer<typeof responsesRequestSchema>["input"]>;
};
