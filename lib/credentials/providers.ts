export const CREDENTIAL_PROVIDERS = ["anthropic", "aws", "google", "openai-compatible"] as const;
export type CredentialProvider = (typeof CREDENTIAL_PROVIDERS)[number];

export const PROVIDER_LABELS: Record<CredentialProvider, string> = {
  anthropic: "Anthropic",
  aws: "AWS Bedrock",
  google: "Google Vertex AI",
  "openai-compatible": "OpenAI-compatible gateway",
};
