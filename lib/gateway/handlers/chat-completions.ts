import { assembleMessage } from "../core/assemble-message";
import { JsonResponse } from "../core/http/json-response";
import { readJsonBody } from "./read-json-body";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { encodeChatCompletion } from "../core/protocol/openai-chat/encode-chat-completion";
import {
  chatStreamHeaders,
  encodeChatCompletionStream,
} from "../core/protocol/openai-chat/encode-chat-completion-stream";
import {
  chatRequestFallbacks,
  parseChatCompletionRequest,
  translateChatRequest,
} from "../core/protocol/openai-chat/translate-chat-request";
import { runTranslatedCall } from "./run-translated-call";

/** POST /v3/router/chat/completions (and /v2/proxy/chat/completions). */
export async function handleChatCompletions(args: GatewayCall): Promise<Response> {
  const { request, trace } = args;
  const json = await readJsonBody(request);
  trace.noteRequestBody(json);
  const chatRequest = parseChatCompletionRequest(json);
  const { candidate, translated, headers, result } = await runTranslatedCall(
    args,
    chatRequest.model,
    chatRequestFallbacks(chatRequest),
    (model) => translateChatRequest(chatRequest, model),
  );
  const model = candidate.gatewayModelId;
  if (result.kind === "stream") {
    const options = { model, includeUsage: translated.includeUsage };
    const body = encodeChatCompletionStream(result.stream, options, trace.eventObserver());
    return new Response(body, { headers: { ...chatStreamHeaders, ...headers } });
  }
  trace.noteEvents(result.events);
  const completion = encodeChatCompletion(assembleMessage(result.events), { model });
  trace.noteResponseBody(completion);
  return JsonResponse.of(completion, { headers });
}
