import { parseGatewayModelId, type GatewayProvider } from "./model-catalog";

/**
 * What a caller can use: the providers with an enabled credential, and the caller's model
 * allowlist (null: every model). Filled in by lib/gateway/routing/model-access-for-principal.ts.
 */
export type ModelAccess = {
  providers: ReadonlySet<GatewayProvider>;
  allowlist: ((gatewayModelId: string) => boolean) | null;
};

/** Why a caller cannot use a model, or null when it can. An id with no known provider prefix has no credential. */
export type ModelUnavailableReason = "no_credential" | "not_allowed";

export function whyModelUnavailable(gatewayModelId: string, access: ModelAccess): ModelUnavailableReason | null {
  const parsed = parseGatewayModelId(gatewayModelId);
  if (!parsed || !access.providers.has(parsed.provider)) return "no_credential";
  if (access.allowlist && !access.allowlist(gatewayModelId)) return "not_allowed";
  return null;
}

export function isModelAvailable(gatewayModelId: string, access: ModelAccess): boolean {
  return whyModelUnavailable(gatewayModelId, access) === null;
}
