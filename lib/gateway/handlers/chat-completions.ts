import { assembleMessage } from "../assemble-message";
import { readJsonBody } from "../http/read-json-body";
import type { GatewayHandlerArgs } from "../http/with-gateway-key";
import { encodeChatCompletion } from "../protocol/openai-chat/encode-chat-completion";
import { chatStreamHeaders, encodeChatCompletionStream } from "../protocol/openai-chat/encode-chat-completion-stream";
import {
  chatRequestFallbacks,
  parseChatCompletionRequest,
  translateChatRequest,
} from "../protocol/openai-chat/translate-chat-request";
import { createMessage, streamMessage } from "../providers/message-events";
import { ATTEMPTS_HEADER, formatAttemptsHeader, SERVED_MODEL_HEADER } from "../routing/attempts";
import { credentialForModel } from "../routing/credential-for-model";
import { resolveCandidates } from "../routing/resolve-candidates";
import { runWithFallbacks } from "../routing/run-with-fallbacks";
import { openAIRateLimitHeadersFromProvider } from "@/lib/rate-limits/provider-rate-limit-headers";
import { JsonResponse } from "../http/json-response";

/** POST /v3/router/chat/completions (and /v2/proxy/chat/completions). */
export async function handleChatCompletions({ request, db, trace }: GatewayHandlerArgs): Promise<Response> {
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const chatRequest = parseChatCompletionRequest(json);
  const candidates = resolveCandidates(chatRequest.model, chatRequestFallbacks(chatRequest));
  // Every candidate is validated before anything goes upstream.
  const translations = new Map(candidates.map((model) => [model, translateChatRequest(chatRequest, model)]));

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
        ? { kind: "stream" as const, stream: await streamMessage(call), includeUsage: translated.includeUsage }
        : { kind: "message" as const, events: await createMessage(call) };
    },
    request.signal,
  );
  trace.noteRouting(attempts, candidate.gatewayModelId);
  const headers = {
    ...openAIRateLimitHeadersFromProvider(providerHeaders),
    [ATTEMPTS_HEADER]: formatAttemptsHeader(attempts),
    [SERVED_MODEL_HEADER]: candidate.gatewayModelId,
  };
  if (result.kind === "stream") {
    const body = encodeChatCompletionStream(
      result.stream,
      { model: candidate.gatewayModelId, includeUsage: result.includeUsage },
      trace.eventObserver(),
    );
    return new Response(body, { headers: { ...chatStreamHeaders, ...headers } });
  }
  trace.noteEvents(result.events);
  const completion = encodeChatCompletion(assembleMessage(result.events), { model: candidate.gatewayModelId });
  trace.noteResponseBody(completion);
  return JsonResponse.of(completion, { headers });
}
