import type { BedrockInferenceProfile, ModelIdOverrides } from "@/lib/catalog/provider-model-ids";
import type { AnthropicCredential } from "./anthropic/anthropic-client";
import type { ServiceAccount } from "./vertex/service-account";

/** A credential ready for one upstream call, by provider. In memory only; never logged. */
export type ProviderCredential =
  ({ provider: "anthropic" } & AnthropicCredential) | BedrockCredential | VertexCredential;

export type BedrockCredential = {
  provider: "aws";
  name?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | null;
  region: string;
  /** Replaces `https://bedrock-runtime.{region}.amazonaws.com`. */
  baseUrl?: string | null;
  modelIds?: ModelIdOverrides;
  inferenceProfile?: BedrockInferenceProfile;
};

export type VertexCredential = {
  provider: "google";
  name?: string;
  serviceAccount: ServiceAccount;
  projectId: string;
  /** A Vertex region (`us-east5`, `europe-west1`) or `global`. */
  region: string;
  /** Replaces `https://{region}-aiplatform.googleapis.com` (or the global endpoint). */
  baseUrl?: string | null;
  /** Replaces Google's OAuth token endpoint (tests point it at the fake). */
  tokenUrl?: string | null;
  modelIds?: ModelIdOverrides;
};

export const PROVIDER_DISPLAY_NAMES = {
  anthropic: "Anthropic",
  aws: "Amazon Bedrock",
  google: "Google Vertex AI",
} as const satisfies Record<ProviderCredential["provider"], string>;

/** One Messages call to a partner platform (Bedrock, Vertex): its credential and the platform's model id. */
export type PartnerPlatformCall<Credential> = {
  credential: Credential;
  modelId: string;
  body: Record<string, unknown>;
  stream: boolean;
  betas?: readonly string[];
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: typeof fetch;
};
