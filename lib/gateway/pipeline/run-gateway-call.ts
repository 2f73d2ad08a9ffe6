import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { authenticateApiKey, presentedApiKey, type GatewayPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { recordFinishedRequest } from "@/lib/request-log/request-log";
import { RequestTrace } from "@/lib/request-log/request-trace";
import { checkKeyLimits, limitScopes, rateLimitHeaders } from "@/lib/rate-limits/check-key-limits";
import { isAbortError } from "../providers/anthropic/anthropic-client";
import { toGatewayError } from "../core/gateway-error";
import { AllAttemptsFailedError } from "../routing/run-with-fallbacks";
import { ATTEMPTS_HEADER, formatAttemptsHeader } from "../core/attempts";
import type { GatewayRequest } from "../core/http/gateway-request";
import { renderGatewayError as renderers, type GatewayProtocol } from "../core/http/gateway-protocol";
import { jsonAnswer, withAnswerHeaders, type GatewayAnswer } from "../core/http/gateway-answer";
import { observeLimiterDecision, type GatewayEndpoint } from "@/lib/observability/gateway-metrics";
import { observeGatewayCallOf } from "./observe-gateway-call";

/** `trace` records the request in the request log: handlers tell it the model, attempts and event stream. */
export type GatewayCall = {
  request: GatewayRequest;
  db: DataPlaneDb;
  principal: GatewayPrincipal;
  trace: RequestTrace;
};
/** A protocol adapter plugged into the pipeline: parse, translate, call, encode (lib/gateway/handlers). */
export type GatewayHandler = (call: GatewayCall) => Promise<GatewayAnswer>;

/**
 * Runs one gateway call: the one place that touches gateway keys (Bearer or x-api-key), the
 * key's and its user's rate limits and budget (only where there are some), the request log, and
 * renders every failure in the caller's protocol — never a bare 500. The handler does the rest.
 */
export async function runGatewayCall(
  { protocol, endpoint, handler }: { protocol: GatewayProtocol; endpoint: GatewayEndpoint; handler: GatewayHandler },
  request: GatewayRequest,
): Promise<GatewayAnswer> {
  const observe = observeGatewayCallOf(endpoint, request.headers.get("traceparent"));
  const trace = new RequestTrace(
    request.pathname,
    (finished) => {
      recordFinishedRequest(finished);
      // Like the log row, after the current I/O turn: never on the response's last bytes.
      setImmediate(observe, finished);
    },
    request.signal,
  );
  let limitHeaders: Record<string, string> = {};
  try {
    const db = getDataPlaneDb();
    const principal = await authenticateApiKey(db, presentedApiKey(request.headers));
    trace.setPrincipal(principal);
    const scopes = limitScopes(principal);
    if (scopes.length > 0) {
      const limits = await checkKeyLimits(db, scopes);
      for (const scope of scopes)
        observeLimiterDecision(scope.kind, limits.exceededBy?.scope === scope ? limits.exceededBy.decision : "allowed");
      limitHeaders = rateLimitHeaders(limits, protocol);
      if (limits.exceeded) throw limits.exceeded;
    }
    const answer = await handler({ request, db, principal, trace });
    trace.responded(answer.status);
    return uncompressed(withAnswerHeaders(answer, limitHeaders));
  } catch (error) {
    // The client is gone: nobody will read a response.
    if (request.signal.aborted && isAbortError(error)) return { status: 499, headers: {}, body: null };
    const { status, body, headers } = renderers[protocol](error);
    if (status >= 500 && !(error instanceof AllAttemptsFailedError)) console.error("gateway error:", error);
    if (error instanceof AllAttemptsFailedError) headers[ATTEMPTS_HEADER] = formatAttemptsHeader(error.attempts);
    const gatewayError = toGatewayError(error);
    trace.failed(
      status,
      gatewayError.code ?? gatewayError.type,
      error instanceof AllAttemptsFailedError ? error.attempts : undefined,
    );
    return uncompressed(jsonAnswer(body, { status, headers: { ...headers, ...limitHeaders } }));
  }
}

/**
 * Gateway answers are never cached, and `next start` would gzip them on the hot path (its
 * compression skips `no-transform`): small JSON gains nothing from it, and streams must not be
 * buffered by it. A handler's own cache-control (the SSE headers) is kept.
 */
function uncompressed(answer: GatewayAnswer): GatewayAnswer {
  if (answer.headers["cache-control"] !== undefined) return answer;
  return withAnswerHeaders(answer, { "cache-control": "no-store, no-transform" });
}
