"use client";

import { useRef } from "react";
import type { CredentialView } from "@/lib/credentials/credential-view";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { CredentialField } from "./provider-catalog";

/** The value a field starts with when editing: settings and base URL are shown, secrets never. */
function storedValue(field: CredentialField, credential: CredentialView | undefined) {
  if (!credential) return field.defaultValue;
  if (field.name === "baseUrl") return credential.baseUrl ?? "";
  if (field.name === "region") return credential.settings.region ?? field.defaultValue;
  if (field.name === "projectId") return credential.settings.projectId ?? "";
  if (field.name === "inferenceProfile") return credential.settings.inferenceProfile ?? "";
  if (field.name === "tokenUrl") return credential.settings.tokenUrl ?? "";
  if (field.name === "modelIds")
    return credential.settings.modelIds ? JSON.stringify(credential.settings.modelIds) : "";
  return undefined;
}

export function CredentialFieldInput({
  field,
  credential,
  error,
}: {
  field: CredentialField;
  credential: CredentialView | undefined;
  error: string | undefined;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const editing = credential !== undefined;
  const keepsStored = editing && field.secret;
  const hint = keepsStored ? "Leave blank to keep the stored value." : field.hint;
  const placeholder =
    keepsStored && (field.name === "apiKey" || field.name === "secretAccessKey" || field.name === "serviceAccountJson")
      ? `•••• ${credential.secretLast4} (stored)`
      : keepsStored
        ? "Unchanged if left blank"
        : field.placeholder;

  async function loadFile(file: File | undefined) {
    if (file && inputRef.current) inputRef.current.value = (await file.text()).trim();
  }

  return (
    <Field label={field.label} optional={!field.required && !keepsStored} hint={hint} error={error}>
      {(control) => (
        <div className="flex gap-2">
          <Input
            {...control}
            ref={inputRef}
            name={field.name}
            type={field.secret ? "password" : field.name === "baseUrl" || field.name === "tokenUrl" ? "url" : "text"}
            required={field.required && !keepsStored}
            defaultValue={storedValue(field, credential)}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={false}
            className={field.secret ? "font-mono" : undefined}
          />
          {field.fromFile && (
            <label className="inline-flex h-9 shrink-0 cursor-pointer items-center rounded-md border border-zinc-300 px-3 text-[13px] font-medium hover:bg-zinc-50 focus-within:outline-2 focus-within:outline-amber-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
              Load file
              <input
                type="file"
                accept="application/json,.json"
                className="sr-only"
                onChange={(event) => void loadFile(event.currentTarget.files?.[0])}
              />
            </label>
          )}
        </div>
      )}
    </Field>
  );
}
