import { z } from "zod";
import { parseRequestBody } from "../../parse-request-body";
import type { RequestHeaders } from "../../http/gateway-request";
import { fallbacksSchema } from "../openai-chat/openai-chat-request-schema";

/**
 * Messages API request for POST /v3/router/v1/messages. Lenient on purpose: the body is
 * forwarded as-is (only `model` is rewritten and the gateway's `fallbacks` removed), so
 * Anthropic stays the judge of everything else, including features newer than this schema.
 * @see https://platform.claude.com/docs/en/api/messages
 */
export const anthropicMessagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })),
  stream: z.boolean().nullish(),
  fallbacks: fallbacksSchema.nullish(),
});

/** POST /v3/router/v1/messages/count_tokens. */
export const anthropicCountTokensRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })),
  fallbacks: fallbacksSchema.nullish(),
});

export type PassthroughRequest = {
  /** The gateway model id as sent (`anthropic/claude-sonnet-4-6`). */
  gatewayModelId: string;
  stream: boolean;
  fallbacks: string[];
  /** The body to forward once the upstream model id is known. */
  bodyForUpstream(upstreamModelId: string): Record<string, unknown>;
};

/** Validates just enough to route, and prepares the forwarded body. */
export function parseAnthropicMessagesRequest(body: unknown): PassthroughRequest {
  const request = parseRequestBody(anthropicMessagesRequestSchema, body);
  const { fallbacks, ...forwarded } = request;
  return {
    gatewayModelId: request.model,
    stream: request.stream === true,
    fallbacks: (fallbacks ?? []).map((fallback) => fallback.model),
    bodyForUpstream: (upstreamModelId) => ({ ...forwarded, model: upstreamModelId }),
  };
}

export function parseAnthropicCountTokensRequest(body: unknown): Omit<PassthroughRequest, "stream" | "fallbacks"> {
  // Counting tokens makes one attempt; the gateway's `fallbacks` field is not Anthropic's to see.
  const { fallbacks: _fallbacks, ...request } = parseRequestBody(anthropicCountTokensRequestSchema, body);
  return {
    gatewayModelId: request.model,
    bodyForUpstream: (upstreamModelId) => ({ ...request, model: upstreamModelId }),
  };
}

/** The client's own headers /v1/messages forwards: what Anthropic reads to tell clients (Claude Code's `x-app: cli`) apart. */
const CLIENT_HEADERS = ["user-agent", "x-app"];

/** The client headers /v1/messages forwards upstream. */
export function pickForwardedAnthropicHeaders(headers: RequestHeaders): {
  anthropicVersion?: string;
  betas: string[];
  clientHeaders?: Record<string, string>;
} {
  const anthropicVersion = headers.get("anthropic-version") ?? undefined;
  const betas = (headers.get("anthropic-beta") ?? "")
    .split(",")
    .map((beta) => beta.trim())
    .filter(Boolean);
  const clientHeaders: Record<string, string> = {};
  for (const name of CLIENT_HEADERS) {
    const value = headers.get(name);
    if (value) clientHeaders[name] = value;
  }
  return {
    ...(anthropicVersion ? { anthropicVersion } : {}),
    betas,
    ...(Object.keys(clientHeaders).length > 0 ? { clientHeaders } : {}),
  };
}

/** The request URL's query string with its `?` (`?beta=true` from Claude Code), or "". */
export function queryStringOf(url: string): string {
  const start = url.indexOf("?");
  return start === -1 || start === url.length - 1 ? "" : url.slice(start);
}
