"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { retentionQueryOptions } from "./request-log-queries";

/** Admins: how many days of requests to keep (0 keeps them all); older rows are pruned hourly. */
export function RetentionSetting() {
  const queryClient = useQueryClient();
  const retention = useQuery(retentionQueryOptions());
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (retentionDays: number) =>
      requestJson<{ retentionDays: number }>("/api/request-logs/retention", {
        method: "PATCH",
        body: { retentionDays },
      }),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: retentionQueryOptions().queryKey });
    },
  });
  const value = draft ?? (retention.data === undefined ? "" : String(retention.data));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(Number(value));
      }}
    >
      <Label className="text-xs">
        Keep requests for (days, 0 = forever)
        <Input
          type="number"
          aria-label="Keep requests for (days)"
          min={0}
          max={3650}
          step={1}
          required
          value={value}
          onChange={(event) => setDraft(event.target.value)}
          className="mt-1 h-8 w-28 text-[13px]"
        />
      </Label>
      <Button type="submit" size="sm" pending={save.isPending} disabled={draft === null}>
        Save retention
      </Button>
      {save.isError && (
        <p role="alert" className="text-xs text-red-600">
          {errorMessage(save.error)}
        </p>
      )}
      {save.isSuccess && draft === null && (
        <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
          Saved
        </p>
      )}
    </form>
  );
}
