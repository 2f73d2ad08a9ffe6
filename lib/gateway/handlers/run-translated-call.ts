import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { openAIRateLimitHeadersFromProvider } from "@/lib/rate-limits/provider-rate-limit-headers";
import type { CanonicalEvent } from "../core/canonical";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import type { AnthropicMessagesRequest } from "../core/anthropic/anthropic-request";
import type { PushSource } from "../core/push-source";
import { createMessage, streamMessageEvents } from "../providers/message-events";
import { ATTEMPTS_HEADER, formatAttemptsHeader, SERVED_MODEL_HEADER } from "../core/attempts";
import { credentialForModel } from "../routing/credential-for-model";
import { resolveCandidates } from "../routing/resolve-candidates";
import { runWithFallbacks } from "../routing/run-with-fallbacks";

/** What an OpenAI-shaped request translates into for one candidate model. */
type TranslatedCall = { request: AnthropicMessagesRequest; betas: string[]; stream: boolean };

export type TranslatedCallResult<Translated> = {
  candidate: ResolvedGatewayModel;
  /** The translation the serving candidate was called with. */
  translated: Translated;
  /** Provider rate limits (OpenAI's names), the attempts and the served model. */
  headers: Record<string, string>;
  result: { kind: "stream"; stream: PushSource<CanonicalEvent> } | { kind: "message"; events: CanonicalEvent[] };
};

/**
 * The part Chat Completions and Responses share: every candidate (the model, then its fallbacks)
 * is translated — so every 400 happens before anything goes upstream — then tried in turn until
 * one answers; the caller encodes the answer in its own protocol.
 */
export async function runTranslatedCall<Translated extends TranslatedCall>(
  { request, db, trace }: GatewayCall,
  model: string,
  fallbacks: string[],
  translate: (model: ResolvedGatewayModel) => Translated,
): Promise<TranslatedCallResult<Translated>> {
  const candidates = resolveCandidates(model, fallbacks);
  const translations = new Map(candidates.map((candidate) => [candidate, translate(candidate)]));

  let providerHeaders: Headers | undefined;
  const { result, candidate, attempts } = await runWithFallbacks(
    candidates,
    async (candidate): Promise<TranslatedCallResult<Translated>["result"]> => {
      const translated = translations.get(candidate)!;
      const call = {
        model: candidate,
        credential: await credentialForModel(db, candidate),
        request: translated.request,
        betas: translated.betas,
        signal: request.signal,
        onResponseHeaders: (headers: Headers) => void (providerHeaders = headers),
      };
      return translated.stream
        ? { kind: "stream", stream: await streamMessageEvents(call) }
        : { kind: "message", events: await createMessage(call) };
    },
    request.signal,
  );
  trace.noteRouting(attempts, candidate.gatewayModelId);
  const headers = {
    ...openAIRateLimitHeadersFromProvider(providerHeaders),
    [ATTEMPTS_HEADER]: formatAttemptsHeader(attempts),
    [SERVED_MODEL_HEADER]: candidate.gatewayModelId,
  };
  return { candidate, translated: translations.get(candidate)!, headers, result };
}
