import type { Db } from "@/lib/db";
import { toGatewayError } from "@/lib/gateway/gateway-error";
import { sendAnthropicRequest } from "@/lib/gateway/providers/anthropic/anthropic-client";
import { listOpenAICompatibleModels } from "@/lib/gateway/providers/openai-compatible/openai-compatible-client";
import { getCredentialForUse } from "./resolve-credential";
import { PROVIDER_LABELS } from "./providers";

export type ConnectionTestResult = { ok: boolean; message: string; latencyMs: number };

const TIMEOUT_MS = 15_000;

/**
 * One cheap real call with the credential through the gateway's own client code:
 * Anthropic's free token counter, or an OpenAI-compatible gateway's model list.
 */
export async function testCredential(db: Db, id: string): Promise<ConnectionTestResult> {
  const credential = await getCredentialForUse(db, id);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  try {
    switch (credential.provider) {
      case "anthropic": {
        const response = await sendAnthropicRequest({
          credential: { apiKey: credential.secrets.apiKey ?? "", baseUrl: credential.baseUrl, name: credential.name },
          path: "/v1/messages/count_tokens",
          body: { model: "claude-haiku-4-5", messages: [{ role: "user", content: "ping" }] },
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
      default:
        return { ok: false, message: `${PROVIDER_LABELS[credential.provider]} connections are not served by this version yet.`, latencyMs: 0 };
    }
    return { ok: true, message: `${PROVIDER_LABELS[credential.provider]} accepted the credential.`, latencyMs: elapsed() };
  } catch (error) {
    // Gateway errors name the credential, never its secret.
    return { ok: false, message: toGatewayError(error).message, latencyMs: elapsed() };
  }
}
