import { assembleMessage } from "../assemble-message";
import { readJsonBody } from "../http/read-json-body";
import type { GatewayHandlerArgs } from "../http/with-gateway-key";
import { encodeResponse } from "../protocol/openai-responses/encode-response";
import { encodeResponseStream, responseStreamHeaders } from "../protocol/openai-responses/encode-response-stream";
import {
  parseResponsesRequest,
  responsesRequestFallbacks,
  translateResponsesRequest,
} from "../protocol/openai-responses/translate-responses-request";
import { createMessage, streamMessage } from "../providers/message-events";
import { ATTEMPTS_HEADER, formatAttemptsHeader, SERVED_MODEL_HEADER } from "../routing/attempts";
import { credentialForModel } from "../routing/credential-for-model";
import { resolveCandidates } from "../routing/resolve-candidates";
import { runWithFallbacks } from "../routing/run-with-fallbacks";
import { openAIRateLimitHeadersFromProvider } from "@/lib/rate-limits/provider-rate-limit-headers";
import { JsonResponse } from "../http/json-response";

/** POST /v3/router/responses: the Responses API, stream and non-stream, with fallbacks. */
export async function handleResponses({ request, db, trace }: GatewayHandlerArgs): Promise<Response> {
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const responsesRequest = parseResponsesRequest(json);
  const candidates = resolveCandidates(responsesRequest.model, responsesRequestFallbacks(responsesRequest));
  // Every candidate is validated before anything goes upstream.
  const translations = new Map(candidates.map((model) => [model, translateResponsesRequest(responsesRequest, model)]));

  let providerHeaders: Headers | undefined;
  const { result, candidate, attempts } = await runWithFallbacks(
    candidates,
    async (model) => {
      const translated = translations.get(model)!;
      const call = {
        model,
        credential: await credentialForModel(db, model),
        request: translated.request,
        betas: translated.betas,
        signal: request.signal,
        onResponseHeaders: (headers: Headers) => void (providerHeaders = headers),
      };
      return translated.stream
        ? { kind: "stream" as const, stream: await streamMessage(call) }
        : { kind: "message" as const, events: await createMessage(call) };
    },
    request.signal,
  );
  trace.noteRouting(attempts, candidate.gatewayModelId);
  const options = { model: candidate.gatewayModelId, settings: translations.get(candidate)!.settings };
  const headers = {
    ...openAIRateLimitHeadersFromProvider(providerHeaders),
    [ATTEMPTS_HEADER]: formatAttemptsHeader(attempts),
    [SERVED_MODEL_HEADER]: candidate.gatewayModelId,
  };
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
