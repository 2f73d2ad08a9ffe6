import { assembleMessage } from "../core/assemble-message";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";
import { readJsonBody } from "./read-json-body";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { encodeResponse } from "../core/protocol/openai-responses/encode-response";
import {
  encodeResponsePushStream,
  responseStreamHeaders,
} from "../core/protocol/openai-responses/encode-response-stream";
import {
  parseResponsesRequest,
  responsesRequestFallbacks,
  translateResponsesRequest,
} from "../core/protocol/openai-responses/translate-responses-request";
import { runTranslatedCall } from "./run-translated-call";

/** POST /v3/router/responses: the Responses API, stream and non-stream, with fallbacks. */
export async function handleResponses(args: GatewayCall): Promise<GatewayAnswer> {
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
    const stream = encodeResponsePushStream(result.stream, options, trace.eventObserver());
    return { status: 200, headers: { ...responseStreamHeaders, ...headers }, stream };
  }
  trace.noteEvents(result.events);
  const response = encodeResponse(assembleMessage(result.events), options);
  trace.noteResponseBody(response);
  return jsonAnswer(response, { headers });
}
