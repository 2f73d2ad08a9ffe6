"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyView } from "@/lib/api-keys/api-key-view";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { LimitFields, readLimitFields } from "@/components/limits/limit-fields";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogCancelOrConfirm } from "@/components/ui/dialog";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Switch } from "@/components/ui/switch";
import { apiKeysQueryOptions } from "./api-key-queries";

/** Shown in the keys table: "10 rpm · 50k tpm · $20/mo · bodies logged", or "No limits". */
export function describeLimits(limits: ApiKeyView["limits"]): string {
  const parts = [
    limits.requestsPerMinute !== null ? `${limits.requestsPerMinute.toLocaleString("en-US")} rpm` : null,
    limits.tokensPerMinute !== null ? `${limits.tokensPerMinute.toLocaleString("en-US")} tpm` : null,
    limits.monthlyBudgetUsd !== null ? `$${limits.monthlyBudgetUsd.toLocaleString("en-US")}/mo` : null,
    limits.logBodies ? "bodies logged" : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : "No limits";
}

/** Admins: requests and tokens per minute, monthly budget and body logging for one key. Empty = unlimited. */
export function KeyLimitsDialog({ apiKey, open, onClose }: { apiKey: ApiKeyView; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Limits for ${apiKey.name}`}
      description="Leave a field empty for no limit. Changes reach every instance within a second."
    >
      <KeyLimitsForm apiKey={apiKey} onDone={onClose} />
    </Dialog>
  );
}

function KeyLimitsForm({ apiKey, onDone }: { apiKey: ApiKeyView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [logBodies, setLogBodies] = useState(apiKey.limits.logBodies);
  const save = useMutation({
    mutationFn: (body: object) =>
      requestJson(`/api/api-keys/${encodeURIComponent(apiKey.id)}/limits`, { method: "PATCH", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions().queryKey });
      onDone();
    },
  });
  return (
    <form
      className="space-y-4"
      onSubmit={handleFormData((form) => save.mutate({ ...readLimitFields(form), logBodies }))}
    >
      {save.isError && <Alert tone="error">{errorMessage(save.error)}</Alert>}
      <LimitFields values={apiKey.limits} />
      <div className="flex items-center justify-between gap-4">
        <div>
          <p className="text-[13px] font-medium">Log request and response bodies</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Base64 attachments are elided and secrets redacted.
          </p>
        </div>
        <Switch checked={logBodies} onCheckedChange={setLogBodies} label="Log request and response bodies" />
      </div>
      <DialogCancelOrConfirm onCancel={onDone} confirmLabel="Save limits" pending={save.isPending} />
    </form>
  );
}
