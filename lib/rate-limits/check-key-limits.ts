import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
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

/** One limit a scope may have: where it is read, the counter it keeps and how it refuses. */
type LimitDimension = {
  allowance: "requests" | "tokens" | "budget";
  limit: (limits: KeyLimits) => number | null;
  window: CounterWindow;
  /** What a request adds to the counter as it arrives (requests); tokens and spend are added when it ends. */
  onArrival: number;
  /** What a finished request adds ({@link chargeKeyUsage}). */
  onFinish: (charge: UsageCharge) => number;
  refusal: (scope: LimitScope["kind"], limit: number, used: number, resetSeconds: number) => GatewayError;
};

type UsageCharge = { tokens: number; costMicros: number };

const DECISIONS = { requests: "rate_limited", tokens: "token_limited", budget: "budget_exceeded" } as const;

const whose = (scope: LimitScope["kind"]) =>
  scope === "key" ? "this API key" : "your account (all of its keys together)";

function limitDimensions(now: Date): LimitDimension[] {
  const month = monthWindow(now);
  return [
    {
      allowance: "requests",
      limit: (limits) => limits.requestsPerMinute,
      window: minuteWindow("rpm", now),
      onArrival: 1,
      onFinish: () => 0,
      refusal: (scope, limit, _used, resetSeconds) =>
        rateLimitError(
          `Rate limit reached for ${whose(scope)} on requests per minute: limit ${limit}. Try again in ${resetSeconds}s.`,
          resetSeconds,
        ),
    },
    {
      allowance: "tokens",
      limit: (limits) => limits.tokensPerMinute,
      window: minuteWindow("tpm", now),
      onArrival: 0,
      onFinish: (charge) => charge.tokens,
      refusal: (scope, limit, used, resetSeconds) =>
        rateLimitError(
          `Rate limit reached for ${whose(scope)} on tokens per minute: limit ${limit}, used ${used}. Try again in ${resetSeconds}s.`,
          resetSeconds,
        ),
    },
    {
      allowance: "budget",
      limit: (limits) => limits.monthlyBudgetMicros,
      window: month,
      onArrival: 0,
      onFinish: (charge) => charge.costMicros,
      refusal: (scope, limit, _used, resetSeconds) =>
        new GatewayError({
          status: 429,
          type: "insufficient_quota",
          code: "insufficient_quota",
          anthropicType: "rate_limit_error",
          message: `${scope === "key" ? "This API key" : "Your account"} has used its monthly budget of $${(limit / 1e6).toFixed(2)}. It resets on ${month.resetsAt.toISOString().slice(0, 10)}.`,
          retryAfterSeconds: resetSeconds,
        }),
    },
  ];
}

/** A counter increment for each dimension each scope limits, by what `by` says of the dimension. */
function counterIncrements(
  scopes: LimitScope[],
  dimensions: LimitDimension[],
  by: (dimension: LimitDimension) => number,
) {
  return scopes.flatMap(({ subject, limits }) =>
    dimensions
      .filter((dimension) => dimension.limit(limits) !== null)
      .map((dimension) => ({ subject, window: dimension.window, by: by(dimension) })),
  );
}

/**
 * Counts this request against its key's limits and its user's, and says whether it may go
 * ahead: one atomic INSERT … ON CONFLICT DO UPDATE … RETURNING over the counter rows, shared by
 * every instance on the database. Requests increment the minute's request counter; tokens and
 * spend are read here and added when the request finishes ({@link chargeKeyUsage}). Only called
 * when the key or its user has limits. If the database cannot answer, the request is let
 * through (logged): an outage of the counters must not become an outage of the gateway.
 */
export async function checkKeyLimits(db: DataPlaneDb, scopes: LimitScope[], now = new Date()): Promise<KeyLimitState> {
  const dimensions = limitDimensions(now);
  let counts: Map<string, number>;
  try {
    counts = await incrementSubjectCounters(
      db,
      counterIncrements(scopes, dimensions, (dimension) => dimension.onArrival),
    );
  } catch (error) {
    console.warn(
      `rate limits: counters unavailable for ${scopes.map((scope) => scope.subject).join(", ")}, letting the request through:`,
      error instanceof Error ? error.message : error,
    );
    return {};
  }

  const state: KeyLimitState = {};
  for (const scope of scopes) {
    const { kind, subject, limits } = scope;
    for (const dimension of dimensions) {
      const limit = dimension.limit(limits);
      if (limit === null) continue;
      const used = counts.get(`${subject} ${dimension.window.id}`) ?? dimension.onArrival;
      const resetSeconds = secondsUntil(dimension.window.resetsAt, now);
      const remaining = Math.max(0, limit - used);
      // The tighter of the key's and the user's allowance is the one the caller runs into.
      const current = state[dimension.allowance];
      if (!current || remaining < current.remaining) state[dimension.allowance] = { limit, remaining, resetSeconds };
      // Refused once what came before this request has reached the limit.
      if (!state.exceeded && used - dimension.onArrival >= limit) {
        state.exceededBy = { scope, decision: DECISIONS[dimension.allowance] };
        state.exceeded = dimension.refusal(kind, limit, used, resetSeconds);
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
export function chargeKeyUsage(db: DataPlaneDb, scopes: LimitScope[], charge: UsageCharge, now = new Date()) {
  const increments = counterIncrements(scopes, limitDimensions(now), (dimension) => dimension.onFinish(charge)).filter(
    (increment) => increment.by > 0,
  );
  if (increments.length === 0) return;
  incrementSubjectCounters(db, increments).catch((error) => {
    console.warn(
      `rate limits: could not charge usage to ${scopes.map((scope) => scope.subject).join(", ")}:`,
      error instanceof Error ? error.message : error,
    );
  });
}
