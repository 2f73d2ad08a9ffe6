import { z } from "zod";
import { effortLevelSchema } from "@/lib/catalog/model-catalog-schema";

/**
 * Chat Completions request as the `openai` SDKs send it, plus the Orq extensions (`thinking`,
 * `fallbacks`, `cache_control` on parts, `document` and `reasoning` parts). Strict where a
 * mistake would change the upstream request (roles, part types, cache_control); unknown
 * top-level fields are dropped so new SDK fields never break clients.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

export const cacheControlSchema = z.strictObject({
  type: z.literal("ephemeral"),
  ttl: z.enum(["5m", "1h"]).optional(),
});
export type CacheControl = z.infer<typeof cacheControlSchema>;

const cacheable = { cache_control: cacheControlSchema.nullish() };

export const textPartSchema = z.object({ type: z.literal("text"), text: z.string(), ...cacheable });

export const imageUrlPartSchema = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string().min(1), detail: z.enum(["auto", "low", "high"]).nullish() }),
  ...cacheable,
});

/** Orq's document part: `{type: "document", document: {type: "pdf", url | data}}`. */
export const documentPartSchema = z.object({
  type: z.literal("document"),
  document: z
    .object({
      type: z.literal("pdf").default("pdf"),
      url: z.string().min(1).nullish(),
      data: z.string().min(1).nullish(),
      title: z.string().nullish(),
    })
    .refine((document) => Boolean(document.url) !== Boolean(document.data), {
      message: "document needs exactly one of url or data",
    }),
  ...cacheable,
});

/** OpenAI's file part: `{type: "file", file: {file_data: "data:application/pdf;base64,…", filename}}`. */
export const filePartSchema = z.object({
  type: z.literal("file"),
  file: z.object({
    file_data: z.string().nullish(),
    file_id: z.string().nullish(),
    filename: z.string().nullish(),
  }),
  ...cacheable,
});

export const reasoningPartSchema = z.object({
  type: z.literal("reasoning"),
  reasoning: z.string(),
  signature: z.string().nullish(),
});

export const redactedReasoningPartSchema = z.object({ type: z.literal("redacted_reasoning"), data: z.string() });

const refusalPartSchema = z.object({ type: z.literal("refusal"), refusal: z.string() });

export const userContentPartSchema = z.discriminatedUnion("type", [
  textPartSchema,
  imageUrlPartSchema,
  documentPartSchema,
  filePartSchema,
]);
export type UserContentPart = z.infer<typeof userContentPartSchema>;

export const assistantContentPartSchema = z.discriminatedUnion("type", [
  textPartSchema,
  reasoningPartSchema,
  redactedReasoningPartSchema,
  refusalPartSchema,
]);
export type AssistantContentPart = z.infer<typeof assistantContentPartSchema>;

const messageCommon = { name: z.string().nullish(), cache_control: cacheControlSchema.nullish() };

const systemContentSchema = z.union([z.string(), z.array(textPartSchema)]);

export const toolCallSchema = z.object({
  id: z.string().min(1),
  type: z.literal("function").default("function"),
  function: z.object({ name: z.string().min(1), arguments: z.string() }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

export const chatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: systemContentSchema, ...messageCommon }),
  z.object({ role: z.literal("developer"), content: systemContentSchema, ...messageCommon }),
  z.object({
    role: z.literal("user"),
    content: z.union([z.string(), z.array(userContentPartSchema)]),
    ...messageCommon,
  }),
  z.object({
    role: z.literal("assistant"),
    content: z.union([z.string(), z.array(assistantContentPartSchema)]).nullish(),
    tool_calls: z.array(toolCallSchema).nullish(),
    // A response message pushed back as-is carries these flat fields (see the encoder).
    reasoning: z.string().nullish(),
    reasoning_signature: z.string().nullish(),
    redacted_reasoning: z.string().nullish(),
    reasoning_details: z.array(z.union([reasoningPartSchema, redactedReasoningPartSchema])).nullish(),
    refusal: z.string().nullish(),
    ...messageCommon,
  }),
  z.object({
    role: z.literal("tool"),
    tool_call_id: z.string().min(1),
    content: z.union([z.string(), z.array(textPartSchema)]),
    ...messageCommon,
  }),
]);
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const functionToolSchema = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().min(1),
    description: z.string().nullish(),
    parameters: z.record(z.string(), z.unknown()).nullish(),
    strict: z.boolean().nullish(),
  }),
  ...cacheable,
});
export type FunctionTool = z.infer<typeof functionToolSchema>;

export const toolChoiceSchema = z.union([
  z.enum(["auto", "none", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: z.string().min(1) }) }),
]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

const thinkingDisplaySchema = z.enum(["summarized", "omitted"]).optional();

export const thinkingSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("enabled"), budget_tokens: z.number().int(), display: thinkingDisplaySchema }),
  z.object({ type: z.literal("adaptive"), effort: effortLevelSchema.optional(), display: thinkingDisplaySchema }),
  z.object({ type: z.literal("disabled") }),
]);

export const responseFormatSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: z.string(),
      schema: z.record(z.string(), z.unknown()).nullish(),
      strict: z.boolean().nullish(),
      description: z.string().nullish(),
    }),
  }),
]);

/** Each fallback is a full upstream attempt: one request may not ask for more than this many. */
export const MAX_FALLBACKS = 8;
export const fallbacksSchema = z
  .array(z.looseObject({ model: z.string().min(1) }))
  .max(MAX_FALLBACKS, `at most ${MAX_FALLBACKS} fallbacks per request`);

export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().positive().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  user: z.string().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.number().int().nullish(),
  tools: z.array(functionToolSchema).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  thinking: thinkingSchema.nullish(),
  reasoning_effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh", "max"]).nullish(),
  response_format: responseFormatSchema.nullish(),
  fallbacks: fallbacksSchema.nullish(),
  logprobs: z.boolean().nullish(),
  modalities: z.array(z.string()).nullish(),
  audio: z.unknown().optional(),
  // Accepted for SDK compatibility and ignored: no Anthropic equivalent.
  frequency_penalty: z.number().nullish(),
  presence_penalty: z.number().nullish(),
  seed: z.number().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  store: z.boolean().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
