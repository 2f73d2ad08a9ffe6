import { postToProvider } from "../post-to-provider";
import { PROVIDER_DISPLAY_NAMES, type VertexCredential, type PartnerPlatformCall } from "../provider-credential";
import { googleAccessToken } from "./google-access-token";
import { vertexCountTokensRequest, vertexMessagesRequest } from "./vertex-request";

type VertexCall = PartnerPlatformCall<VertexCredential>;

/**
 * Claude on Vertex AI. The answer is Anthropic's own: JSON, or Anthropic SSE when streaming,
 * so the Anthropic decoders read it unchanged.
 */
export async function sendVertexMessages(call: VertexCall): Promise<Response> {
  const request = vertexMessagesRequest(call.credential, call.modelId, call.body, call.stream);
  return postVertex(call, request, call.stream);
}

/** Vertex's count-tokens endpoint; answers `{input_tokens}` like Anthropic's. */
export async function sendVertexCountTokens(call: Omit<VertexCall, "stream">): Promise<Response> {
  return postVertex(call, vertexCountTokensRequest(call.credential, call.modelId, call.body), false);
}

async function postVertex(call: Omit<VertexCall, "stream">, request: { url: string; body: unknown }, stream: boolean) {
  const accessToken = await googleAccessToken({
    serviceAccount: call.credential.serviceAccount,
    tokenUrl: call.credential.tokenUrl,
    credentialName: call.credential.name,
    signal: call.signal,
    fetch: call.fetch,
  });
  const betas = [...new Set(call.betas ?? [])];
  return postToProvider({
    url: request.url,
    headers: {
      authorization: `Bearer ${accessToken}`,
      "content-type": "application/json",
      accept: stream ? "text/event-stream" : "application/json",
      ...(betas.length > 0 ? { "anthropic-beta": betas.join(",") } : {}),
    },
    body: JSON.stringify(request.body),
    signal: call.signal,
    timeoutMs: call.timeoutMs,
    stream,
    context: { credentialName: call.credential.name, providerLabel: PROVIDER_DISPLAY_NAMES.google },
    fetch: call.fetch,
  });
}
