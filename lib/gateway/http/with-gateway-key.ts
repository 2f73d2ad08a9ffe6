import { getDb, type Db } from "@/lib/db";
import { authenticateApiKey, presentedApiKey, type GatewayPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { toOpenAIErrorResponse } from "../protocol/openai-chat/openai-error";
import { toAnthropicErrorResponse } from "../protocol/anthropic-messages/anthropic-error";
import { isAbortError } from "../providers/anthropic/anthropic-client";
import { AllAttemptsFailedError } from "../routing/run-with-fallbacks";
import { ATTEMPTS_HEADER, formatAttemptsHeader } from "../routing/attempts";

export type GatewayProtocol = "openai" | "anthropic";
export type GatewayHandlerArgs = { request: Request; db: Db; principal: GatewayPrincipal };

const renderers = { openai: toOpenAIErrorResponse, anthropic: toAnthropicErrorResponse };

/**
 * The one wrapper for public gateway routes: gateway key auth (Bearer or x-api-key),
 * and every failure rendered in the caller's protocol — never a bare 500.
 */
export function withGatewayKey(protocol: GatewayProtocol, handler: (args: GatewayHandlerArgs) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const db = getDb();
      const principal = await authenticateApiKey(db, presentedApiKey(request.headers));
      return uncompressed(await handler({ request, db, principal }));
    } catch (error) {
      // The client is gone: nobody will read a response.
      if (request.signal.aborted && isAbortError(error)) return new Response(null, { status: 499 });
      const { status, body, headers } = renderers[protocol](error);
      if (status >= 500 && !(error instanceof AllAttemptsFailedError)) console.error("gateway error:", error);
      if (error instanceof AllAttemptsFailedError) headers[ATTEMPTS_HEADER] = formatAttemptsHeader(error.attempts);
      return uncompressed(Response.json(body, { status, headers }));
    }
  };
}

/**
 * Gateway answers are never cached, and `next start` would gzip them on the hot path (its
 * compression skips `no-transform`): small JSON gains nothing from it, and streams must not be
 * buffered by it. A handler's own cache-control (the SSE headers) is kept.
 */
function uncompressed(response: Response): Response {
  if (response.headers.has("cache-control")) return response;
  try {
    response.headers.set("cache-control", "no-store, no-transform");
  } catch {
    // A fetched Response passed through as is has immutable headers: leave them.
  }
  return response;
}
