import { assembleMessage } from "../core/assemble-message";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";
import { readJsonBody } from "./read-json-body";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { encodeChatCompletion } from "../core/protocol/openai-chat/encode-chat-completion";
import {
  chatStreamHeaders,
  encodeChatCompletionPushStream,
} from "../core/protocol/openai-chat/encode-chat-completion-stream";
import {
  chatRequestFallbacks,
  parseChatCompletionRequest,
  translateChatRequest,
} from "../core/protocol/openai-chat/translate-chat-request";
import { runTranslatedCall } from "./run-translated-call";

/** POST /v3/router/chat/completions (and /v2/proxy/chat/completions). */
export async function handleChatCompletions(args: GatewayCall): Promise<GatewayAnswer> {
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
    const stream = encodeChatCompletionPushStream(result.stream, options, trace.eventObserver());
    return { status: 200, headers: { ...chatStreamHeaders, ...headers }, stream };
  }
  trace.noteEvents(result.events);
  const completion = encodeChatCompletion(assembleMessage(result.events), { model });
  trace.noteResponseBody(completion);
  return jsonAnswer(completion, { headers });
}
