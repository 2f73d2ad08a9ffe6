import type { Db } from "@/lib/db";
import { incrementCounters } from "@/lib/db/increment-counters";
import { GatewayError } from "@/lib/gateway/gateway-error";
import type { KeyLimits } from "./key-limits";
import { formatResetDuration, minuteWindow, monthWindow, secondsUntil, type CounterWindow } from "./rate-limit-windows";

type Allowance = { limit: number; remaining: number; resetSeconds: number };

export type KeyLimitState = {
  requests?: Allowance;
  tokens?: Allowance;
  budget?: Allowance;
  /** Set when the request must be refused: a 429 in the caller's protocol. */
  exceeded?: GatewayError;
};

/**
 * Counts this request against its key's limits and says whether it may go ahead: one atomic
 * INSERT … ON CONFLICT DO UPDATE … RETURNING over the key's counter rows, shared by every
 * instance on the database. Requests increment the minute's request counter; tokens and spend
 * are read here and added when the request finishes ({@link chargeKeyUsage}). Only called for
 * keys that have limits. If the database cannot answer, the request is let through (logged):
 * an outage of the counters must not become an outage of the gateway.
 */
export async function checkKeyLimits(
  db: Db,
  keyId: string,
  limits: KeyLimits,
  now = new Date(),
): Promise<KeyLimitState> {
  const rpm = minuteWindow("rpm", now);
  const tpm = minuteWindow("tpm", now);
  const month = monthWindow(now);
  const increments: Array<{ window: CounterWindow; by: number }> = [];
  if (limits.requestsPerMinute !== null) increments.push({ window: rpm, by: 1 });
  if (limits.tokensPerMinute !== null) increments.push({ window: tpm, by: 0 });
  if (limits.monthlyBudgetMicros !== null) increments.push({ window: month, by: 0 });

  let counts: Map<string, number>;
  try {
    counts = await incrementCounters(db, keyId, increments);
  } catch (error) {
    console.warn(
      `rate limits: counters unavailable for key ${keyId}, letting the request through:`,
      error instanceof Error ? error.message : error,
    );
    return {};
  }

  const state: KeyLimitState = {};
  if (limits.requestsPerMinute !== null) {
    const used = counts.get(rpm.id) ?? 1;
    const resetSeconds = secondsUntil(rpm.resetsAt, now);
    state.requests = {
      limit: limits.requestsPerMinute,
      remaining: Math.max(0, limits.requestsPerMinute - used),
      resetSeconds,
    };
    if (used > limits.requestsPerMinute) {
      state.exceeded = rateLimitError(
        `Rate limit reached for this API key on requests per minute: limit ${limits.requestsPerMinute}. Try again in ${resetSeconds}s.`,
        resetSeconds,
      );
    }
  }
  if (limits.tokensPerMinute !== null) {
    const used = counts.get(tpm.id) ?? 0;
    const resetSeconds = secondsUntil(tpm.resetsAt, now);
    state.tokens = {
      limit: limits.tokensPerMinute,
      remaining: Math.max(0, limits.tokensPerMinute - used),
      resetSeconds,
    };
    if (!state.exceeded && used >= limits.tokensPerMinute) {
      state.exceeded = rateLimitError(
        `Rate limit reached for this API key on tokens per minute: limit ${limits.tokensPerMinute}, used ${used}. Try again in ${resetSeconds}s.`,
        resetSeconds,
      );
    }
  }
  if (limits.monthlyBudgetMicros !== null) {
    const spent = counts.get(month.id) ?? 0;
    const resetSeconds = secondsUntil(month.resetsAt, now);
    state.budget = {
      limit: limits.monthlyBudgetMicros,
      remaining: Math.max(0, limits.monthlyBudgetMicros - spent),
      resetSeconds,
    };
    if (!state.exceeded && spent >= limits.monthlyBudgetMicros) {
      state.exceeded = new GatewayError({
        status: 429,
        type: "insufficient_quota",
        code: "insufficient_quota",
        anthropicType: "rate_limit_error",
        message: `This API key has used its monthly budget of $${(limits.monthlyBudgetMicros / 1e6).toFixed(2)}. It resets on ${month.resetsAt.toISOString().slice(0, 10)}.`,
        retryAfterSeconds: resetSeconds,
      });
    }
  }
  return state;
}

function rateLimitError(message: string, retryAfterSeconds: number) {
  return new GatewayError({
    status: 429,
    type: "rate_limit_error",
    code: "rate_limit_exceeded",
    anthropicType: "rate_limit_error",
    message,
    retryAfterSeconds,
  });
}

/**
 * What the key has left, for the limits it has: OpenAI's `x-ratelimit-*` headers on every
 * protocol, and Anthropic's `anthropic-ratelimit-*` too on Anthropic's (/v1/messages), where
 * they replace the provider's — the key's limit is the one this caller runs into.
 */
export function rateLimitHeaders(
  state: KeyLimitState,
  protocol: "openai" | "anthropic" = "openai",
  now = new Date(),
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [dimension, allowance] of [
    ["requests", state.requests],
    ["tokens", state.tokens],
  ] as const) {
    if (!allowance) continue;
    headers[`x-ratelimit-limit-${dimension}`] = String(allowance.limit);
    headers[`x-ratelimit-remaining-${dimension}`] = String(allowance.remaining);
    headers[`x-ratelimit-reset-${dimension}`] = formatResetDuration(allowance.resetSeconds);
    if (protocol === "anthropic") {
      headers[`anthropic-ratelimit-${dimension}-limit`] = String(allowance.limit);
      headers[`anthropic-ratelimit-${dimension}-remaining`] = String(allowance.remaining);
      headers[`anthropic-ratelimit-${dimension}-reset`] = new Date(now.getTime() + allowance.resetSeconds * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
    }
  }
  return headers;
}

/**
 * After a request: adds its tokens (input, cache writes and output — cache reads are not
 * counted, as Anthropic does not count them against input limits) and its cost to the key's
 * counters. Off the response path; a failure is logged and forgotten.
 */
export function chargeKeyUsage(
  db: Db,
  keyId: string,
  limits: KeyLimits,
  charge: { tokens: number; costMicros: number },
  now = new Date(),
) {
  const increments: Array<{ window: CounterWindow; by: number }> = [];
  if (limits.tokensPerMinute !== null && charge.tokens > 0)
    increments.push({ window: minuteWindow("tpm", now), by: charge.tokens });
  if (limits.monthlyBudgetMicros !== null && charge.costMicros > 0)
    increments.push({ window: monthWindow(now), by: charge.costMicros });
  if (increments.length === 0) return;
  incrementCounters(db, keyId, increments).catch((error) => {
    console.warn(
      `rate limits: could not charge usage to key ${keyId}:`,
      error instanceof Error ? error.message : error,
    );
  });
}
