"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type {
  AttachmentMeta,
  CacheMark,
  MessagePart,
  StoredMessage,
} from "@/lib/conversations/document/conversation-document";
import type { CacheMarkChange } from "@/lib/conversations/turns/turn-action";
import { AttachmentPreview } from "@/components/conversations/attachment-preview";
import { CacheTtlSelect } from "./cache-ttl-select";
import { Markdown } from "@/components/conversations/markdown";
import { ReasoningBlock } from "@/components/conversations/reasoning-block";
import { ToolCallCard } from "@/components/conversations/tool-call-card";
import { TurnMetricsView } from "@/components/conversations/turn-metrics-view";

export type MessageActions = {
  busy: boolean;
  onRegenerate: (position: number) => void;
  onEdit: (position: number, text: string) => Promise<boolean>;
  onMarkCache: (change: CacheMarkChange) => void;
  onToolResults: (results: Array<{ toolCallId: string; content: string; isError: boolean }>) => Promise<boolean>;
  /** More per-turn actions (sessions: View code). */
  turnExtras?: (message: StoredMessage) => React.ReactNode;
  /** Asks the model to go on after an answer cut off at max tokens (the playground only). */
  onContinue?: () => void;
  /** The max_tokens the gateway sent for a turn, when known. */
  effectiveMaxTokens?: (message: StoredMessage) => number | null;
};

export const textOf = (parts: readonly MessagePart[]) =>
  parts.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n\n");

export function MessageView({
  message,
  next,
  isLast,
  attachments,
  actions,
}: {
  message: StoredMessage;
  next: StoredMessage | undefined;
  isLast: boolean;
  attachments: ReadonlyMap<string, AttachmentMeta>;
  actions: MessageActions;
}) {
  if (message.role === "user") return <UserMessage message={message} attachments={attachments} actions={actions} />;
  if (message.role === "tool") return null; // shown on the tool call cards it answers
  return <AssistantMessage message={message} next={next} isLast={isLast} actions={actions} />;
}

function CacheMarkControl({
  message,
  actions,
  label,
}: {
  message: StoredMessage;
  actions: MessageActions;
  label: string;
}) {
  return (
    <CacheTtlSelect
      label={label}
      value={message.cache}
      disabled={actions.busy}
      onChange={(cache: CacheMark | null) =>
        actions.onMarkCache({ position: message.position, partIndex: null, cache })
      }
    />
  );
}

function UserMessage({
  message,
  attachments,
  actions,
}: {
  message: StoredMessage;
  attachments: ReadonlyMap<string, AttachmentMeta>;
  actions: MessageActions;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(textOf(message.parts));
  const editId = useId();
  const label = `Message ${message.position + 1}`;
  return (
    <article
      aria-label={`You, message ${message.position + 1}`}
      className="ml-auto w-full max-w-[92%] space-y-2 sm:max-w-[85%]"
    >
      <div className="rounded-lg bg-zinc-100 px-3 py-2 dark:bg-zinc-800/80">
        {editing ? (
          <form
            className="space-y-2"
            onSubmit={async (event) => {
              event.preventDefault();
              if (await actions.onEdit(message.position, draft)) setEditing(false);
            }}
          >
            <label htmlFor={editId} className="sr-only">
              Edit message {message.position + 1}
            </label>
            <textarea
              id={editId}
              value={draft}
              rows={Math.min(12, Math.max(3, draft.split("\n").length))}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.metaKey || event.ctrlKey))
                  event.currentTarget.form?.requestSubmit();
                if (event.key === "Escape") setEditing(false);
              }}
              className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <div className="flex justify-end gap-2">
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button size="sm" variant="primary" type="submit" disabled={actions.busy}>
                Save and send
              </Button>
            </div>
          </form>
        ) : (
          <p className="text-[15px] whitespace-pre-wrap">{textOf(message.parts)}</p>
        )}
        {message.parts.some((part) => part.type === "attachment") && (
          <div className="mt-2 flex flex-wrap gap-2">
            {message.parts.map((part, partIndex) =>
              part.type === "attachment" ? (
                <AttachmentPreview key={partIndex} attachment={attachments.get(part.attachmentId)}>
                  <CacheTtlSelect
                    label={`Cache breakpoint on ${attachments.get(part.attachmentId)?.fileName ?? "attachment"}`}
                    value={part.cache}
                    disabled={actions.busy}
                    onChange={(cache) => actions.onMarkCache({ position: message.position, partIndex, cache })}
                  />
                </AttachmentPreview>
              ) : null,
            )}
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center justify-end gap-1">
        <CacheMarkControl
          message={message}
          actions={actions}
          label={`Cache breakpoint on message ${message.position + 1}`}
        />
        <CopyButton size="sm" variant="ghost" value={textOf(message.parts)} label="Copy" aria-label={`Copy ${label}`} />
        {!editing && (
          <Button
            size="sm"
            variant="ghost"
            disabled={actions.busy}
            onClick={() => setEditing(true)}
            aria-label={`Edit message ${message.position + 1}`}
          >
            Edit
          </Button>
        )}
      </div>
    </article>
  );
}

/** The status badges of an answer: streaming, stopped or failed. */
export function AnswerStatusBadges({ status }: { status: StoredMessage["status"] }) {
  return (
    <>
      {status === "streaming" && <Badge tone="accent">Streaming…</Badge>}
      {status === "interrupted" && <Badge tone="warning">Interrupted</Badge>}
      {status === "error" && <Badge tone="danger">Failed</Badge>}
    </>
  );
}

/**
 * What an assistant said, as it streams: reasoning blocks, the answer, tool calls (with their
 * results when answered), and how it ended. Shared by the conversation and compare columns.
 */
export function AnswerBody({
  answer,
  isLastTurn,
  results = [],
  children,
}: {
  answer: Pick<StoredMessage, "parts" | "status" | "error">;
  isLastTurn: boolean;
  results?: Array<Extract<MessagePart, { type: "tool_result" }>>;
  /** Shown after the tool calls (the tool results form). */
  children?: React.ReactNode;
}) {
  const streaming = answer.status === "streaming";
  const reasoningParts = answer.parts.filter((part) => part.type === "reasoning" || part.type === "redacted_reasoning");
  const text = textOf(answer.parts);
  const toolCalls = answer.parts.filter((part) => part.type === "tool_call");
  const reasoningStreaming = streaming && text === "" && toolCalls.length === 0;
  return (
    <>
      {reasoningParts.map((part, index) => (
        <ReasoningBlock
          key={index}
          part={part}
          index={index}
          streaming={reasoningStreaming && index === reasoningParts.length - 1}
          isLastTurn={isLastTurn}
        />
      ))}
      {text !== "" && <Markdown text={text} streaming={streaming} />}
      {streaming && answer.parts.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Waiting for the first token…</p>
      )}
      {toolCalls.map((part) => (
        <ToolCallCard key={part.id} part={part} result={results.find((result) => result.toolCallId === part.id)} />
      ))}
      {children}
      {answer.status === "interrupted" && (
        <p className="text-xs text-amber-700 dark:text-amber-300">
          The answer was stopped before it finished; what arrived is kept.
        </p>
      )}
      {answer.error && (
        <Alert tone="error">
          <p className="font-medium">{answer.error.message}</p>
          <p className="mt-1">{answer.error.hint}</p>
        </Alert>
      )}
    </>
  );
}

function AssistantMessage({
  message,
  next,
  isLast,
  actions,
}: {
  message: StoredMessage;
  next: StoredMessage | undefined;
  isLast: boolean;
  actions: MessageActions;
}) {
  const streaming = message.status === "streaming";
  const text = textOf(message.parts);
  const toolCalls = message.parts.filter((part) => part.type === "tool_call");
  const results = next?.role === "tool" ? next.parts.filter((part) => part.type === "tool_result") : [];
  const awaitingResults = isLast && message.status === "complete" && toolCalls.length > 0;
  return (
    <article
      aria-label={`Assistant, message ${message.position + 1}`}
      aria-busy={streaming || undefined}
      className="space-y-2"
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">Assistant</span>
        {message.request && <span className="font-mono">{message.metrics?.servedModel ?? message.request.model}</span>}
        <AnswerStatusBadges status={message.status} />
        {message.cache && <Badge tone="accent">Cache {message.cache.ttl}</Badge>}
      </div>
      <AnswerBody answer={message} isLastTurn={isLast} results={results}>
        {awaitingResults && <ToolResultsForm toolCalls={toolCalls} actions={actions} />}
      </AnswerBody>
      {message.status === "complete" && message.metrics?.finishReason === "length" && (
        <CutOffNotice message={message} isLast={isLast} actions={actions} />
      )}
      <div className="flex flex-wrap items-center gap-1">
        {message.metrics && <TurnMetricsView metrics={message.metrics} />}
        <span className="ml-auto flex flex-wrap items-center gap-1">
          {!streaming && (
            <CacheMarkControl
              message={message}
              actions={actions}
              label={`Cache breakpoint on message ${message.position + 1}`}
            />
          )}
          <CopyAnswerButton text={text} name={`answer ${message.position + 1}`} />
          {!streaming && (
            <Button
              size="sm"
              variant="ghost"
              disabled={actions.busy}
              onClick={() => actions.onRegenerate(message.position)}
              aria-label={`Regenerate message ${message.position + 1}`}
            >
              Regenerate
            </Button>
          )}
          {!streaming && actions.turnExtras?.(message)}
        </span>
      </div>
    </article>
  );
}

/** An answer that hit max tokens looks finished; this says it is not, and offers to go on. */
function CutOffNotice({
  message,
  isLast,
  actions,
}: {
  message: StoredMessage;
  isLast: boolean;
  actions: MessageActions;
}) {
  const limit = actions.effectiveMaxTokens?.(message) ?? null;
  return (
    <div
      role="note"
      aria-label={`Message ${message.position + 1} was cut off`}
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-500/10 dark:text-amber-200"
    >
      <span>
        Cut off: the answer reached the max tokens limit
        {limit !== null ? ` (${limit.toLocaleString("en-US")} tokens)` : ""} before it finished. Raise Max tokens in the
        settings, or continue.
      </span>
      {isLast && actions.onContinue && (
        <Button size="sm" disabled={actions.busy} onClick={actions.onContinue}>
          Continue
        </Button>
      )}
    </div>
  );
}

function ToolResultsForm({
  toolCalls,
  actions,
}: {
  toolCalls: Array<Extract<MessagePart, { type: "tool_call" }>>;
  actions: MessageActions;
}) {
  const id = useId();
  const [values, setValues] = useState<Record<string, { content: string; isError: boolean }>>({});
  const complete = toolCalls.every((call) => (values[call.id]?.content ?? "").trim() !== "");
  return (
    <form
      aria-label="Answer tool calls"
      className="space-y-2 rounded-md border border-sky-200 p-3 dark:border-sky-900"
      onSubmit={async (event) => {
        event.preventDefault();
        const ok = await actions.onToolResults(
          toolCalls.map((call) => ({
            toolCallId: call.id,
            content: values[call.id]?.content ?? "",
            isError: values[call.id]?.isError ?? false,
          })),
        );
        if (ok) setValues({});
      }}
    >
      <p className="text-sm font-medium">
        The model is waiting for {toolCalls.length === 1 ? "the tool's result" : "the tools' results"}.
      </p>
      {toolCalls.map((call, index) => (
        <div key={call.id} className="space-y-1">
          <label htmlFor={`${id}-${index}`} className="text-xs font-medium">
            Result for {call.name}
          </label>
          <textarea
            id={`${id}-${index}`}
            rows={3}
            value={values[call.id]?.content ?? ""}
            onChange={(event) =>
              setValues({
                ...values,
                [call.id]: { content: event.target.value, isError: values[call.id]?.isError ?? false },
              })
            }
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
            }}
            className="block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          <label className="flex items-center gap-1.5 text-xs">
            <input
              type="checkbox"
              checked={values[call.id]?.isError ?? false}
              onChange={(event) =>
                setValues({
                  ...values,
                  [call.id]: { content: values[call.id]?.content ?? "", isError: event.target.checked },
                })
              }
            />
            {call.name} failed (send as an error)
          </label>
        </div>
      ))}
      <Button type="submit" size="sm" variant="primary" disabled={!complete || actions.busy}>
        Send tool results
      </Button>
    </form>
  );
}

/** Copies an answer's text (nothing to copy, no button); `name` completes "Copy …" for screen readers. */
export function CopyAnswerButton({ text, name }: { text: string; name: string }) {
  if (text === "") return null;
  return <CopyButton size="sm" variant="ghost" value={text} label="Copy" aria-label={`Copy ${name}`} />;
}
