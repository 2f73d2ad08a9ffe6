"use client";

import { useMemo } from "react";
import { ConversationTotalsView } from "@/components/conversations/conversation-totals-view";
import { Timestamp } from "@/components/ui/timestamp";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { conversationTotals } from "@/lib/conversations/turns/turn-metrics";
import type { SharedConversation } from "@/lib/conversations/share/shared-conversation";
import { ForkButton } from "./fork-button";
import { FrozenRequestView } from "@/components/conversations/frozen-request-view";
import { ReadOnlyMessage } from "@/components/conversations/read-only-message";
import { ViewCodeButton, type ViewCodeSource } from "@/components/conversations/view-code-button";

/** The public, read-only page of a shared session: the frozen request, the conversation, its usage. */
export function SharedSessionScreen({
  token,
  session,
  signedIn,
}: {
  token: string;
  session: SharedConversation;
  signedIn: boolean;
}) {
  const attachments = useMemo(
    () => new Map(session.attachments.map((attachment) => [attachment.id, attachment])),
    [session.attachments],
  );
  const source: ViewCodeSource = {
    model: session.model,
    settings: session.settings,
    messages: session.messages,
    attachments,
    attachmentUrl: (attachment: AttachmentMeta) =>
      `/s/${encodeURIComponent(token)}/attachments/${encodeURIComponent(attachment.id)}`,
  };
  const totals = conversationTotals(session.messages.map((message) => message.metrics));
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium tracking-wide text-zinc-600 dark:text-zinc-400 uppercase">
            Shared conversation · read-only
          </p>
          <h1 className="truncate text-2xl font-semibold tracking-tight">{session.title || "Untitled conversation"}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <code className="font-mono">{session.model}</code> · last active{" "}
            <Timestamp value={session.lastActivityAt} />
            {session.expiresAt && (
              <>
                {" "}
                · link expires <Timestamp value={session.expiresAt} />
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <ViewCodeButton source={source} label="View code for the next request" />
          <ForkButton token={token} signedIn={signedIn} />
        </div>
      </header>
      <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
        <section aria-label="Conversation" className="min-w-0 flex-1 space-y-6">
          {session.messages.length === 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">This conversation has no messages yet.</p>
          )}
          {session.messages.map((message, index) => (
            <ReadOnlyMessage key={message.id} message={message} next={session.messages[index + 1]} source={source} />
          ))}
        </section>
        <aside className="w-full shrink-0 space-y-4 lg:sticky lg:top-4 lg:w-80">
          <FrozenRequestView
            model={session.model}
            settings={session.settings}
            messages={session.messages}
            attachments={attachments}
          />
          <ConversationTotalsView totals={totals} />
        </aside>
      </div>
    </div>
  );
}
