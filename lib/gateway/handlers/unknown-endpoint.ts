import { GatewayError } from "../core/gateway-error";
import type { GatewayAnswer } from "../core/http/gateway-answer";
import type { GatewayCall } from "../pipeline/run-gateway-call";

/**
 * Any other path under the gateway's prefixes: a 404 in the caller's protocol (the pipeline picks
 * the shape; 401 first without a key), never Next's HTML page, so an SDK reports it as an API error.
 */
export function unknownEndpointHandler(endpoints: readonly { method: string; path: string }[]) {
  const served = endpoints.map(({ method, path }) => `${method} ${path.replace(/\/\*$/, "/{id}")}`).join(", ");
  return async ({ request }: GatewayCall): Promise<GatewayAnswer> => {
    throw new GatewayError({
      status: 404,
      type: "invalid_request_error",
      anthropicType: "not_found_error",
      code: "unknown_endpoint",
      message: `Unknown endpoint: ${request.method} ${request.pathname}. This gateway serves ${served}.`,
    });
  };
}
