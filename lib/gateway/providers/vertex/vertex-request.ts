import type { VertexCredential } from "../provider-credential";

/** The `anthropic_version` Vertex AI requires in the body (the model goes in the URL). */
export const vertexAnthropicVersion = "vertex-2023-10-16";

/** `https://{region}-aiplatform.googleapis.com`, or the global endpoint for `global`. */
export function vertexBaseUrl(credential: Pick<VertexCredential, "region" | "baseUrl">): string {
  if (credential.baseUrl) return credential.baseUrl.replace(/\/+$/, "");
  return credential.region === "global"
    ? "https://aiplatform.googleapis.com"
    : `https://${credential.region}-aiplatform.googleapis.com`;
}

function publisherModelsUrl(credential: VertexCredential): string {
  const project = encodeURIComponent(credential.projectId);
  const region = encodeURIComponent(credential.region);
  return `${vertexBaseUrl(credential)}/v1/projects/${project}/locations/${region}/publishers/anthropic/models`;
}

/**
 * A Messages body → Vertex `:rawPredict` / `:streamRawPredict`: the model moves into the URL,
 * `anthropic_version` is Vertex's, everything else is Anthropic's own format.
 * @see https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 */
export function vertexMessagesRequest(
  credential: VertexCredential,
  modelId: string,
  body: Record<string, unknown>,
  stream: boolean,
): { url: string; body: Record<string, unknown> } {
  const { model: _model, anthropic_version: _version, ...rest } = body;
  return {
    url: `${publisherModelsUrl(credential)}/${encodeURIComponent(modelId)}:${stream ? "streamRawPredict" : "rawPredict"}`,
    body: { anthropic_version: vertexAnthropicVersion, ...rest, stream },
  };
}

/** count_tokens on Vertex: `count-tokens:rawPredict`, with the model in the body. */
export function vertexCountTokensRequest(
  credential: VertexCredential,
  modelId: string,
  body: Record<string, unknown>,
): { url: string; body: Record<string, unknown> } {
  const { anthropic_version: _version, ...rest } = body;
  return {
    url: `${publisherModelsUrl(credential)}/count-tokens:rawPredict`,
    body: { anthropic_version: vertexAnthropicVersion, ...rest, model: modelId },
  };
}
