import { GatewayError } from "../core/gateway-error";
import { withGatewayKey, type GatewayHandlerArgs, type GatewayProtocol } from "../http/with-gateway-key";

const ENDPOINTS = [
  "POST /v3/router/chat/completions",
  "POST /v3/router/responses",
  "GET /v3/router/models",
  "POST /v3/router/v1/messages",
  "POST /v3/router/v1/messages/count_tokens",
  "GET /v3/router/v1/models",
  "POST /v2/proxy/chat/completions",
];

/**
 * Any other path under the gateway's prefixes: a 404 in the caller's protocol (the wrapper picks
 * the shape), never Next's HTML page, so an SDK reports it as an API error.
 */
export async function handleUnknownEndpoint({ request }: GatewayHandlerArgs): Promise<Response> {
  const { pathname } = new URL(request.url);
  throw new GatewayError({
    status: 404,
    type: "invalid_request_error",
    anthropicType: "not_found_error",
    code: "unknown_endpoint",
    message: `Unknown endpoint: ${request.method} ${pathname}. This gateway serves ${ENDPOINTS.join(", ")}.`,
  });
}

/** A catch-all route file's handlers: every method answers the 404 above (401 without a key). */
export function unknownEndpointRoutes(protocol: GatewayProtocol) {
  const unknownEndpoint = withGatewayKey(protocol, handleUnknownEndpoint);
  return {
    GET: unknownEndpoint,
    POST: unknownEndpoint,
    PUT: unknownEndpoint,
    PATCH: unknownEndpoint,
    DELETE: unknownEndpoint,
  };
}
