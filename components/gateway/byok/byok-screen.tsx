"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { QueryStatus } from "@/components/api-client/query-status";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CredentialDialog, type CredentialDialogTarget } from "./credential-dialog";
import { credentialsQueryOptions } from "./credential-queries";
import { CredentialTable } from "./credential-table";
import { PROVIDER_CATALOG } from "./provider-catalog";
import { ProviderCard } from "./provider-card";

/** AI Gateway › BYOK: pick a provider, configure it, manage what is configured. */
export function ByokScreen() {
  const credentials = useQuery(credentialsQueryOptions());
  const [dialogTarget, setDialogTarget] = useState<CredentialDialogTarget | null>(null);
  const byProvider = (provider: string) => credentials.data?.filter((credential) => credential.provider === provider);
  const configured = PROVIDER_CATALOG.filter((entry) => (byProvider(entry.provider)?.length ?? 0) > 0);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Bring your own key"
        description="Provider credentials the gateway calls Claude with. Secrets are encrypted at rest and never shown again after saving."
      />

      <section aria-labelledby="providers-title" className="space-y-3">
        <h2 id="providers-title" className="text-sm font-semibold">
          Providers
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {PROVIDER_CATALOG.map((entry) => (
            <ProviderCard
              key={entry.provider}
              entry={entry}
              configuredCount={byProvider(entry.provider)?.length}
              onConfigure={() =>
                setDialogTarget({
                  mode: "create",
                  provider: entry.provider,
                  firstForProvider: (byProvider(entry.provider)?.length ?? 0) === 0,
                })
              }
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="configured-title" className="space-y-3">
        <h2 id="configured-title" className="text-sm font-semibold">
          Configured credentials
        </h2>
        <QueryStatus query={credentials} loading="Loading credentials…" retry />
        {credentials.isSuccess && configured.length === 0 && (
          <EmptyState>No provider is configured yet. Pick one above and choose Configure.</EmptyState>
        )}
        {configured.map((entry) => (
          <div key={entry.provider} className="space-y-2">
            <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{entry.label}</h3>
            <CredentialTable
              label={entry.label}
              credentials={byProvider(entry.provider) ?? []}
              onEdit={(credential) => setDialogTarget({ mode: "edit", credential })}
            />
          </div>
        ))}
      </section>

      <CredentialDialog target={dialogTarget} onClose={() => setDialogTarget(null)} />
    </div>
  );
}
