import { PROVIDER_LABELS, type CredentialProvider } from "@/lib/credentials/providers";

export type CredentialFieldName =
  | "apiKey"
  | "accessKeyId"
  | "secretAccessKey"
  | "sessionToken"
  | "serviceAccountJson"
  | "projectId"
  | "region"
  | "baseUrl";

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
      { name: "region", label: "Region", required: true, defaultValue: "global", placeholder: "global" },
      { ...baseUrlOverride, placeholder: "https://aiplatform.googleapis.com" },
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
