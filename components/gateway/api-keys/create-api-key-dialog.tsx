"use client";

import { useState } from "react";
import { errorMessage, errorParam } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogCancelOrConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Input, Select } from "@/components/ui/input";
import { useCreateApiKey } from "./api-key-queries";
import { EXPIRY_OPTIONS, expiresAtFor, type ExpiryChoice } from "./expiry-options";

export function CreateApiKeyDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Create API Key"
      description={
        <>
          Clients send it to the gateway as <code className="font-mono text-xs">Authorization: Bearer …</code> or{" "}
          <code className="font-mono text-xs">x-api-key</code>.
        </>
      }
    >
      <CreateApiKeyForm onCancel={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function CreateApiKeyForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (key: string) => void }) {
  const create = useCreateApiKey();
  const [expiry, setExpiry] = useState<ExpiryChoice>("never");
  const failedField = create.isError ? errorParam(create.error) : undefined;

  function submit(form: FormData) {
    const expiresAt = expiresAtFor(expiry, String(form.get("customDate") ?? ""));
    create.mutate(
      { name: String(form.get("name") ?? "").trim(), expiresAt },
      { onSuccess: (created) => onCreated(created.key) },
    );
  }

  return (
    <form onSubmit={handleFormData(submit)} className="space-y-4">
      {create.isError && failedField !== "name" && failedField !== "expiresAt" && (
        <Alert tone="error">{errorMessage(create.error)}</Alert>
      )}
      <Field
        label="Name"
        hint="Say where it is used, e.g. “CI pipeline” or “Jane's laptop”."
        error={failedField === "name" ? errorMessage(create.error) : undefined}
      >
        {(control) => <Input {...control} name="name" required maxLength={100} autoFocus autoComplete="off" />}
      </Field>
      <Field label="Expires" error={failedField === "expiresAt" ? errorMessage(create.error) : undefined}>
        {(control) => (
          <Select
            {...control}
            name="expiry"
            value={expiry}
            onChange={(event) => setExpiry(event.target.value as ExpiryChoice)}
          >
            {EXPIRY_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {expiry === "custom" && (
        <Field label="Expiry date">
          {(control) => (
            <Input {...control} name="customDate" type="date" required min={new Date().toISOString().slice(0, 10)} />
          )}
        </Field>
      )}
      <DialogCancelOrConfirm onCancel={onCancel} confirmLabel="Create API Key" pending={create.isPending} />
    </form>
  );
}
