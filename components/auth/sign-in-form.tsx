"use client";

import { useState } from "react";
import { requestJson, errorMessage } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Input } from "@/components/ui/input";

export function SignInForm({ nextPath }: { nextPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn(form: FormData) {
    setPending(true);
    setError(null);
    try {
      await requestJson("/api/auth/sign-in", {
        method: "POST",
        body: { email: form.get("email"), password: form.get("password") },
      });
      // A full navigation, so the header and every cached query start from the new session.
      window.location.assign(nextPath);
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
    }
  }

  return (
    <form onSubmit={handleFormData((form) => void signIn(form))} className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email">
        {(control) => <Input {...control} name="email" type="email" autoComplete="username" required autoFocus />}
      </Field>
      <Field label="Password">
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
