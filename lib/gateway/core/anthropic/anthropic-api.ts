import { z } from "zod";
import { toTokenCount } from "../token-count";

/**
 * Zod schemas of what Anthropic sends back: lenient (nullish, passthrough) so new fields and
 * new block or event types never break decoding.
 * @see https://platform.claude.com/docs/en/build-with-claude/streaming
 */

/**
 * Token counts are untrusted input like any other: a negative, fractional, non-finite or absurd
 * count is clamped or dropped (lib/gateway/token-count.ts), never passed on to the log, the
 * key's counters or a client, and never a reason to reject the answer it came with.
 */
const tokenCountSchema = z.unknown().transform(toTokenCount).optional();

export const anthropicUsageSchema = z.looseObject({
  input_tokens: tokenCountSchema,
  output_tokens: tokenCountSchema,
  cache_creation_input_tokens: tokenCountSchema,
  cache_read_input_tokens: tokenCountSchema,
  cache_creation: z
    .looseObject({
      ephemeral_5m_input_tokens: tokenCountSchema,
      ephemeral_1h_input_tokens: tokenCountSchema,
    })
    .nullish()
    .catch(undefined),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

/** Any content block; narrowed with the per-type schemas below. */
export const anthropicContentBlockSchema = z.looseObject({ type: z.string() });

export const anthropicTextBlockSchema = z.looseObject({ type: z.literal("text"), text: z.string() });
export const anthropicThinkingBlockSchema = z.looseObject({
  type: z.literal("thinking"),
  thinking: z.string(),
  signature: z.string().nullish(),
});
export const anthropicRedactedThinkingBlockSchema = z.looseObject({
  type: z.literal("redacted_thinking"),
  data: z.string(),
});
export const anthropicToolUseBlockSchema = z.looseObject({
  type: z.literal("tool_use"),
  id: z.string(),
  name: z.string(),
  input: z.unknown(),
});

export const anthropicStopReasonSchema = z.string().nullish();

/** A non-streaming Messages API response. */
export const anthropicMessageSchema = z.looseObject({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(anthropicContentBlockSchema),
  stop_reason: anthropicStopReasonSchema,
  stop_sequence: z.string().nullish(),
  usage: anthropicUsageSchema,
});

export const anthropicErrorBodySchema = z.looseObject({
  type: z.literal("error"),
  error: z.looseObject({ type: z.string(), message: z.string() }),
  request_id: z.string().nullish(),
});

const contentBlockDeltaSchema = z.looseObject({ type: z.string() });

export const anthropicTextDeltaSchema = z.looseObject({ type: z.literal("text_delta"), text: z.string() });
export const anthropicThinkingDeltaSchema = z.looseObject({ type: z.literal("thinking_delta"), thinking: z.string() });
export const anthropicSignatureDeltaSchema = z.looseObject({
  type: z.literal("signature_delta"),
  signature: z.string(),
});
export const anthropicInputJsonDeltaSchema = z.looseObject({
  type: z.literal("input_json_delta"),
  partial_json: z.string(),
});

/** Stream events we act on; any other `type` is ignored by the decoder. */
export const anthropicStreamEventSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("message_start"),
    message: z.looseObject({
      id: z.string(),
      model: z.string(),
      usage: anthropicUsageSchema.nullish(),
    }),
  }),
  z.looseObject({
    type: z.literal("content_block_start"),
    index: z.number(),
    content_block: anthropicContentBlockSchema,
  }),
  z.looseObject({
    type: z.literal("content_block_delta"),
    index: z.number(),
    delta: contentBlockDeltaSchema,
  }),
  z.looseObject({ type: z.literal("content_block_stop"), index: z.number() }),
  z.looseObject({
    type: z.literal("message_delta"),
    delta: z.looseObject({ stop_reason: anthropicStopReasonSchema, stop_sequence: z.string().nullish() }),
    usage: anthropicUsageSchema.nullish(),
  }),
  z.looseObject({ type: z.literal("message_stop") }),
  z.looseObject({ type: z.literal("ping") }),
  z.looseObject({
    type: z.literal("error"),
    error: z.looseObject({ type: z.string(), message: z.string() }),
  }),
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

export const knownAnthropicStreamEventTypes = new Set<string>(
  anthropicStreamEventSchema.options.map((option) => option.shape.type.value),
);
