"use client";

import { useState } from "react";
import type { CredentialView } from "@/lib/credentials/credential-view";
import type { CredentialProvider } from "@/lib/credentials/providers";
import { errorMessage, errorParam } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogCancelOrConfirm } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { createCredentialBody, updateCredentialBody } from "./credential-form-body";
import { useCreateCredential, useUpdateCredential } from "./credential-queries";
import { CredentialFieldInput } from "./credential-field-input";
import { providerEntry } from "./provider-catalog";

export type CredentialDialogTarget =
  | { mode: "create"; provider: CredentialProvider; firstForProvider: boolean }
  | { mode: "edit"; credential: CredentialView };

const targetProvider = (target: CredentialDialogTarget) =>
  target.mode === "edit" ? target.credential.provider : target.provider;

/** "Setup your own API Key" for a provider, or editing one of its credentials. */
export function CredentialDialog({ target, onClose }: { target: CredentialDialogTarget | null; onClose: () => void }) {
  const label = target ? providerEntry(targetProvider(target)).label : "";
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      title={target?.mode === "edit" ? `Edit ${target.credential.name}` : `Configure ${label}`}
      description={target?.mode === "edit" ? label : undefined}
    >
      {target && <CredentialForm target={target} onDone={onClose} />}
    </Dialog>
  );
}

function CredentialForm({ target, onDone }: { target: CredentialDialogTarget; onDone: () => void }) {
  const credential = target.mode === "edit" ? target.credential : undefined;
  const entry = providerEntry(targetProvider(target));
  // A provider's first credential becomes its default unless the admin says otherwise.
  const [isDefault, setIsDefault] = useState(
    target.mode === "edit" ? target.credential.isDefault : target.firstForProvider,
  );
  const create = useCreateCredential();
  const update = useUpdateCredential();
  const mutation = credential ? update : create;
  const failedField = mutation.isError ? errorParam(mutation.error) : undefined;
  const knownFields = ["name", ...entry.fields.map((field) => field.name)];

  function save(form: FormData) {
    if (credential)
      update.mutate(
        { id: credential.id, changes: updateCredentialBody(credential, form, isDefault) },
        { onSuccess: onDone },
      );
    else create.mutate(createCredentialBody(entry.provider, form, isDefault), { onSuccess: onDone });
  }

  return (
    <form onSubmit={handleFormData(save)} className="space-y-4" autoComplete="off">
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">{credential ? "Your own API Key" : "Setup your own API Key"}</h3>
        <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
          {credential
            ? "Secrets are never shown again. Leave a secret blank to keep the stored one."
            : "Secrets are encrypted at rest and never shown again after saving; only their last 4 characters are."}
        </p>
      </div>
      {mutation.isError && !(failedField && knownFields.includes(failedField)) && (
        <Alert tone="error">{errorMessage(mutation.error)}</Alert>
      )}
      <Field label="Name" error={failedField === "name" ? errorMessage(mutation.error) : undefined}>
        {(control) => (
          <Input
            {...control}
            name="name"
            required
            maxLength={100}
            defaultValue={credential?.name}
            placeholder={`e.g. ${entry.label} Production`}
            autoFocus
          />
        )}
      </Field>
      {entry.fields.map((field) => (
        <CredentialFieldInput
          key={field.name}
          field={field}
          credential={credential}
          error={failedField === field.name ? errorMessage(mutation.error) : undefined}
        />
      ))}
      <div className="flex items-center justify-between gap-4 rounded-md border border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
        <div>
          <p className="text-[13px] font-medium">Default for {entry.label}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Used when a request doesn&apos;t pick a credential.
          </p>
        </div>
        <Switch checked={isDefault} onCheckedChange={setIsDefault} label={`Default for ${entry.label}`} />
      </div>
      <DialogCancelOrConfirm onCancel={onDone} confirmLabel="Save" pending={mutation.isPending} />
    </form>
  );
}
