import { fromWebRequest } from "./core/http/gateway-request";
import { gatewayAnswerResponse } from "./gateway-answer-response";
import { matchGatewayRequest } from "./gateway-routes";
import { serveGatewayRequest } from "./serve-gateway-request";

type CatchAllContext = { params: Promise<{ path?: string[] }> };

/**
 * The handlers of a catch-all route file (app/v2/[[...path]], app/v3/[[...path]]): Next.js
 * (`next dev`, and paths the production server leaves to it) dispatches on the same route table
 * as the production server. The path is rebuilt from Next's decoded segments, so an encoded path
 * reaches the route its decoded form names, as it did when every endpoint had its own file.
 */
export function nextGatewayRoutes(prefix: "/v2" | "/v3") {
  const handle = async (request: Request, { params }: CatchAllContext): Promise<Response> => {
    const { path = [] } = await params;
    // Re-encoded as the production server sees a path: matching is unchanged for plain segments,
    // a model id's `/` or `:` reaches its handler encoded, and errors never echo raw control characters.
    const pathname = [prefix, ...path.map(encodeURIComponent)].join("/");
    const match = matchGatewayRequest(request.method, pathname)!;
    return gatewayAnswerResponse(await serveGatewayRequest(fromWebRequest(request, pathname), match));
  };
  return { GET: handle, POST: handle, PUT: handle, PATCH: handle, DELETE: handle, OPTIONS: handle };
}
