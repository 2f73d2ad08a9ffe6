import type { DataPlaneDb } from "@/lib/db/data-plane/data-plane-db";
import type { GatewayPrincipal } from "@/lib/api-keys/authenticate-api-key";
import type { ModelAccess } from "@/lib/catalog/model-availability";
import { providersWithCredentials } from "./providers-with-credentials";

/** The models a caller can use, for the model lists: providers with a credential, and the caller's allowlist. */
export async function modelAccessForPrincipal(db: DataPlaneDb, principal: GatewayPrincipal): Promise<ModelAccess> {
  return { providers: await providersWithCredentials(db), allowlist: modelAllowlistOf(principal) };
}

/**
 * The seam for a key's (or, later, a team's) model allowlist. Keys carry none today (ApiKey in
 * prisma/models.prisma has no such column), so every model is allowed. When one lands, load it
 * with the key in authenticate-api-key.ts, return it here, and enforce it on model calls too.
 */
export function modelAllowlistOf(principal: GatewayPrincipal): ModelAccess["allowlist"] {
  void principal;
  return null;
}
