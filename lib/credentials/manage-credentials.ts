import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { appSecretKey } from "@/lib/crypto/app-secret-key";
import { open, seal } from "@/lib/crypto/secret-box";
import { createCredentialInput, updateCredentialInput, type UpdateCredentialInput } from "./credential-input";
import {
  secretHint,
  splitCredentialInput,
  type CredentialSecrets,
  type CredentialSettings,
} from "./credential-secrets";
import { toCredentialView } from "./credential-view";
import { forgetResolvedCredentials } from "./resolve-credential";

export function sealSecrets(id: string, secrets: CredentialSecrets) {
  return seal(JSON.stringify(secrets), appSecretKey(), id);
}

export function openSecrets(id: string, sealed: string): CredentialSecrets {
  return JSON.parse(open(sealed, appSecretKey(), id)) as CredentialSecrets;
}

async function makeOnlyDefault(db: Db, provider: string, id: string) {
  await db.providerCredential.updateMany({ where: { provider, NOT: { id } }, data: { isDefault: false } });
}

export async function createCredential(db: Db, input: unknown) {
  const parsed = createCredentialInput.parse(input);
  const { secrets, settings } = splitCredentialInput(parsed);
  const id = randomUUID();
  const isFirst = (await db.providerCredential.count({ where: { provider: parsed.provider } })) === 0;
  const isDefault = parsed.isDefault ?? isFirst;
  const row = await db.providerCredential.create({
    data: {
      id,
      provider: parsed.provider,
      name: parsed.name,
      secretCiphertext: sealSecrets(id, secrets),
      secretHint: secretHint(secrets),
      settings: JSON.stringify(settings),
      baseUrl: parsed.baseUrl ?? null,
      enabled: parsed.enabled ?? true,
      isDefault,
    },
  });
  if (isDefault) await makeOnlyDefault(db, parsed.provider, id);
  forgetResolvedCredentials();
  return toCredentialView(row);
}

const nonBlank = (value: string | null | undefined) => (value ? value : undefined);

export async function updateCredential(db: Db, id: string, input: unknown) {
  const changes: UpdateCredentialInput = updateCredentialInput.parse(input);
  const existing = await db.providerCredential.findUnique({ where: { id }, omit: { secretCiphertext: false } });
  if (!existing) throw new AppError("not_found", `no credential ${id}`);
  const secrets = openSecrets(id, existing.secretCiphertext);
  const newSecrets: CredentialSecrets = {
    ...secrets,
    ...(nonBlank(changes.apiKey) && { apiKey: changes.apiKey }),
    ...(nonBlank(changes.accessKeyId) && { accessKeyId: changes.accessKeyId }),
    ...(nonBlank(changes.secretAccessKey) && { secretAccessKey: changes.secretAccessKey }),
    ...(changes.sessionToken !== undefined && { sessionToken: changes.sessionToken || null }),
    ...(nonBlank(changes.serviceAccountJson) && { serviceAccountJson: changes.serviceAccountJson }),
  };
  if (changes.serviceAccountJson) {
    // Validate a replacement key file exactly as on creation.
    createCredentialInput.parse({
      provider: "google",
      name: existing.name,
      serviceAccountJson: changes.serviceAccountJson,
    });
  }
  const settings: CredentialSettings = {
    ...(JSON.parse(existing.settings) as CredentialSettings),
    ...(changes.region && { region: changes.region }),
    ...(changes.projectId && { projectId: changes.projectId }),
  };
  for (const key of ["inferenceProfile", "tokenUrl", "modelIds"] as const) {
    const value = changes[key];
    if (value === null) delete settings[key];
    else if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  const secretsChanged = JSON.stringify(newSecrets) !== JSON.stringify(secrets);
  const row = await db.providerCredential.update({
    where: { id },
    data: {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.baseUrl !== undefined && { baseUrl: changes.baseUrl }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled }),
      ...(changes.isDefault !== undefined && { isDefault: changes.isDefault }),
      ...(secretsChanged && { secretCiphertext: sealSecrets(id, newSecrets), secretHint: secretHint(newSecrets) }),
      settings: JSON.stringify(settings),
    },
  });
  if (changes.isDefault) await makeOnlyDefault(db, existing.provider, id);
  forgetResolvedCredentials();
  return toCredentialView(row);
}

export async function listCredentials(db: Db) {
  const rows = await db.providerCredential.findMany({ orderBy: [{ provider: "asc" }, { createdAt: "asc" }] });
  return rows.map(toCredentialView);
}

export async function removeCredential(db: Db, id: string) {
  const removed = await db.providerCredential.deleteMany({ where: { id } });
  if (removed.count === 0) throw new AppError("not_found", `no credential ${id}`);
  forgetResolvedCredentials();
}
