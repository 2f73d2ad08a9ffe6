"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorMessage, requestJson } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/input";
import { Timestamp } from "@/components/ui/timestamp";
import { conversationKeys } from "./conversation-queries";
import type { ShareInfo } from "@/lib/conversations/share/conversation-shares";

const EXPIRY_OPTIONS = [
  { value: "", label: "Never (until revoked)" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
];

const shareUrl = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/share`;

/** Create, copy again, replace or revoke a session's public read-only link. */
export function ShareDialog({ sessionId, open, onClose }: { sessionId: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const queryKey = conversationKeys.share(sessionId);
  // Fetched afresh each time the dialog opens: another tab may have replaced or revoked the link.
  const shareQuery = useQuery({
    queryKey,
    queryFn: () => requestJson<{ share: ShareInfo | null }>(shareUrl(sessionId)).then((body) => body.share),
    enabled: open,
    staleTime: 0,
    gcTime: 0,
  });
  const [expiry, setExpiry] = useState("");
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const expiryId = useId();
  const linkId = useId();
  const setShare = (share: ShareInfo | null) => {
    queryClient.setQueryData(queryKey, share);
    // The sessions list shows which conversations are shared.
    void queryClient.invalidateQueries({ queryKey: conversationKeys.lists });
  };

  const create = useMutation({
    mutationFn: () =>
      requestJson<{ share: ShareInfo }>(shareUrl(sessionId), {
        method: "POST",
        body: { expiresInDays: expiry ? Number(expiry) : null },
      }),
    onSuccess: (body) => setShare(body.share),
  });
  const revoke = useMutation({
    mutationFn: () => requestJson(shareUrl(sessionId), { method: "DELETE" }),
    onSuccess: () => {
      setShare(null);
      setConfirmingRevoke(false);
    },
  });
  const share = shareQuery.data;
  const pending = create.isPending || revoke.isPending;
  const failure = create.error ?? revoke.error ?? shareQuery.error;
  const problem = failure ? errorMessage(failure) : null;
  const link = share ? `${window.location.origin}${share.path}` : "";

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Share conversation"
      description="Anyone with the link can read this conversation and its settings. Nobody can change it; signed-in people can fork a copy."
    >
      <div className="space-y-4 text-sm">
        {problem && <Alert tone="error">{problem}</Alert>}
        {share === undefined && !problem && <p className="text-zinc-600 dark:text-zinc-400">Loading…</p>}
        {share && (
          <div className="space-y-2">
            <label htmlFor={linkId} className="text-xs font-medium">
              Public link
            </label>
            <div className="flex gap-2">
              <input
                id={linkId}
                readOnly
                value={link}
                onFocus={(event) => event.target.select()}
                className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
              />
              <CopyButton value={link} label="Copy link" size="sm" />
            </div>
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {share.expiresAt ? (
                <>
                  Expires <Timestamp value={share.expiresAt} withTime />.
                </>
              ) : (
                "Works until you revoke it."
              )}{" "}
              Created <Timestamp value={share.createdAt} withTime />.
            </p>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="danger" size="sm" pending={pending} onClick={() => setConfirmingRevoke(true)}>
                Revoke link
              </Button>
            </div>
          </div>
        )}
        {share !== undefined && (
          <div className="flex flex-wrap items-end gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <div className="min-w-40 flex-1 space-y-1">
              <label htmlFor={expiryId} className="text-xs font-medium">
                Link expires
              </label>
              <Select id={expiryId} value={expiry} onChange={(event) => setExpiry(event.target.value)}>
                {EXPIRY_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              variant={share ? "secondary" : "primary"}
              size="sm"
              pending={pending}
              onClick={() => create.mutate()}
            >
              {share ? "Replace link" : "Create link"}
            </Button>
          </div>
        )}
        {share && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">Replacing the link makes the old one stop working.</p>
        )}
      </div>
      <ConfirmDialog
        open={confirmingRevoke}
        onClose={() => setConfirmingRevoke(false)}
        title="Revoke this link?"
        description="Anyone who has the link will no longer be able to open the conversation. You can create a new link later."
        confirmLabel="Revoke link"
        onConfirm={() => revoke.mutate()}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error) : null}
      />
    </Dialog>
  );
}
