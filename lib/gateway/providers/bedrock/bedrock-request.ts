import type { BedrockCredential } from "../provider-credential";

/** The `anthropic_version` Bedrock requires in the body (the model goes in the URL). */
export const bedrockAnthropicVersion = "bedrock-2023-05-31";
/** AWS's signing name for bedrock-runtime. */
export const bedrockSigningService = "bedrock";

/**
 * Betas the gateway itself adds that Bedrock does not take as flags: its 1-hour cache TTL is
 * set by `cache_control.ttl` alone, and an unknown `anthropic_beta` value is a ValidationException.
 */
const betasNotSentToBedrock = new Set(["extended-cache-ttl-2025-04-11"]);

export function bedrockBaseUrl(credential: Pick<BedrockCredential, "region" | "baseUrl">): string {
  if (credential.baseUrl) return credential.baseUrl.replace(/\/+$/, "");
  return `https://bedrock-runtime.${credential.region}.amazonaws.com`;
}

/**
 * A Messages body → InvokeModel / InvokeModelWithResponseStream: the model moves into the
 * URL, `stream` is implied by the operation, betas travel in the body as `anthropic_beta`.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html
 */
export function bedrockInvokeRequest(
  credential: BedrockCredential,
  modelId: string,
  body: Record<string, unknown>,
  options: { stream: boolean; betas?: readonly string[] },
): { url: URL; body: string } {
  const { model: _model, stream: _stream, anthropic_version: _version, ...rest } = body;
  const betas = [...new Set(options.betas ?? [])].filter((beta) => !betasNotSentToBedrock.has(beta));
  const operation = options.stream ? "invoke-with-response-stream" : "invoke";
  return {
    url: new URL(`${bedrockBaseUrl(credential)}/model/${encodeURIComponent(modelId)}/${operation}`),
    body: JSON.stringify({
      anthropic_version: bedrockAnthropicVersion,
      ...rest,
      ...(betas.length > 0 ? { anthropic_beta: betas } : {}),
    }),
  };
}

/**
 * count_tokens → Bedrock's CountTokens with the InvokeModel body it would count (base64).
 * CountTokens takes the bare foundation-model id, not an inference profile.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_CountTokens.html
 */
export function bedrockCountTokensRequest(
  credential: BedrockCredential,
  foundationModelId: string,
  body: Record<string, unknown>,
): { url: URL; body: string } {
  const { model: _model, anthropic_version: _version, ...rest } = body;
  // An InvokeModel body needs max_tokens; counting input tokens does not depend on it.
  const invokeBody = { anthropic_version: bedrockAnthropicVersion, max_tokens: 1, ...rest };
  return {
    url: new URL(`${bedrockBaseUrl(credential)}/model/${encodeURIComponent(foundationModelId)}/count-tokens`),
    body: JSON.stringify({
      input: { invokeModel: { body: Buffer.from(JSON.stringify(invokeBody)).toString("base64") } },
    }),
  };
}
