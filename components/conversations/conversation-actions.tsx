"use client";

import { useState } from "react";
import { Button, buttonClassName } from "@/components/ui/button";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { ShareDialog } from "./share-dialog";
import { ViewCodeButton, type ViewCodeSource } from "./view-code-button";

export const ownerAttachmentUrl = (attachment: AttachmentMeta) =>
  `/api/playground/attachments/${encodeURIComponent(attachment.id)}`;

/** The playground's conversation header: Share, View code (next request) and Export, once the conversation is saved. */
export function ConversationActions({
  sessionId,
  source,
}: {
  sessionId: string | null;
  source: Omit<ViewCodeSource, "attachmentUrl">;
}) {
  const [sharing, setSharing] = useState(false);
  return (
    <>
      <ViewCodeButton
        source={{ ...source, attachmentUrl: ownerAttachmentUrl }}
        label="View code for the next request"
      />
      {sessionId && (
        <>
          <Button size="sm" onClick={() => setSharing(true)}>
            Share
          </Button>
          <a
            href={`/api/sessions/${encodeURIComponent(sessionId)}/export`}
            download
            className={buttonClassName("secondary", "sm")}
          >
            Export
          </a>
          <ShareDialog sessionId={sessionId} open={sharing} onClose={() => setSharing(false)} />
        </>
      )}
    </>
  );
}

/** A per-turn "View code" for the playground's assistant messages. */
export function TurnViewCode({
  position,
  source,
}: {
  position: number;
  source: Omit<ViewCodeSource, "attachmentUrl">;
}) {
  return (
    <ViewCodeButton
      source={{ ...source, attachmentUrl: ownerAttachmentUrl }}
      position={position}
      label={`View code for message ${position + 1}`}
      variant="ghost"
    />
  );
}
