import type { CredentialProvider } from "@/lib/credentials/providers";
import type { CredentialView } from "@/lib/credentials/credential-view";
import { providerEntry } from "./provider-catalog";

const clearableSettings = new Set(["inferenceProfile", "modelIds", "tokenUrl"]);

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** POST /api/credentials: every field the provider takes; blank optional fields left out. */
export function createCredentialBody(provider: CredentialProvider, form: FormData, isDefault: boolean) {
  const body: Record<string, unknown> = { provider, name: text(form, "name"), isDefault };
  for (const field of providerEntry(provider).fields) {
    const value = text(form, field.name);
    if (value) body[field.name] = value;
    else if (field.name === "baseUrl") body.baseUrl = field.required ? "" : null;
  }
  return body;
}

/** PATCH /api/credentials/[id]: a blank secret is left out, so the stored one is kept. */
export function updateCredentialBody(credential: CredentialView, form: FormData, isDefault: boolean) {
  const body: Record<string, unknown> = { name: text(form, "name"), isDefault };
  for (const field of providerEntry(credential.provider).fields) {
    const value = text(form, field.name);
    if (field.name === "baseUrl") body.baseUrl = value || null;
    else if (value) body[field.name] = value;
    // Clearing a setting (not a secret) in the form clears it.
    else if (clearableSettings.has(field.name)) body[field.name] = null;
  }
  return body;
}
