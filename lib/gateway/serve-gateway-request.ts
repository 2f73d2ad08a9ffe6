import { GatewayError } from "./core/gateway-error";
import type { GatewayRequest } from "./core/http/gateway-request";
import { renderGatewayError } from "./core/http/gateway-protocol";
import { jsonAnswer, type GatewayAnswer } from "./core/http/gateway-answer";
import { GATEWAY_ROUTES, type GatewayMatch } from "./gateway-routes";
import { unknownEndpointHandler } from "./handlers/unknown-endpoint";
import { runGatewayCall } from "./pipeline/run-gateway-call";

const handleUnknownEndpoint = unknownEndpointHandler(GATEWAY_ROUTES);

/**
 * Answers a gateway request the route table matched (`matchGatewayRequest`): the route's handler
 * through the pipeline; an unknown endpoint as a 404 (401 without a key) in the prefix's protocol;
 * a method the path does not serve as a 405 with `Allow` and a body (OPTIONS: 204 with `Allow`).
 */
export function serveGatewayRequest(request: GatewayRequest, match: GatewayMatch): Promise<GatewayAnswer> {
  switch (match.kind) {
    case "route":
      return runGatewayCall(match.route, request);
    case "unknown-endpoint":
      return runGatewayCall({ protocol: match.protocol, endpoint: "other", handler: handleUnknownEndpoint }, request);
    case "method-not-allowed":
      return Promise.resolve(methodNotAllowed(request, match));
  }
}

function methodNotAllowed(
  request: GatewayRequest,
  { protocol, allowed }: GatewayMatch & { kind: "method-not-allowed" },
): GatewayAnswer {
  const allow = allowed.join(", ");
  if (request.method === "OPTIONS") return { status: 204, headers: { allow }, body: null };
  const error = new GatewayError({
    status: 405,
    type: "invalid_request_error",
    anthropicType: "invalid_request_error",
    code: "method_not_allowed",
    message: `${request.method} is not allowed on ${request.pathname}: use ${allowed.filter((name) => name !== "OPTIONS" && name !== "HEAD").join(" or ")}.`,
  });
  const { status, body } = renderGatewayError[protocol](error);
  return jsonAnswer(body, { status, headers: { allow, "cache-control": "no-store" } });
}
