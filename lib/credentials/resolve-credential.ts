import type { Db } from "@/lib/db";
import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import { AppError } from "@/lib/errors/app-error";
import { appSecretKey } from "@/lib/crypto/app-secret-key";
import { open, sealedKeyId } from "@/lib/crypto/secret-box";
import { AppSecretMismatchError } from "./app-secret-mismatch";
import type { CredentialSecrets, CredentialSettings } from "./credential-secrets";
import { PROVIDER_LABELS, type CredentialProvider } from "./providers";

/** A credential ready for an upstream call. Lives in memory only; never logged or serialised. */
export type ResolvedCredential = {
  id: string;
  name: string;
  provider: CredentialProvider;
  baseUrl: string | null;
  settings: CredentialSettings;
  secrets: CredentialSecrets;
};

// Same one-second bound as API keys: edits reach every instance within a second,
// and the gateway's hot path does not read the database on every request.
const CACHE_TTL_MS = 1_000;
const cache = new Map<string, { credential: ResolvedCredential | null; expiresAt: number }>();

export function forgetResolvedCredentials() {
  cache.clear();
}

function toResolved(row: {
  id: string;
  name: string;
  provider: string;
  baseUrl: string | null;
  settings: string;
  secretCiphertext: string;
}): ResolvedCredential {
  if (sealedKeyId(row.secretCiphertext) !== appSecretKey().id) throw new AppSecretMismatchError(row.name);
  return {
    id: row.id,
    name: row.name,
    provider: row.provider as CredentialProvider,
    baseUrl: row.baseUrl,
    settings: JSON.parse(row.settings) as CredentialSettings,
    secrets: JSON.parse(open(row.secretCiphertext, appSecretKey(), row.id)) as CredentialSecrets,
  };
}

/** The provider's default enabled credential (else its oldest enabled one), or a 400 saying what to configure. */
export async function resolveDefaultCredential(
  db: DataPlaneDb,
  provider: CredentialProvider,
): Promise<ResolvedCredential> {
  const now = Date.now();
  let entry = cache.get(provider);
  if (!entry || entry.expiresAt <= now) {
    const [row] = await db.query<Parameters<typeof toResolved>[0]>(
      `SELECT "id", "name", "provider", "baseUrl", "settings", "secretCiphertext" FROM "ProviderCredential"
      WHERE "provider" = ? AND "enabled" = ? ORDER BY "isDefault" DESC, "createdAt" ASC LIMIT 1`,
      [provider, true],
    );
    entry = { credential: row ? toResolved(row) : null, expiresAt: now + CACHE_TTL_MS };
    cache.set(provider, entry);
  }
  if (!entry.credential) {
    throw new AppError(
      "invalid_input",
      `No enabled ${PROVIDER_LABELS[provider]} credential is configured. An admin can add one under AI Gateway › BYOK (or \`switchyard provider add --provider ${provider}\`).`,
      "model",
    );
  }
  return entry.credential;
}

/** The admin UI's (Prisma's client): testing a credential by id. */
export async function getCredentialForUse(db: Db, id: string): Promise<ResolvedCredential> {
  const row = await db.providerCredential.findUnique({ where: { id }, omit: { secretCiphertext: false } });
  if (!row) throw new AppError("not_found", `no credential ${id}`);
  return toResolved(row);
}
