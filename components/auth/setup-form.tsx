"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiRequestError, errorMessage, requestJson } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Input } from "@/components/ui/input";

const PASSWORD_MIN_LENGTH = 8;

export function SetupForm() {
  const [error, setError] = useState<{ message: string; setupDone: boolean } | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [pending, setPending] = useState(false);

  async function createAdmin(form: FormData) {
    const password = String(form.get("password"));
    if (password !== form.get("confirmPassword")) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setPending(true);
    setError(null);
    try {
      await requestJson("/api/auth/setup", {
        method: "POST",
        body: { email: form.get("email"), password, setupToken: form.get("setupToken") },
      });
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full page load so every server component sees the new sign-in cookie
      window.location.assign("/");
    } catch (failure) {
      setError({
        message: errorMessage(failure),
        setupDone: failure instanceof ApiRequestError && failure.status === 409,
      });
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleFormData((form) => void createAdmin(form))} className="space-y-4">
      {error && (
        <Alert tone="error">
          {error.message}
          {error.setupDone && (
            <>
              {" "}
              <Link href="/sign-in" className="font-medium underline">
                Go to sign in
              </Link>
            </>
          )}
        </Alert>
      )}
      <Field
        label="Setup token"
        hint="Printed in the server's console when it started (“First-run setup: … enter this token”)."
      >
        {(control) => (
          <Input
            {...control}
            name="setupToken"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            autoFocus
          />
        )}
      </Field>
      <Field label="Email">
        {(control) => <Input {...control} name="email" type="email" autoComplete="username" required />}
      </Field>
      <Field label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field label="Confirm password" error={mismatch ? "The passwords don't match." : undefined}>
        {(control) => (
          <Input {...control} name="confirmPassword" type="password" autoComplete="new-password" required />
        )}
      </Field>
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        Create admin account
      </Button>
    </form>
  );
}
