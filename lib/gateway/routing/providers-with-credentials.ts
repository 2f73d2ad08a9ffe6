import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import type { GatewayProvider } from "@/lib/catalog/model-catalog";

const GATEWAY_PROVIDERS: readonly string[] = ["anthropic", "aws", "google"] satisfies GatewayProvider[];

// Same one-second bound as keys and credentials (resolve-credential.ts): a credential added or
// disabled shows in the model lists within a second, and listing does not read the database each time.
const CACHE_TTL_MS = 1_000;
let cached: { providers: ReadonlySet<GatewayProvider>; expiresAt: number } | undefined;

/** Tests only: a fresh database must not see the previous one's providers. */
export function forgetProvidersWithCredentials() {
  cached = undefined;
}

/**
 * The providers with at least one enabled credential: the ones a model call can be routed to
 * (credentialForModel picks among the same rows). Same rule as the playground's model picker.
 */
export async function providersWithCredentials(db: DataPlaneDb): Promise<ReadonlySet<GatewayProvider>> {
  const now = Date.now();
  if (cached && cached.expiresAt > now) return cached.providers;
  const rows = await db.query<{ provider: string }>(
    `SELECT DISTINCT "provider" FROM "ProviderCredential" WHERE "enabled" = ?`,
    [true],
  );
  const providers = new Set(
    rows.map((row) => row.provider).filter((provider) => GATEWAY_PROVIDERS.includes(provider)) as GatewayProvider[],
  );
  cached = { providers, expiresAt: now + CACHE_TTL_MS };
  return providers;
}
