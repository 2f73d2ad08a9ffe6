import { readJsonBody } from "./read-json-body";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import {
  parseAnthropicCountTokensRequest,
  parseAnthropicMessagesRequest,
  pickForwardedAnthropicHeaders,
  queryStringOf,
} from "../core/protocol/anthropic-messages/anthropic-messages-request-schema";
import { sendCountTokensRequest, dispatchMessagesRequest } from "../providers/dispatch-by-platform";
import { guardAnthropicPushStream } from "../core/anthropic/guard-anthropic-event-stream";
import { parseProviderAnswer } from "../core/anthropic/parse-provider-answer";
import { anthropicEventDecoder } from "../core/anthropic/decode-anthropic-stream";
import { anthropicMessageSummary } from "../core/anthropic/anthropic-message-summary";
import { ATTEMPTS_HEADER, formatAttemptsHeader, SERVED_MODEL_HEADER } from "../core/attempts";
import { credentialForModel } from "../routing/credential-for-model";
import { resolveCandidates } from "../routing/resolve-candidates";
import { runWithFallbacks } from "../routing/run-with-fallbacks";
import {
  anthropicRateLimitHeaders,
  openAIRateLimitHeadersFromProvider,
} from "@/lib/rate-limits/provider-rate-limit-headers";
import { jsonTextAnswer, type AnswerHeaders, type GatewayAnswer } from "../core/http/gateway-answer";
import { responseBodySource } from "../providers/pooled-fetch";

const PASSED_THROUGH_RESPONSE_HEADERS = ["content-type", "request-id", "anthropic-organization-id"];

/**
 * POST /v3/router/v1/messages: Anthropic's own protocol for Anthropic SDK clients. The body is
 * forwarded as sent (model prefix stripped, `fallbacks` removed), with the client's
 * anthropic-version, anthropic-beta, user-agent and x-app headers and its query string; the
 * answer streams back unchanged. Upstream errors come back as the provider sent them (anthropic-error.ts).
 */
export async function handleAnthropicMessages({ request, db, trace }: GatewayCall): Promise<GatewayAnswer> {
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const messagesRequest = parseAnthropicMessagesRequest(json);
  const forwarded = { ...pickForwardedAnthropicHeaders(request.headers), query: queryStringOf(request.url) };
  const candidates = resolveCandidates(messagesRequest.gatewayModelId, messagesRequest.fallbacks);
  const {
    result: upstream,
    candidate,
    attempts,
  } = await runWithFallbacks(
    candidates,
    async (model) =>
      dispatchMessagesRequest({
        model,
        credential: await credentialForModel(db, model),
        body: messagesRequest.bodyForUpstream(model.upstreamModelId),
        stream: messagesRequest.stream,
        ...forwarded,
        signal: request.signal,
      }),
    request.signal,
  );
  trace.noteRouting(attempts, candidate.gatewayModelId);
  const headers: AnswerHeaders = {
    [ATTEMPTS_HEADER]: formatAttemptsHeader(attempts),
    [SERVED_MODEL_HEADER]: candidate.gatewayModelId,
  };
  for (const name of PASSED_THROUGH_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers[name] = value;
  }
  for (const [name, value] of anthropicRateLimitHeaders(upstream.headers)) headers[name] = value;
  Object.assign(headers, openAIRateLimitHeadersFromProvider(upstream.headers));
  const body = messagesRequest.stream ? responseBodySource(upstream) : undefined;
  if (body) {
    if (!headers["content-type"]?.startsWith("text/event-stream"))
      headers["content-type"] = "text/event-stream; charset=utf-8";
    headers["cache-control"] = "no-cache, no-transform";
    headers["x-accel-buffering"] = "no";
    // The log reads canonical events: Anthropic's, decoded on the side as the bytes pass unchanged.
    const sink = trace.eventSink();
    const decoder = anthropicEventDecoder((event) => sink.push(event));
    const observer = { onEvent: decoder.push, onEnd: () => (decoder.end(), sink.end()) };
    return { status: 200, headers, stream: guardAnthropicPushStream(body, observer) };
  }
  // A complete message: read whole (a provider that breaks off mid-body is then a clean error, not
  // a truncated answer), checked to be a message (never a 200 of something else) and sent as is.
  const text = await upstream.text();
  const message = parseProviderAnswer(text, "message");
  trace.noteMessage(anthropicMessageSummary(message), message);
  return jsonTextAnswer(text, { headers });
}

/** POST /v3/router/v1/messages/count_tokens. */
export async function handleCountTokens({ request, db, trace }: GatewayCall): Promise<GatewayAnswer> {
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const countRequest = parseAnthropicCountTokensRequest(json);
  const [model] = resolveCandidates(countRequest.gatewayModelId, []);
  trace.noteRouting([], model!.gatewayModelId);
  const upstream = await sendCountTokensRequest({
    model: model!,
    credential: await credentialForModel(db, model!),
    body: countRequest.bodyForUpstream(model!.upstreamModelId),
    ...pickForwardedAnthropicHeaders(request.headers),
    query: queryStringOf(request.url),
    signal: request.signal,
  });
  const text = await upstream.text();
  parseProviderAnswer(text, "count_tokens");
  return jsonTextAnswer(text, {
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json" },
  });
}
