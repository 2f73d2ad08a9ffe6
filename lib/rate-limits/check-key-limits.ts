import type { Db } from "@/lib/db";
import { incrementSubjectCounters } from "@/lib/db/increment-counters";
import { GatewayError } from "@/lib/gateway/core/gateway-error";
import type { KeyLimits } from "./key-limits";
import { formatResetDuration, minuteWindow, monthWindow, secondsUntil, type CounterWindow } from "./rate-limit-windows";

type Allowance = { limit: number; remaining: number; resetSeconds: number };

export type KeyLimitState = {
  requests?: Allowance;
  tokens?: Allowance;
  budget?: Allowance;
  /** Set when the request must be refused: a 429 in the caller's protocol. */
  exceeded?: GatewayError;
  /** Which scope's limit the request ran into, and which limit (metrics). */
  exceededBy?: { scope: LimitScope; decision: "rate_limited" | "token_limited" | "budget_exceeded" };
};

/** Whose limits: the key's own, or its user's (shared by all of the user's keys). */
export type LimitScope = { kind: "key" | "user"; subject: string; limits: KeyLimits };

/** The scopes a request by this principal counts against: its key's limits and its user's. */
export function limitScopes(principal: {
  keyId: string;
  userId: string;
  limits: KeyLimits | null;
  userLimits?: KeyLimits | null;
}): LimitScope[] {
  const scopes: LimitScope[] = [];
  if (principal.limits) scopes.push({ kind: "key", subject: principal.keyId, limits: principal.limits });
  if (principal.userLimits)
    scopes.push({ kind: "user", subject: userCounterSubject(principal.userId), limits: principal.userLimits });
  return scopes;
}

/** A user's counters share the table with keys' (cuids: no clash). */
export const userCounterSubject = (userId: string) => `user:${userId}`;

/**
 * Counts this request against its key's limits and its user's, and says whether it may go
 * ahead: one atomic INSERT … ON CONFLICT DO UPDATE … RETURNING over the counter rows, shared by
 * every instance on the database. Requests increment the minute's request counter; tokens and
 * spend are read here and added when the request finishes ({@link chargeKeyUsage}). Only called
 * when the key or its user has limits. If the database cannot answer, the request is let
 * through (logged): an outage of the counters must not become an outage of the gateway.
 */
export async function checkKeyLimits(db: Db, scopes: LimitScope[], now = new Date()): Promise<KeyLimitState> {
  const rpm = minuteWindow("rpm", now);
  const tpm = minuteWindow("tpm", now);
  const month = monthWindow(now);
  const increments: Array<{ subject: string; window: CounterWindow; by: number }> = [];
  for (const { subject, limits } of scopes) {
    if (limits.requestsPerMinute !== null) increments.push({ subject, window: rpm, by: 1 });
    if (limits.tokensPerMinute !== null) increments.push({ subject, window: tpm, by: 0 });
    if (limits.monthlyBudgetMicros !== null) increments.push({ subject, window: month, by: 0 });
  }

  let counts: Map<string, number>;
  try {
    counts = await incrementSubjectCounters(db, increments);
  } catch (error) {
    console.warn(
      `rate limits: counters unavailable for ${scopes.map((scope) => scope.subject).join(", ")}, letting the request through:`,
      error instanceof Error ? error.message : error,
    );
    return {};
  }

  const state: KeyLimitState = {};
  // The tighter of the key's and the user's allowance is the one the caller runs into.
  const tighter = (current: Allowance | undefined, next: Allowance) =>
    !current || next.remaining < current.remaining ? next : current;
  for (const scope of scopes) {
    const { kind, subject, limits } = scope;
    const whose = kind === "key" ? "this API key" : "your account (all of its keys together)";
    const count = (window: CounterWindow, fallback: number) => counts.get(`${subject} ${window.id}`) ?? fallback;
    if (limits.requestsPerMinute !== null) {
      const used = count(rpm, 1);
      const resetSeconds = secondsUntil(rpm.resetsAt, now);
      state.requests = tighter(state.requests, {
        limit: limits.requestsPerMinute,
        remaining: Math.max(0, limits.requestsPerMinute - used),
        resetSeconds,
      });
      if (!state.exceeded && used > limits.requestsPerMinute) {
        state.exceededBy = { scope, decision: "rate_limited" };
        state.exceeded = rateLimitError(
          `Rate limit reached for ${whose} on requests per minute: limit ${limits.requestsPerMinute}. Try again in ${resetSeconds}s.`,
          resetSeconds,
        );
      }
    }
    if (limits.tokensPerMinute !== null) {
      const used = count(tpm, 0);
      const resetSeconds = secondsUntil(tpm.resetsAt, now);
      state.tokens = tighter(state.tokens, {
        limit: limits.tokensPerMinute,
        remaining: Math.max(0, limits.tokensPerMinute - used),
        resetSeconds,
      });
      if (!state.exceeded && used >= limits.tokensPerMinute) {
        state.exceededBy = { scope, decision: "token_limited" };
        state.exceeded = rateLimitError(
          `Rate limit reached for ${whose} on tokens per minute: limit ${limits.tokensPerMinute}, used ${used}. Try again in ${resetSeconds}s.`,
          resetSeconds,
        );
      }
    }
    if (limits.monthlyBudgetMicros !== null) {
      const spent = count(month, 0);
      const resetSeconds = secondsUntil(month.resetsAt, now);
      state.budget = tighter(state.budget, {
        limit: limits.monthlyBudgetMicros,
        remaining: Math.max(0, limits.monthlyBudgetMicros - spent),
        resetSeconds,
      });
      if (!state.exceeded && spent >= limits.monthlyBudgetMicros) {
        state.exceededBy = { scope, decision: "budget_exceeded" };
        state.exceeded = new GatewayError({
          status: 429,
          type: "insufficient_quota",
          code: "insufficient_quota",
          anthropicType: "rate_limit_error",
          message: `${kind === "key" ? "This API key" : "Your account"} has used its monthly budget of $${(limits.monthlyBudgetMicros / 1e6).toFixed(2)}. It resets on ${month.resetsAt.toISOString().slice(0, 10)}.`,
          retryAfterSeconds: resetSeconds,
        });
      }
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
 * counted, as Anthropic does not count them against input limits) and its cost to the counters
 * of each scope (key, user) that limits them. Off the response path; a failure is logged and
 * forgotten.
 */
export function chargeKeyUsage(
  db: Db,
  scopes: LimitScope[],
  charge: { tokens: number; costMicros: number },
  now = new Date(),
) {
  const increments: Array<{ subject: string; window: CounterWindow; by: number }> = [];
  for (const { subject, limits } of scopes) {
    if (limits.tokensPerMinute !== null && charge.tokens > 0)
      increments.push({ subject, window: minuteWindow("tpm", now), by: charge.tokens });
    if (limits.monthlyBudgetMicros !== null && charge.costMicros > 0)
      increments.push({ subject, window: monthWindow(now), by: charge.costMicros });
  }
  if (increments.length === 0) return;
  incrementSubjectCounters(db, increments).catch((error) => {
    console.warn(
      `rate limits: could not charge usage to ${scopes.map((scope) => scope.subject).join(", ")}:`,
      error instanceof Error ? error.message : error,
    );
  });
}
