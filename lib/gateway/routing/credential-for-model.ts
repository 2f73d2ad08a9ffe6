import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import type { ResolvedGatewayModel } from "@/lib/catalog/model-catalog";
import { AppError } from "@/lib/errors/app-error";
import { resolveDefaultCredential, type ResolvedCredential } from "@/lib/credentials/resolve-credential";
import { GatewayError } from "../core/gateway-error";
import type { ProviderCredential } from "../providers/provider-credential";
import { parseServiceAccount } from "../providers/vertex/service-account";

/**
 * The credential a model is served with. A provider this install cannot use (not configured,
 * or configured incompletely) is a 400 that says what to set up; it is marked retryable so a
 * fallback list skips it and tries the next model.
 */
export async function credentialForModel(db: DataPlaneDb, model: ResolvedGatewayModel): Promise<ProviderCredential> {
  let credential: ResolvedCredential;
  try {
    credential = await resolveDefaultCredential(db, model.provider);
  } catch (error) {
    // Only "none configured" is the caller's 400; a database that does not answer, or an
    // APP_SECRET that cannot open the credential, stay 503s.
    if (!(error instanceof AppError) || error.code !== "invalid_input") throw error;
    throw notConfigured(error.message);
  }
  return toProviderCredential(credential);
}

/** A stored credential as the provider clients take it. */
export function toProviderCredential(credential: ResolvedCredential): ProviderCredential {
  const { secrets, settings } = credential;
  switch (credential.provider) {
    case "anthropic":
    case "openai-compatible":
      return {
        provider: "anthropic",
        apiKey: secrets.apiKey ?? "",
        baseUrl: credential.baseUrl,
        name: credential.name,
      };
    case "aws":
      return {
        provider: "aws",
        name: credential.name,
        accessKeyId: secrets.accessKeyId ?? "",
        secretAccessKey: secrets.secretAccessKey ?? "",
        sessionToken: secrets.sessionToken ?? null,
        region: settings.region ?? "us-east-1",
        baseUrl: credential.baseUrl,
        modelIds: settings.modelIds,
        inferenceProfile: settings.inferenceProfile,
      };
    case "google": {
      const serviceAccount = parseServiceAccount(secrets.serviceAccountJson);
      if (!serviceAccount)
        throw notConfigured(
          `The Google Vertex AI credential "${credential.name}" has no usable service-account key file.`,
        );
      const projectId = settings.projectId ?? serviceAccount.project_id;
      if (!projectId) {
        throw notConfigured(
          `The Google Vertex AI credential "${credential.name}" has no project id: set one in AI Gateway › BYOK.`,
        );
      }
      return {
        provider: "google",
        name: credential.name,
        serviceAccount,
        projectId,
        region: settings.region ?? "global",
        baseUrl: credential.baseUrl,
        tokenUrl: settings.tokenUrl ?? null,
        modelIds: settings.modelIds,
      };
    }
    default: {
      const exhaustive: never = credential.provider;
      return exhaustive;
    }
  }
}

function notConfigured(message: string) {
  return new GatewayError({
    status: 400,
    type: "invalid_request_error",
    code: "provider_not_configured",
    param: "model",
    message,
    retryable: true,
  });
}
