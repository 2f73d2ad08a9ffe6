import { PROVIDER_LABELS, type CredentialProvider } from "@/lib/credentials/providers";

export type CredentialFieldName =
  | "apiKey"
  | "accessKeyId"
  | "secretAccessKey"
  | "sessionToken"
  | "serviceAccountJson"
  | "projectId"
  | "region"
  | "baseUrl"
  | "inferenceProfile"
  | "modelIds"
  | "tokenUrl";

export type CredentialField = {
  name: CredentialFieldName;
  label: string;
  /** Sealed server-side, typed into a password input, never shown again. */
  secret?: boolean;
  required?: boolean;
  placeholder?: string;
  hint?: string;
  defaultValue?: string;
  /** Offer to read the value from a file (Google's service-account key file). */
  fromFile?: boolean;
};

export type ProviderEntry = {
  provider: CredentialProvider;
  label: string;
  description: string;
  monogram: string;
  fields: CredentialField[];
};

const baseUrlOverride: CredentialField = {
  name: "baseUrl",
  label: "Base URL override",
  placeholder: "https://api.anthropic.com",
  hint: "The provider's root URL, without /v1. Leave blank for the provider's own endpoint.",
};

function modelIdOverrides(placeholder: string): CredentialField {
  return {
    name: "modelIds",
    label: "Model ID overrides",
    placeholder,
    hint: "Optional JSON object: catalog model id → the provider's model id. Leave blank to use the catalog's.",
  };
}

/** The providers the BYOK screen offers, in display order, with the fields each one needs. */
export const PROVIDER_CATALOG: ProviderEntry[] = [
  {
    provider: "anthropic",
    label: PROVIDER_LABELS.anthropic,
    description: "Claude through the Anthropic API with your own API key.",
    monogram: "A",
    fields: [
      { name: "apiKey", label: "API key", secret: true, required: true, placeholder: "sk-ant-api03-…" },
      baseUrlOverride,
    ],
  },
  {
    provider: "aws",
    label: PROVIDER_LABELS.aws,
    description: "Claude on Amazon Bedrock with an IAM access key.",
    monogram: "B",
    fields: [
      { name: "accessKeyId", label: "Access key ID", secret: true, required: true, placeholder: "AKIA…" },
      { name: "secretAccessKey", label: "Secret access key", secret: true, required: true },
      { name: "sessionToken", label: "Session token", secret: true, hint: "Only for temporary credentials." },
      { name: "region", label: "Region", required: true, defaultValue: "us-east-1", placeholder: "us-east-1" },
      {
        name: "inferenceProfile",
        label: "Inference profile",
        placeholder: "global",
        hint: "Cross-region inference profile group: global, us, eu, apac, jp or au; none calls the in-region model id. Default: global.",
      },
      modelIdOverrides('{"claude-sonnet-4-6": "arn:aws:bedrock:…:application-inference-profile/…"}'),
      { ...baseUrlOverride, placeholder: "https://bedrock-runtime.us-east-1.amazonaws.com" },
    ],
  },
  {
    provider: "google",
    label: PROVIDER_LABELS.google,
    description: "Claude on Vertex AI with a service-account key file.",
    monogram: "G",
    fields: [
      {
        name: "serviceAccountJson",
        label: "Service account JSON",
        secret: true,
        required: true,
        fromFile: true,
        placeholder: '{"type": "service_account", …}',
        hint: "Paste the key file's contents or load the file.",
      },
      { name: "projectId", label: "Project ID", hint: "Read from the key file when blank." },
      {
        name: "region",
        label: "Region",
        required: true,
        defaultValue: "global",
        placeholder: "global",
        hint: "global, or a Vertex AI region such as us-east5.",
      },
      modelIdOverrides('{"claude-sonnet-4-6": "claude-sonnet-4-6@20260217"}'),
      { ...baseUrlOverride, placeholder: "https://aiplatform.googleapis.com" },
      {
        name: "tokenUrl",
        label: "Token URL override",
        placeholder: "https://oauth2.googleapis.com/token",
        hint: "Where access tokens are minted. Leave blank for Google's.",
      },
    ],
  },
  {
    provider: "openai-compatible",
    label: PROVIDER_LABELS["openai-compatible"],
    description: "Another router or gateway that speaks the OpenAI API.",
    monogram: "O",
    fields: [
      {
        name: "baseUrl",
        label: "Base URL",
        required: true,
        placeholder: "https://router.example.com",
        hint: "The gateway's root URL, without /v1.",
      },
      { name: "apiKey", label: "API key", secret: true, required: true },
    ],
  },
];

export function providerEntry(provider: CredentialProvider): ProviderEntry {
  return PROVIDER_CATALOG.find((entry) => entry.provider === provider) ?? PROVIDER_CATALOG[0]!;
}
