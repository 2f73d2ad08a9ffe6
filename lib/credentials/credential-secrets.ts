import type { BedrockInferenceProfile } from "@/lib/catalog/provider-model-ids";
import type { CreateCredentialInput } from "./credential-input";

/** Sealed together as one JSON object. */
export type CredentialSecrets = {
  apiKey?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string | null;
  serviceAccountJson?: string;
};

/** Stored in the clear: nothing here is secret. */
export type CredentialSettings = {
  region?: string;
  projectId?: string;
  /** Vertex: replaces Google's OAuth token endpoint (tests, private endpoints). */
  tokenUrl?: string;
  /** Bedrock: the cross-region inference profile group models are called through, or `none`. */
  inferenceProfile?: BedrockInferenceProfile;
  /** Bedrock/Vertex: catalog model id → the provider's model id (or ARN). */
  modelIds?: Record<string, string>;
};

export function splitCredentialInput(input: CreateCredentialInput): {
  secrets: CredentialSecrets;
  settings: CredentialSettings;
} {
  switch (input.provider) {
    case "anthropic":
    case "openai-compatible":
      return { secrets: { apiKey: input.apiKey }, settings: {} };
    case "aws":
      return {
        secrets: {
          accessKeyId: input.accessKeyId,
          secretAccessKey: input.secretAccessKey,
          sessionToken: input.sessionToken ?? null,
        },
        settings: {
          region: input.region,
          ...(input.inferenceProfile ? { inferenceProfile: input.inferenceProfile } : {}),
          ...(input.modelIds ? { modelIds: input.modelIds } : {}),
        },
      };
    case "google": {
      const projectId = input.projectId ?? (JSON.parse(input.serviceAccountJson) as { project_id?: string }).project_id;
      return {
        secrets: { serviceAccountJson: input.serviceAccountJson },
        settings: {
          region: input.region,
          ...(projectId ? { projectId } : {}),
          ...(input.tokenUrl ? { tokenUrl: input.tokenUrl } : {}),
          ...(input.modelIds ? { modelIds: input.modelIds } : {}),
        },
      };
    }
    default: {
      const exhaustive: never = input;
      return exhaustive;
    }
  }
}

/** The last 4 characters of the credential's main secret: all that is ever shown again. */
export function secretHint(secrets: CredentialSecrets): string {
  const main = secrets.apiKey ?? secrets.secretAccessKey ?? serviceAccountKeyId(secrets.serviceAccountJson) ?? "";
  return main.slice(-4);
}

function serviceAccountKeyId(json: string | undefined) {
  if (!json) return undefined;
  try {
    return (JSON.parse(json) as { private_key_id?: string }).private_key_id;
  } catch {
    return undefined;
  }
}
