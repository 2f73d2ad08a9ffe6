"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ViewCodeDialog } from "@/components/view-code/view-code-dialog";
import type {
  AttachmentMeta,
  PlaygroundSettings,
  StoredMessage,
} from "@/lib/conversations/document/conversation-document";
import { referencedAttachmentIds, turnRequestBody } from "@/lib/conversations/turns/turn-request-body";
import { fetchSendableAttachments } from "./fetch-sendable-attachments";

export type ViewCodeSource = {
  model: string;
  settings: PlaygroundSettings;
  messages: readonly StoredMessage[];
  attachments: ReadonlyMap<string, AttachmentMeta>;
  attachmentUrl: (attachment: AttachmentMeta) => string;
};

/**
 * "View code" for the next request (no `position`) or for the assistant turn at `position`:
 * loads the attachments' bytes, rebuilds the exact gateway request, opens the snippets dialog.
 */
export function ViewCodeButton({
  source,
  position,
  label,
  size = "sm",
  variant = "secondary",
}: {
  source: ViewCodeSource;
  position?: number;
  label: string;
  size?: "sm" | "md";
  variant?: "secondary" | "ghost";
}) {
  const [request, setRequest] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function openDialog() {
    setLoading(true);
    setProblem(null);
    try {
      const messages =
        position === undefined ? source.messages : source.messages.filter((message) => message.position < position);
      const attachments = await fetchSendableAttachments(
        source.attachments,
        referencedAttachmentIds(messages),
        source.attachmentUrl,
      );
      setRequest(turnRequestBody({ ...source, attachments, position }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "This request cannot be shown as code.");
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <Button size={size} variant={variant} onClick={() => void openDialog()} disabled={loading} aria-label={label}>
        {loading ? "Loading…" : "View code"}
      </Button>
      {problem && <Alert tone="error">{problem}</Alert>}
      <ViewCodeDialog
        open={request !== null}
        onClose={() => setRequest(null)}
        title={position === undefined ? "View code: next request" : `View code: message ${position + 1}`}
        request={request}
        origin={typeof window === "undefined" ? "" : window.location.origin}
      />
    </>
  );
}
