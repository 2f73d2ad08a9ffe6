"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { QueryStatus } from "@/components/api-client/query-status";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { apiKeysQueryOptions } from "./api-key-queries";
import { ApiKeyTable } from "./api-key-table";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { NewApiKeyDialog } from "./new-api-key-dialog";

/** AI Gateway › API keys: the keys clients call the gateway with. Admins see everyone's. */
export function ApiKeysScreen({ isAdmin }: { isAdmin: boolean }) {
  const apiKeys = useQuery(apiKeysQueryOptions());
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);

  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          isAdmin ? "Keys for calling the gateway. You see every user's keys." : "Your keys for calling the gateway."
        }
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create API Key
          </Button>
        }
      />
      <QueryStatus query={apiKeys} loading="Loading API keys…" retry />
      {apiKeys.isSuccess && apiKeys.data.length === 0 && (
        <EmptyState>No API keys yet. Create one to call the gateway from your code.</EmptyState>
      )}
      {apiKeys.isSuccess && apiKeys.data.length > 0 && (
        <ApiKeyTable apiKeys={apiKeys.data} showOwner={isAdmin} canSetLimits={isAdmin} />
      )}

      <CreateApiKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setNewKey(key);
        }}
      />
      <NewApiKeyDialog apiKey={newKey} onClose={() => setNewKey(null)} />
    </div>
  );
}
