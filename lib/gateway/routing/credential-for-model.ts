import type { Db } from "@/lib/db";
import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { AppError } from "@/lib/errors/app-error";
import { resolveDefaultCredential } from "@/lib/credentials/resolve-credential";
import { GatewayError } from "../gateway-error";
import type { AnthropicCredential } from "../providers/anthropic/anthropic-client";

const NOT_YET_SERVED = {
  aws: "Amazon Bedrock",
  google: "Google Vertex AI",
} as const;

/**
 * The credential a model is served with. A provider this install cannot use (not
 * configured, or not supported yet) is a 400 that says what to set up; it is marked
 * retryable so a fallback list skips it and tries the next model.
 */
export async function credentialForModel(db: Db, model: ResolvedGatewayModel): Promise<AnthropicCredential> {
  if (model.provider !== "anthropic") {
    throw new GatewayError({
      status: 400,
      type: "invalid_request_error",
      code: "provider_not_supported",
      param: "model",
      message: `${NOT_YET_SERVED[model.provider]} (${model.provider}/…) is not served by this Switchyard version yet; use anthropic/${model.modelId}.`,
      retryable: true,
    });
  }
  try {
    const credential = await resolveDefaultCredential(db, "anthropic");
    return { apiKey: credential.secrets.apiKey ?? "", baseUrl: credential.baseUrl, name: credential.name };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new GatewayError({
      status: 400,
      type: "invalid_request_error",
      code: "provider_not_configured",
      param: "model",
      message: error.message,
      retryable: true,
    });
  }
}
