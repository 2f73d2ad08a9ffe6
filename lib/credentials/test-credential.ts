import { AppSecretMismatchError } from "./app-secret-mismatch";
import type { Db } from "@/lib/db";
import { toGatewayError } from "@/lib/gateway/core/gateway-error";
import { sendAnthropicRequest } from "@/lib/gateway/providers/anthropic/anthropic-client";
import { resolveGatewayModelOrThrow } from "@/lib/gateway/core/resolve-gateway-model-or-throw";
import { toProviderCredential } from "@/lib/gateway/routing/credential-for-model";
import { sendCountTokensRequest } from "@/lib/gateway/providers/dispatch-by-platform";
import { listOpenAICompatibleModels } from "@/lib/gateway/providers/openai-compatible/openai-compatible-client";
import { getCredentialForUse } from "./resolve-credential";
import { PROVIDER_LABELS } from "./providers";

export type ConnectionTestResult = { ok: boolean; message: string; latencyMs: number };

const TIMEOUT_MS = 15_000;
/** Served on every provider; counting tokens for it costs nothing. */
const CONNECTION_TEST_MODEL = "claude-haiku-4-5";

/**
 * One cheap real call with the credential through the gateway's own client code: the
 * provider's free token counter (Anthropic, Bedrock, Vertex), or an OpenAI-compatible
 * gateway's model list.
 */
export async function testCredential(db: Db, id: string): Promise<ConnectionTestResult> {
  let credential: Awaited<ReturnType<typeof getCredentialForUse>>;
  try {
    credential = await getCredentialForUse(db, id);
  } catch (error) {
    // Not the provider's answer: this server cannot open the stored key at all. Say so plainly.
    if (error instanceof AppSecretMismatchError) return { ok: false, message: error.message, latencyMs: 0 };
    throw error;
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    switch (credential.provider) {
      case "anthropic": {
        const response = await sendAnthropicRequest({
          credential: { apiKey: credential.secrets.apiKey ?? "", baseUrl: credential.baseUrl, name: credential.name },
          path: "/v1/messages/count_tokens",
          body: { model: CONNECTION_TEST_MODEL, messages: [{ role: "user", content: "ping" }] },
          signal,
          timeoutMs: TIMEOUT_MS,
        });
        await response.body?.cancel();
        break;
      }
      case "openai-compatible":
        await listOpenAICompatibleModels({
          baseUrl: credential.baseUrl ?? "",
          apiKey: credential.secrets.apiKey ?? "",
          name: credential.name,
          signal,
        });
        break;
      case "aws":
      case "google": {
        // Both count tokens for free: Bedrock's CountTokens, Vertex's count-tokens:rawPredict
        // (which also proves the service account can mint an access token).
        const model = resolveGatewayModelOrThrow(`${credential.provider}/anthropic/${CONNECTION_TEST_MODEL}`);
        const response = await sendCountTokensRequest({
          model,
          credential: toProviderCredential(credential),
          body: { model: model.upstreamModelId, messages: [{ role: "user", content: "ping" }] },
          signal,
          timeoutMs: TIMEOUT_MS,
        });
        await response.body?.cancel();
        break;
      }
      default: {
        const exhaustive: never = credential.provider;
        return exhaustive;
      }
    }
    return {
      ok: true,
      message: `${PROVIDER_LABELS[credential.provider]} accepted the credential.`,
      latencyMs: elapsed(),
    };
  } catch (error) {
    // Gateway errors name the credential, never its secret.
    return { ok: false, message: toGatewayError(error).message, latencyMs: elapsed() };
  }
}
