import { GatewayError, toGatewayError } from "../core/gateway-error";
import { isAbortError } from "../providers/anthropic/anthropic-client";
import type { Attempt } from "../core/attempts";

export type FallbackResult<Candidate, Result> = { result: Result; candidate: Candidate; attempts: Attempt[] };

export class AllAttemptsFailedError extends GatewayError {
  constructor(
    readonly last: GatewayError,
    readonly attempts: Attempt[],
    message = last.message,
  ) {
    super({
      status: last.status,
      type: last.type,
      code: last.code,
      param: last.param,
      message,
      anthropicType: last.anthropicType,
      retryable: last.retryable,
      retryAfterSeconds: last.retryAfterSeconds,
      native: last.native,
      cause: last,
    });
  }
}

/**
 * Tries each candidate in order until one succeeds. A retryable failure (connection error,
 * timeout, 429, 5xx, 529, provider auth failure, a provider not configured) moves on to the
 * next candidate; anything else — or the client going away — stops at once. `attempt`
 * must resolve before the first byte is sent to the client, so a fallback is never visible
 * mid-answer.
 */
export async function runWithFallbacks<Candidate extends { gatewayModelId: string }, Result>(
  candidates: Candidate[],
  attempt: (candidate: Candidate) => Promise<Result>,
  signal?: AbortSignal,
): Promise<FallbackResult<Candidate, Result>> {
  const attempts: Attempt[] = [];
  const failures: string[] = [];
  let reported: GatewayError | undefined;
  for (const candidate of candidates) {
    const started = performance.now();
    try {
      const result = await attempt(candidate);
      attempts.push({ model: candidate.gatewayModelId, status: 200, latencyMs: performance.now() - started });
      return { result, candidate, attempts };
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw error;
      const gatewayError = toGatewayError(error);
      attempts.push({
        model: candidate.gatewayModelId,
        status: gatewayError.status,
        latencyMs: performance.now() - started,
        error: gatewayError.code ?? gatewayError.type,
      });
      failures.push(`${candidate.gatewayModelId}: ${gatewayError.message}`);
      // An upstream failure explains more than a fallback that was merely not configured.
      if (!reported || gatewayError.status >= 429 || reported.status < 429) reported = gatewayError;
      if (!gatewayError.retryable) throw new AllAttemptsFailedError(gatewayError, attempts);
    }
  }
  // Every model failed: say why for each, so a skipped fallback names what to configure.
  const summary =
    failures.length > 1 ? `All ${failures.length} models failed. ${failures.join(" | ")}` : reported!.message;
  throw new AllAttemptsFailedError(reported!, attempts, summary);
}
