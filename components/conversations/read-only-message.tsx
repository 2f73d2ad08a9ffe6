"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { AttachmentCaption } from "./attachment-preview";
import { Markdown } from "./markdown";
import { ReasoningBlock } from "./reasoning-block";
import { ToolCallCard } from "./tool-call-card";
import { TurnMetricsView } from "./turn-metrics-view";
import type { AttachmentMeta, MessagePart, StoredMessage } from "@/lib/conversations/document/conversation-document";
import { ViewCodeButton, type ViewCodeSource } from "./view-code-button";

const textOf = (parts: readonly MessagePart[]) =>
  parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n\n");

function SharedAttachment({
  attachment,
  url,
  cache,
}: {
  attachment: AttachmentMeta | undefined;
  url: string;
  cache: string | null;
}) {
  if (!attachment)
    return (
      <div className="rounded-md border border-dashed p-2 text-xs text-zinc-600 dark:text-zinc-400">
        Attachment unavailable
      </div>
    );
  return (
    <figure className="flex w-44 flex-col gap-1 rounded-md border border-zinc-200 bg-white p-1.5 text-xs dark:border-zinc-700 dark:bg-zinc-900">
      {attachment.kind === "image" ? (
        // eslint-disable-next-line @next/next/no-img-element -- served through the share link
        <img src={url} alt={attachment.fileName} className="h-24 w-full rounded object-cover" />
      ) : (
        <a
          href={url}
          target="_blank"
          rel="noreferrer"
          className="flex h-24 items-center justify-center rounded bg-red-50 text-lg font-bold text-red-700 dark:bg-red-950/50 dark:text-red-300"
        >
          PDF
        </a>
      )}
      <AttachmentCaption attachment={attachment}>
        {cache && <Badge tone="accent">Cache {cache}</Badge>}
      </AttachmentCaption>
    </figure>
  );
}

/** A message of a shared conversation: what the playground shows, without anything that changes it. */
export function ReadOnlyMessage({
  message,
  next,
  source,
}: {
  message: StoredMessage;
  next: StoredMessage | undefined;
  source: ViewCodeSource;
}) {
  const number = message.position + 1;
  if (message.role === "tool") return null; // shown on the tool call cards it answers
  if (message.role === "user") {
    const attachmentParts = message.parts.filter((part) => part.type === "attachment");
    return (
      <article aria-label={`User, message ${number}`} className="ml-auto w-full max-w-[92%] space-y-2 sm:max-w-[85%]">
        <div className="rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800/80">
          {textOf(message.parts) && <p className="text-[15px] whitespace-pre-wrap">{textOf(message.parts)}</p>}
          {attachmentParts.length > 0 && (
            <div className="mt-2 flex flex-wrap gap-2">
              {attachmentParts.map((part) => {
                const attachment = source.attachments.get(part.attachmentId);
                return (
                  <SharedAttachment
                    key={part.attachmentId}
                    attachment={attachment}
                    url={attachment ? (attachment.sourceUrl ?? source.attachmentUrl(attachment)) : ""}
                    cache={part.cache?.ttl ?? null}
                  />
                );
              })}
            </div>
          )}
        </div>
        {message.cache && (
          <p className="text-right">
            <Badge tone="accent">Cache breakpoint {message.cache.ttl}</Badge>
          </p>
        )}
      </article>
    );
  }
  const reasoningParts = message.parts.filter(
    (part) => part.type === "reasoning" || part.type === "redacted_reasoning",
  );
  const text = textOf(message.parts);
  const results = next?.role === "tool" ? next.parts.filter((part) => part.type === "tool_result") : [];
  return (
    <article aria-label={`Assistant, message ${number}`} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">Assistant</span>
        {message.request && <span className="font-mono">{message.metrics?.servedModel ?? message.request.model}</span>}
        {(message.status === "interrupted" || message.status === "streaming") && (
          <Badge tone="warning">Interrupted</Badge>
        )}
        {message.status === "error" && <Badge tone="danger">Failed</Badge>}
        {message.cache && <Badge tone="accent">Cache {message.cache.ttl}</Badge>}
      </div>
      {reasoningParts.map((part, index) => (
        <ReasoningBlock key={index} part={part} index={index} streaming={false} isLastTurn={false} />
      ))}
      {text !== "" && <Markdown text={text} streaming={false} />}
      {message.parts.map((part) =>
        part.type === "tool_call" ? (
          <ToolCallCard key={part.id} part={part} result={results.find((result) => result.toolCallId === part.id)} />
        ) : null,
      )}
      {message.error && (
        <Alert tone="error">
          <p className="font-medium">{message.error.message}</p>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-1">
        {message.metrics && <TurnMetricsView metrics={message.metrics} />}
        {message.request && (
          <span className="ml-auto">
            <ViewCodeButton
              source={source}
              position={message.position}
              label={`View code for message ${number}`}
              variant="ghost"
            />
          </span>
        )}
      </div>
    </article>
  );
}
