"use client";

import { useState } from "react";
import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import { confirmingMutation } from "@/components/api-client/confirming-mutation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TableCell } from "@/components/ui/table";
import { Timestamp } from "@/components/ui/timestamp";
import { useRevokeApiKey } from "./api-key-queries";
import { ApiKeyStatusBadge } from "./api-key-status-badge";
import { describeLimits, KeyLimitsDialog } from "./key-limits-dialog";

export function ApiKeyRow({
  apiKey,
  showOwner,
  canSetLimits = false,
}: {
  apiKey: ApiKeyView;
  showOwner: boolean;
  canSetLimits?: boolean;
}) {
  const revoke = useRevokeApiKey();
  const [confirming, setConfirming] = useState(false);
  const [editingLimits, setEditingLimits] = useState(false);
  return (
    <tr className={apiKey.status === "active" ? undefined : "text-zinc-600 dark:text-zinc-400"}>
      <TableCell className="font-medium">{apiKey.name}</TableCell>
      <TableCell className="font-mono text-xs whitespace-nowrap">{apiKey.prefix}-…</TableCell>
      {showOwner && <TableCell className="max-w-48 truncate">{apiKey.owner}</TableCell>}
      <TableCell>
        <Timestamp value={apiKey.createdAt} />
      </TableCell>
      <TableCell>
        <Timestamp value={apiKey.lastUsedAt} fallback="Never" withTime />
      </TableCell>
      <TableCell>
        <Timestamp value={apiKey.expiresAt} fallback="Never" />
      </TableCell>
      <TableCell>
        <ApiKeyStatusBadge status={apiKey.status} />
      </TableCell>
      <TableCell className="text-xs whitespace-nowrap">{describeLimits(apiKey.limits)}</TableCell>
      <TableCell className="text-right whitespace-nowrap">
        {canSetLimits && apiKey.status === "active" && (
          <Button size="sm" variant="ghost" onClick={() => setEditingLimits(true)}>
            Limits<span className="sr-only"> for {apiKey.name}</span>
          </Button>
        )}
        {canSetLimits && (
          <KeyLimitsDialog apiKey={apiKey} open={editingLimits} onClose={() => setEditingLimits(false)} />
        )}
        {apiKey.status === "active" && (
          <Button size="sm" variant="dangerGhost" onClick={() => setConfirming(true)}>
            Revoke<span className="sr-only"> {apiKey.name}</span>
          </Button>
        )}
        <ConfirmDialog
          open={confirming}
          {...confirmingMutation(revoke, () => setConfirming(false))}
          title={`Revoke ${apiKey.name}?`}
          description={`Requests with ${apiKey.prefix}-… are refused within a second, everywhere. This can't be undone.`}
          confirmLabel="Revoke key"
          onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: () => setConfirming(false) })}
        />
      </TableCell>
    </tr>
  );
}
