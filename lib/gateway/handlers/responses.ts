import { assembleMessage } from "../core/assemble-message";
import { JsonResponse } from "../core/http/json-response";
import { readJsonBody } from "./read-json-body";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { encodeResponse } from "../core/protocol/openai-responses/encode-response";
import { encodeResponseStream, responseStreamHeaders } from "../core/protocol/openai-responses/encode-response-stream";
import {
  parseResponsesRequest,
  responsesRequestFallbacks,
  translateResponsesRequest,
} from "../core/protocol/openai-responses/translate-responses-request";
import { runTranslatedCall } from "./run-translated-call";

/** POST /v3/router/responses: the Responses API, stream and non-stream, with fallbacks. */
export async function handleResponses(args: GatewayCall): Promise<Response> {
  const { request, trace } = args;
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const responsesRequest = parseResponsesRequest(json);
  const { candidate, translated, headers, result } = await runTranslatedCall(
    args,
    responsesRequest.model,
    responsesRequestFallbacks(responsesRequest),
    (model) => translateResponsesRequest(responsesRequest, model),
  );
  const options = { model: candidate.gatewayModelId, settings: translated.settings };
  if (result.kind === "stream") {
    return new Response(encodeResponseStream(result.stream, options, trace.eventObserver()), {
      headers: { ...responseStreamHeaders, ...headers },
    });
  }
  trace.noteEvents(result.events);
  const response = encodeResponse(assembleMessage(result.events), options);
  trace.noteResponseBody(response);
  return JsonResponse.of(response, { headers });
}
