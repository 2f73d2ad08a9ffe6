import { findCatalogEntry } from "@/lib/catalog/model-catalog";
import type { AnthropicFixtureName } from "../fake-upstream/anthropic-fixtures";
import type { FakeRule } from "../fake-upstream/fake-anthropic-server";

/** The header value the client itself sent (the /v1/messages passthrough forwards it). */
export const AS_SENT_BY_CLIENT = Symbol("as sent by the client");

/** One Anthropic request the fake upstream must record. */
export type ExpectedUpstreamCall = {
  path: "/v1/messages";
  anthropicVersion: string | typeof AS_SENT_BY_CLIENT;
  /** `undefined`: no anthropic-beta header at all. */
  anthropicBeta: string | undefined | typeof AS_SENT_BY_CLIENT;
  body: Record<string, unknown>;
};

/** How one reference sample is run and what it must produce. */
export type SampleCase = {
  /** The recorded Anthropic answer the fake serves. */
  serves: AnthropicFixtureName;
  /** Fake rules tried first, e.g. the primary model overloaded. A failed attempt may be retried. */
  failing?: FakeRule[];
  /** Code put before the sample (only to define a client the sample uses but does not define). */
  prelude?: string;
  /** Exactly what a TypeScript sample prints ("" when it prints nothing). */
  prints?: string;
  /** Part of the last response the client received (parsed JSON). */
  receives?: Record<string, unknown>;
  /** Response headers of the last gateway answer the client received. */
  receivesHeaders?: Record<string, RegExp>;
  /** The Anthropic requests the fake must record, in order. */
  upstream: ExpectedUpstreamCall[];
  /**
   * The sample is expected to fail (exit non-zero): the HTTP status of the gateway's last answer
   * and what the client reports on stderr. The answer checks above are skipped.
   */
  fails?: { status: number; stderr: RegExp };
};

/** One sample run several ways, e.g. with its primary model healthy and overloaded. */
export type SampleVariants = { variants: Record<string, SampleCase> };

export const isSampleVariants = (value: SampleCase | SampleVariants): value is SampleVariants => "variants" in value;

/** OpenAI-shaped endpoints call Anthropic with version 2023-06-01 and the body the rules imply. */
export function translatedCall(
  body: Record<string, unknown>,
  options: { stream?: boolean; beta?: string } = {},
): ExpectedUpstreamCall {
  return {
    path: "/v1/messages",
    anthropicVersion: "2023-06-01",
    anthropicBeta: options.beta,
    body: { ...body, stream: options.stream ?? false },
  };
}

/** /v1/messages forwards the body as sent (model prefix stripped) with the client's headers. */
export function passthroughCall(body: Record<string, unknown>): ExpectedUpstreamCall {
  return { path: "/v1/messages", anthropicVersion: AS_SENT_BY_CLIENT, anthropicBeta: AS_SENT_BY_CLIENT, body };
}

export const ephemeral = { type: "ephemeral" } as const;

export function textBlock(text: string, options: { cached?: boolean } = {}) {
  return { type: "text", text, ...(options.cached ? { cache_control: ephemeral } : {}) };
}

export function userSays(...content: Array<string | Record<string, unknown>>) {
  return { role: "user", content: content.map((part) => (typeof part === "string" ? textBlock(part) : part)) };
}

export function assistantSays(...content: Array<string | Record<string, unknown>>) {
  return { role: "assistant", content: content.map((part) => (typeof part === "string" ? textBlock(part) : part)) };
}

/** The catalog's max_tokens for a model, sent when the client gives none. */
export function catalogDefaultMaxTokens(modelId: string): number {
  const entry = findCatalogEntry(modelId);
  if (!entry) throw new Error(`${modelId} is not in the catalog`);
  return entry.defaultMaxTokens;
}

/** The usage the gateway reports for `anthropic-cache-usage` (input 12, cache read 2048, cache write 5000 = 1000 × 5m + 4000 × 1h, output 9). */
export const cacheUsageFixtureUsage = {
  prompt_tokens: 12 + 2048 + 5000,
  completion_tokens: 9,
  total_tokens: 12 + 2048 + 5000 + 9,
  prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 5000 },
  cache_read_input_tokens: 2048,
  cache_creation_input_tokens: 5000,
  cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 4000 },
};

/** What `anthropic-thinking` carries, as the Chat Completions message fields. */
export const thinkingFixtureMessage = {
  content: "Use sharded token buckets.",
  reasoning: "A token bucket per client, sharded by client id across Redis nodes.",
  reasoning_signature: "EqQBCkYIBRgCIkBsig1ThinkingFixture==",
};

/** The thinking block a client passes back after `anthropic-thinking`, as Anthropic must receive it. */
export const thinkingFixtureBlock = {
  type: "thinking",
  thinking: thinkingFixtureMessage.reasoning,
  signature: thinkingFixtureMessage.reasoning_signature,
};
