import { fromWebRequest } from "@/lib/gateway/core/http/gateway-request";
import { gatewayAnswerResponse } from "@/lib/gateway/gateway-answer-response";
import { matchGatewayRequest } from "@/lib/gateway/gateway-routes";
import { serveGatewayRequest } from "@/lib/gateway/serve-gateway-request";

/** A Web Request served in-process by the gateway's route table and pipeline, as the servers do. */
export async function gatewayFetch(request: Request): Promise<Response> {
  const gatewayRequest = fromWebRequest(request);
  const match = matchGatewayRequest(gatewayRequest.method, gatewayRequest.pathname);
  if (!match) throw new Error(`not a gateway path: ${gatewayRequest.pathname}`);
  return gatewayAnswerResponse(await serveGatewayRequest(gatewayRequest, match));
}
