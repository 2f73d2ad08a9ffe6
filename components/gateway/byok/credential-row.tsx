"use client";

import { useState } from "react";
import type { CredentialView } from "@/lib/credentials/credential-view";
import { confirmingMutation } from "@/components/api-client/confirming-mutation";
import { errorMessage } from "@/components/api-client/request-json";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { TableCell } from "@/components/ui/table";
import { ConnectionTestResult } from "./connection-test-result";
import { useDeleteCredential, useTestCredential, useUpdateCredential } from "./credential-queries";

export function CredentialRow({ credential, onEdit }: { credential: CredentialView; onEdit: () => void }) {
  const update = useUpdateCredential();
  const remove = useDeleteCredential();
  const test = useTestCredential();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const name = <span className="sr-only"> {credential.name}</span>;

  return (
    <>
      <tr>
        <TableCell className="font-medium">
          <div className="flex items-center gap-2">
            <span title={credential.name} className="min-w-0 truncate">
              {credential.name}
            </span>
            {credential.isDefault && <Badge tone="accent">Default</Badge>}
            {!credential.enabled && <Badge>Disabled</Badge>}
          </div>
        </TableCell>
        <TableCell className="font-mono text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">ending in </span>
          <span aria-hidden>•••• </span>
          {credential.secretLast4}
        </TableCell>
        <TableCell
          title={credential.baseUrl ?? undefined}
          className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
        >
          {credential.baseUrl ?? <span className="font-sans text-zinc-600 dark:text-zinc-400">Provider default</span>}
        </TableCell>
        <TableCell>
          <Switch
            checked={credential.enabled}
            label={`Enabled: ${credential.name}`}
            disabled={update.isPending}
            onCheckedChange={(enabled) => update.mutate({ id: credential.id, changes: { enabled } })}
          />
        </TableCell>
        <TableCell>
          <div className="flex justify-end gap-1">
            {!credential.isDefault && (
              <Button
                size="sm"
                variant="ghost"
                disabled={update.isPending}
                onClick={() => update.mutate({ id: credential.id, changes: { isDefault: true } })}
              >
                Make default{name}
              </Button>
            )}
            <Button size="sm" variant="ghost" pending={test.isPending} onClick={() => test.mutate(credential.id)}>
              Test connection{name}
            </Button>
            <Button size="sm" variant="ghost" onClick={onEdit}>
              Edit{name}
            </Button>
            <Button size="sm" variant="dangerGhost" onClick={() => setConfirmingDelete(true)}>
              Delete{name}
            </Button>
          </div>
          <ConfirmDialog
            open={confirmingDelete}
            {...confirmingMutation(remove, () => setConfirmingDelete(false))}
            title={`Delete ${credential.name}?`}
            description={`Requests for ${credential.providerLabel} will use another enabled credential, or fail if none is left. This can't be undone.`}
            confirmLabel="Delete credential"
            onConfirm={() => remove.mutate(credential.id, { onSuccess: () => setConfirmingDelete(false) })}
          />
        </TableCell>
      </tr>
      {(test.data || test.isError || update.isError) && (
        <tr className="bg-zinc-50/60 dark:bg-zinc-900/40">
          <TableCell colSpan={5} className="py-2">
            {update.isError ? (
              <p role="alert" className="text-[13px] text-red-700 dark:text-red-400">
                {errorMessage(update.error)}
              </p>
            ) : (
              <ConnectionTestResult result={test.data} error={test.isError ? errorMessage(test.error) : undefined} />
            )}
          </TableCell>
        </tr>
      )}
    </>
  );
}
