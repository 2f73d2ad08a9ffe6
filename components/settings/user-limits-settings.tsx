"use client";

import { useState } from "react";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { LimitFields, readLimitFields, type LimitValues } from "@/components/limits/limit-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Switch } from "@/components/ui/switch";

export type UserLimitsRow = {
  id: string;
  email: string;
  role: string;
  limits: LimitValues;
};

/** Admins: whether members may create keys, and each user's limits (shared by all of the user's keys). */
export function UserLimitsSettings({
  users,
  membersMayCreateKeys,
}: {
  users: UserLimitsRow[];
  membersMayCreateKeys: boolean;
}) {
  const [allowed, setAllowed] = useState(membersMayCreateKeys);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  async function toggle(next: boolean) {
    setPending("policy");
    try {
      const result = await requestJson<{ membersMayCreateKeys: boolean }>("/api/settings/api-keys", {
        method: "PATCH",
        body: { membersMayCreateKeys: next },
      });
      setAllowed(result.membersMayCreateKeys);
      setOutcome(null);
    } catch (failure) {
      setOutcome({ tone: "error", message: errorMessage(failure) });
    } finally {
      setPending(null);
    }
  }

  async function save(user: UserLimitsRow, form: FormData) {
    setPending(user.id);
    try {
      await requestJson(`/api/users/${user.id}/limits`, {
        method: "PATCH",
        body: readLimitFields(form),
      });
      setOutcome({ tone: "success", message: `Limits saved for ${user.email}.` });
    } catch (failure) {
      setOutcome({ tone: "error", message: `${user.email}: ${errorMessage(failure)}` });
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span>Members may create API keys</span>
        <Switch
          label="Members may create API keys"
          checked={allowed}
          disabled={pending === "policy"}
          onCheckedChange={(next) => void toggle(next)}
        />
      </div>
      {outcome && <Alert tone={outcome.tone}>{outcome.message}</Alert>}
      <ul className="space-y-3">
        {users.map((user) => (
          <li key={user.id}>
            <form
              aria-label={`Limits for ${user.email}`}
              className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
              onSubmit={handleFormData((form) => void save(user, form))}
            >
              <p className="truncate text-sm font-medium">
                {user.email} <span className="font-normal text-zinc-600 dark:text-zinc-400">({user.role})</span>
              </p>
              <LimitFields values={user.limits} compactFor={user.email} />
              <Button type="submit" pending={pending === user.id} aria-label={`Save limits for ${user.email}`}>
                Save
              </Button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
