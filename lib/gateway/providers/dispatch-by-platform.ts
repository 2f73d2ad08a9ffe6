import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { bedrockFoundationModelId, bedrockModelId, vertexModelId } from "@/lib/catalog/provider-model-ids";
import { sendAnthropicRequest } from "./anthropic/anthropic-client";
import { sendBedrockCountTokens, sendBedrockMessages } from "./bedrock/bedrock-client";
import { prepareBodyForPartnerPlatform, type MediaFetchOptions } from "./partner-platform-body";
import { PROVIDER_DISPLAY_NAMES, type ProviderCredential } from "./provider-credential";
import { sendVertexCountTokens, sendVertexMessages } from "./vertex/vertex-client";

export type MessagesCall = {
  model: ResolvedGatewayModel;
  credential: ProviderCredential;
  /** An Anthropic Messages body (its `model` is the catalog's upstream id; providers may move it). */
  body: Record<string, unknown>;
  stream: boolean;
  /** Anthropic's API only; Bedrock and Vertex pin their own `anthropic_version` in the body. */
  anthropicVersion?: string;
  betas?: readonly string[];
  /**
   * Anthropic's API only: the client's user-agent / x-app and its query string (`?beta=true`).
   * Bedrock and Vertex have their own paths, so the query string means nothing there, and their
   * requests are signed or authorized by the gateway: neither is forwarded to them.
   */
  clientHeaders?: Readonly<Record<string, string>>;
  query?: string;
  /** The caller's signal: aborting it (client disconnect) aborts the upstream request. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Test seam for fetching media URLs on Bedrock/Vertex (the SSRF checks always apply). */
  media?: MediaFetchOptions;
};

/**
 * The one place a Messages request is dispatched by provider. Every provider answers like
 * Anthropic's API — a 2xx Response with the message JSON, or Anthropic SSE when streaming —
 * so decoders, the /v1/messages passthrough, routing and fallbacks stay provider-agnostic.
 * Failures throw a mapped GatewayError naming the provider and credential.
 */
export async function dispatchMessagesRequest(call: MessagesCall): Promise<Response> {
  const { credential } = call;
  switch (credential.provider) {
    case "anthropic":
      return sendAnthropicRequest({
        credential,
        body: call.body,
        stream: call.stream,
        anthropicVersion: call.anthropicVersion,
        betas: call.betas,
        clientHeaders: call.clientHeaders,
        query: call.query,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    case "aws":
      return sendBedrockMessages({
        credential,
        modelId: bedrockModelId(call.model, {
          overrides: credential.modelIds,
          inferenceProfile: credential.inferenceProfile,
        }),
        body: await preparePartnerBody(call),
        stream: call.stream,
        betas: call.betas,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    case "google":
      return sendVertexMessages({
        credential,
        modelId: vertexModelId(call.model, credential.modelIds),
        body: await preparePartnerBody(call),
        stream: call.stream,
        betas: call.betas,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    default: {
      const exhaustive: never = credential;
      return exhaustive;
    }
  }
}

/** POST …/v1/messages/count_tokens on any provider; answers Anthropic's `{input_tokens}`. */
export async function sendCountTokensRequest(call: Omit<MessagesCall, "stream">): Promise<Response> {
  const { credential } = call;
  switch (credential.provider) {
    case "anthropic":
      return sendAnthropicRequest({
        credential,
        path: "/v1/messages/count_tokens",
        body: call.body,
        anthropicVersion: call.anthropicVersion,
        betas: call.betas,
        clientHeaders: call.clientHeaders,
        query: call.query,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    case "aws":
      return sendBedrockCountTokens({
        credential,
        modelId: bedrockFoundationModelId(call.model, credential.modelIds),
        body: await preparePartnerBody(call),
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    case "google":
      return sendVertexCountTokens({
        credential,
        modelId: vertexModelId(call.model, credential.modelIds),
        body: await preparePartnerBody(call),
        betas: call.betas,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
      });
    default: {
      const exhaustive: never = credential;
      return exhaustive;
    }
  }
}

function preparePartnerBody(call: Omit<MessagesCall, "stream">) {
  return prepareBodyForPartnerPlatform(call.body, {
    providerLabel: PROVIDER_DISPLAY_NAMES[call.credential.provider],
    signal: call.signal,
    media: call.media,
  });
}
