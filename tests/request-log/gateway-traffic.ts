import { computeUsageCost } from "@/lib/catalog/compute-cost";
import { findCatalogEntry } from "@/lib/catalog/model-catalog";
import { mapAnthropicUsage } from "@/lib/gateway/core/anthropic/map-anthropic-usage";
import { accumulateAnthropicMessage } from "../fake-upstream/accumulate-anthropic-message";
import { readAnthropicFixture } from "../fake-upstream/anthropic-fixtures";
import type { FakeAnthropicServer } from "../fake-upstream/fake-anthropic-server";
import type { GatewayTarget } from "../reference-samples/gateway-requests";

/** A request of the mixed run: which endpoint, streamed or not, which answer the fake gives. */
export type PlannedRequest = {
  endpoint:
    "/v3/router/chat/completions" | "/v3/router/responses" | "/v3/router/v1/messages" | "/v2/proxy/chat/completions";
  stream: boolean;
  /** The fake answers with the cache-usage fixture (cache reads and 5m/1h writes). */
  cache: boolean;
  /** The first model is overloaded (529) and the request falls back to Sonnet. */
  fallback: boolean;
};

export const SONNET = "anthropic/claude-sonnet-4-6";
/** Always overloaded in these runs: requests for it fall back. */
export const OVERLOADED = "anthropic/claude-haiku-4-5";
const CACHE_MARKER = "please use the cache";

const endpoints: PlannedRequest["endpoint"][] = [
  "/v3/router/chat/completions",
  "/v3/router/responses",
  "/v3/router/v1/messages",
  "/v2/proxy/chat/completions",
];

/** `count` requests cycling through endpoints, stream on/off, cache usage and fallbacks. */
export function planTraffic(count: number): PlannedRequest[] {
  return Array.from({ length: count }, (_, index) => ({
    endpoint: endpoints[index % endpoints.length]!,
    stream: Math.floor(index / endpoints.length) % 2 === 0,
    cache: index % 5 === 0,
    fallback: index % 7 === 3,
  }));
}

/** The fake's answers: the overloaded model fails, the cache marker gets the cache fixture. */
export function configureFake(fake: FakeAnthropicServer) {
  fake.addRule({
    match: (request) => (request.body as { model?: string }).model === OVERLOADED.split("/")[1],
    scenario: { type: "error", status: 529, errorType: "overloaded_error", message: "Overloaded" },
  });
  fake.addRule({
    match: (request) => request.rawBody.includes(CACHE_MARKER),
    scenario: { type: "fixture", fixture: "anthropic-cache-usage" },
  });
}

function bodyFor(planned: PlannedRequest): Record<string, unknown> {
  const text = planned.cache ? `Summarize the doc, ${CACHE_MARKER}.` : "Explain quantum computing in simple terms";
  const model = planned.fallback ? OVERLOADED : SONNET;
  const fallbacks = planned.fallback ? [{ model: SONNET }] : undefined;
  switch (planned.endpoint) {
    case "/v3/router/responses":
      return { model, input: text, stream: planned.stream, ...(fallbacks ? { fallbacks } : {}) };
    case "/v3/router/v1/messages":
      return {
        model,
        max_tokens: 256,
        messages: [{ role: "user", content: text }],
        stream: planned.stream,
        ...(fallbacks ? { fallbacks } : {}),
      };
    default:
      return {
        model,
        messages: [{ role: "user", content: text }],
        stream: planned.stream,
        ...(planned.stream ? { stream_options: { include_usage: true } } : {}),
        ...(fallbacks ? { fallbacks } : {}),
      };
  }
}

export type Answer = { status: number; complete: boolean; finishedAt: number; text: string };

/** Sends one planned request and reads the whole answer. */
export async function send(target: GatewayTarget, planned: PlannedRequest): Promise<Answer> {
  const response = await fetch(`${target.url}${planned.endpoint}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${target.apiKey}`,
      "anthropic-version": "2023-06-01",
    },
    body: JSON.stringify(bodyFor(planned)),
  });
  const text = await response.text();
  const complete = !planned.stream
    ? response.ok && text.length > 0 && !!JSON.parse(text)
    : text.includes("data: [DONE]") ||
      text.includes("event: message_stop") ||
      text.includes("event: response.completed");
  return { status: response.status, complete, finishedAt: Date.now(), text };
}

/** Runs `plan` with `concurrency` clients; `onProgress` after each answer. */
export async function runTraffic(
  target: GatewayTarget,
  plan: PlannedRequest[],
  concurrency: number,
  onProgress?: (done: number) => void,
) {
  const answers: Answer[] = new Array(plan.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < plan.length) {
        const index = next++;
        answers[index] = await send(target, plan[index]!);
        onProgress?.(++done);
      }
    }),
  );
  return answers;
}

/** What the log must say about a planned request: the fake's usage at the catalog's prices. */
export function expectedRow(planned: PlannedRequest) {
  const fixture = planned.cache ? "anthropic-cache-usage" : "anthropic-text";
  const accumulated = accumulateAnthropicMessage(readAnthropicFixture(fixture));
  if (!("message" in accumulated)) throw new Error(`fixture ${fixture} ends in an error`);
  const usage = mapAnthropicUsage(accumulated.message.usage as never);
  const pricing = findCatalogEntry(SONNET.split("/")[1]!)!.pricing;
  return {
    endpoint: planned.endpoint,
    stream: planned.stream,
    status: 200,
    requestedModel: planned.fallback ? OVERLOADED : SONNET,
    servedModel: SONNET,
    // The gateway reports an upstream 529 as 503 (provider_overloaded), in the log as in the attempts header.
    attempts: planned.fallback ? `${OVERLOADED}:503,${SONNET}:200` : `${SONNET}:200`,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cacheReadTokens: usage.cacheReadInputTokens,
    cacheWrite5mTokens: usage.cacheCreation?.ephemeral5mInputTokens ?? usage.cacheCreationInputTokens,
    cacheWrite1hTokens: usage.cacheCreation?.ephemeral1hInputTokens ?? 0,
    costMicros: Math.round(computeUsageCost(usage, pricing).total * 1e6),
  };
}

/** A stored row in the same shape as {@link expectedRow}. */
export function comparableRow(row: {
  endpoint: string;
  stream: boolean;
  status: number;
  requestedModel: string | null;
  servedModel: string | null;
  attempts: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  costMicros: number;
}) {
  const attempts = (JSON.parse(row.attempts) as Array<{ model: string; status: number }>)
    .map((attempt) => `${attempt.model}:${attempt.status}`)
    .join(",");
  return {
    endpoint: row.endpoint,
    stream: row.stream,
    status: row.status,
    requestedModel: row.requestedModel,
    servedModel: row.servedModel,
    attempts,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWrite5mTokens: row.cacheWrite5mTokens,
    cacheWrite1hTokens: row.cacheWrite1hTokens,
    costMicros: row.costMicros,
  };
}

export const sortKey = (row: object) => JSON.stringify(row);
