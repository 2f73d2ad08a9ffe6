import { PROVIDER_LABELS, type CredentialProvider } from "./providers";
import type { CredentialSettings } from "./credential-secrets";

type Row = {
  id: string;
  provider: string;
  name: string;
  secretHint: string;
  settings: string;
  baseUrl: string | null;
  enabled: boolean;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type CredentialView = ReturnType<typeof toCredentialView>;

/** What the browser, the CLI and any API may see of a credential: never a secret, only its last 4. */
export function toCredentialView(row: Row) {
  const provider = row.provider as CredentialProvider;
  return {
    id: row.id,
    provider,
    providerLabel: PROVIDER_LABELS[provider] ?? row.provider,
    name: row.name,
    secretLast4: row.secretHint,
    settings: JSON.parse(row.settings) as CredentialSettings,
    baseUrl: row.baseUrl,
    enabled: row.enabled,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
