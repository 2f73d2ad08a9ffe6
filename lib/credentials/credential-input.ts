import { z } from "zod";
import { bedrockRegionGroupSchema } from "@/lib/catalog/model-catalog-schema";

const baseUrl = z
  .url({ protocol: /^https?$/, message: "base URL must be an http(s) URL" })
  .transform((url) => url.replace(/\/+$/, ""))
  .refine((url) => !/\/v1$/.test(url), "give the provider's root URL without /v1 (e.g. https://api.anthropic.com)");

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http(s) URL" });

/** Model id overrides: an object, or the JSON text of one (as the BYOK form sends it). */
const modelIds = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    if (value.trim() === "") return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  },
  z
    .record(z.string().trim().min(1).max(200), z.string().trim().min(1).max(2048), {
      error: 'model id overrides must be a JSON object like {"claude-sonnet-4-6": "provider-model-id"}',
    })
    .optional(),
);

const inferenceProfile = z.enum([...bedrockRegionGroupSchema.options, "none"], {
  error: `inference profile must be one of ${[...bedrockRegionGroupSchema.options, "none"].join(", ")}`,
});

const vertexRegion = z
  .string()
  .trim()
  .regex(/^(global|[a-z]+-[a-z]+\d+)$/, "region must be global or a Vertex AI region like us-east5");

const common = {
  name: z.string().trim().min(1, "give the credential a name").max(100),
  baseUrl: baseUrl.nullish(),
  enabled: z.boolean().optional(),
  isDefault: z.boolean().optional(),
};

const secret = (label: string) => z.string().trim().min(1, `${label} is required`).max(20_000);

const serviceAccountJson = secret("service account JSON").refine((value) => {
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    return typeof parsed.client_email === "string" && typeof parsed.private_key === "string";
  } catch {
    return false;
  }
}, "service account JSON must be the key file Google gives you (with client_email and private_key)");

/** What the admin types when adding a credential. Secrets are sealed before they reach the database. */
export const createCredentialInput = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("anthropic"), ...common, apiKey: secret("API key") }),
  z.object({ provider: z.literal("openai-compatible"), ...common, apiKey: secret("API key"), baseUrl }),
  z.object({
    provider: z.literal("aws"),
    ...common,
    accessKeyId: secret("access key id"),
    secretAccessKey: secret("secret access key"),
    sessionToken: z.string().trim().max(5_000).nullish(),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "region must look like us-east-1"),
    inferenceProfile: inferenceProfile.nullish(),
    modelIds,
  }),
  z.object({
    provider: z.literal("google"),
    ...common,
    serviceAccountJson,
    projectId: z.string().trim().min(1).nullish(),
    region: vertexRegion.default("global"),
    tokenUrl: httpUrl.nullish(),
    modelIds,
  }),
]);
export type CreateCredentialInput = z.infer<typeof createCredentialInput>;

/** Editing: every field optional; a secret left out (or blank) keeps the stored one. */
export const updateCredentialInput = z.object({
  name: common.name.optional(),
  baseUrl: baseUrl.nullish().or(z.literal("").transform(() => null)),
  enabled: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  apiKey: z.string().trim().max(20_000).optional(),
  accessKeyId: z.string().trim().max(200).optional(),
  secretAccessKey: z.string().trim().max(200).optional(),
  sessionToken: z.string().trim().max(5_000).nullish(),
  region: z.string().trim().min(1).optional(),
  serviceAccountJson: z.string().trim().max(20_000).optional(),
  projectId: z.string().trim().min(1).optional(),
  /** Settings below: null (or blank) clears, undefined keeps. */
  inferenceProfile: inferenceProfile.nullish().or(z.literal("").transform(() => null)),
  tokenUrl: httpUrl.nullish().or(z.literal("").transform(() => null)),
  modelIds: z.preprocess((value) => (value === "" ? null : value), z.union([z.null(), modelIds])),
});
export type UpdateCredentialInput = z.infer<typeof updateCredentialInput>;
