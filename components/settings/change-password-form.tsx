"use client";

import { useState } from "react";
import { errorMessage, errorParam, requestJson } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Outcome =
  { kind: "done" } | { kind: "error"; message: string; field?: "currentPassword" | "newPassword" | "confirmPassword" };

export function ChangePasswordForm() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function changePassword(formElement: HTMLFormElement) {
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== form.get("confirmPassword")) {
      setOutcome({ kind: "error", message: "The new passwords don't match.", field: "confirmPassword" });
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      await requestJson("/api/auth/password", {
        method: "POST",
        body: { currentPassword: form.get("currentPassword"), newPassword },
      });
      formElement.reset();
      setOutcome({ kind: "done" });
    } catch (failure) {
      const param = errorParam(failure);
      setOutcome({
        kind: "error",
        message: errorMessage(failure),
        field: param === "currentPassword" || param === "newPassword" ? param : undefined,
      });
    } finally {
      setPending(false);
    }
  }

  const fieldError = (field: string) =>
    outcome?.kind === "error" && outcome.field === field ? outcome.message : undefined;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void changePassword(event.currentTarget);
      }}
      className="space-y-4"
    >
      {outcome?.kind === "done" && <Alert tone="success">Password changed.</Alert>}
      {outcome?.kind === "error" && !outcome.field && <Alert tone="error">{outcome.message}</Alert>}
      <Field label="Current password" error={fieldError("currentPassword")}>
        {(control) => (
          <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required />
        )}
      </Field>
      <Field label="New password" hint="At least 8 characters." error={fieldError("newPassword")}>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Field label="Confirm new password" error={fieldError("confirmPassword")}>
        {(control) => (
          <Input {...control} name="confirmPassword" type="password" autoComplete="new-password" required />
        )}
      </Field>
      <Button type="submit" variant="primary" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
