"use client";

import { useId, useRef, useState } from "react";
import { errorMessage } from "@/components/api-client/request-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { classNames } from "@/components/ui/class-names";
import {
  acceptedMediaTypes,
  attachmentProblem,
  requestSizeProblem,
} from "@/lib/conversations/attachments/attachment-limits";
import type { AttachmentMeta } from "@/lib/conversations/document/conversation-document";
import { AttachmentPreview } from "@/components/conversations/attachment-preview";
import { CacheTtlSelect } from "./cache-ttl-select";
import type { ComposerDraft } from "./local-drafts";
import { attachUrl, uploadFile } from "@/components/conversations/conversation-api";

/** The message box: text, attachments (picker, drag-and-drop, paste, URL), its cache mark, Send / Stop. */
export function Composer({
  draft,
  onDraftChange,
  onSend,
  onStop,
  streaming,
  blockers,
  onAttachmentsAdded,
  sendLabel = "Send",
  placeholder = "Message Claude… (Ctrl/⌘ + Enter to send; drop or paste images and PDFs)",
  cacheControl = true,
}: {
  draft: ComposerDraft;
  onDraftChange: (update: (draft: ComposerDraft) => ComposerDraft) => void;
  onSend: () => void;
  onStop: () => void;
  streaming: boolean;
  /** Problems that stop a send (invalid settings, cache rules). */
  blockers: string[];
  onAttachmentsAdded: (attachments: AttachmentMeta[]) => void;
  sendLabel?: string;
  placeholder?: string;
  /** The message's cache breakpoint control; off where something else sets it (compare columns). */
  cacheControl?: boolean;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [urlOpen, setUrlOpen] = useState(false);
  const [url, setUrl] = useState("");

  const addAttachments = (attachments: AttachmentMeta[]) => {
    if (attachments.length === 0) return;
    onAttachmentsAdded(attachments);
    onDraftChange((current) => ({
      ...current,
      attachments: [...current.attachments, ...attachments.map((attachment) => ({ ...attachment, cache: null }))],
    }));
  };

  async function addFiles(files: File[]) {
    const found: string[] = [];
    const accepted = files.filter((file) => {
      const problem = attachmentProblem(file);
      if (problem) found.push(problem);
      return !problem;
    });
    const total = [
      ...draft.attachments.map((attachment) => attachment.byteSize),
      ...accepted.map((file) => file.size),
    ].reduce((a, b) => a + b, 0);
    const sizeProblem = requestSizeProblem(total);
    if (sizeProblem) {
      setProblems([...found, sizeProblem]);
      return;
    }
    setProblems(found);
    setUploading((count) => count + accepted.length);
    const uploaded = await Promise.all(
      accepted.map(async (file) => {
        try {
          return await uploadFile(file);
        } catch (error) {
          setProblems((current) => [...current, errorMessage(error)]);
          return null;
        } finally {
          setUploading((count) => count - 1);
        }
      }),
    );
    addAttachments(uploaded.filter((attachment): attachment is AttachmentMeta => attachment !== null));
  }

  async function addUrl() {
    try {
      addAttachments([await attachUrl(url.trim())]);
      setUrl("");
      setUrlOpen(false);
      setProblems([]);
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  }

  const empty = draft.text.trim() === "" && draft.attachments.length === 0;
  const canSend = !empty && !streaming && uploading === 0 && blockers.length === 0;

  return (
    <form
      aria-label="Compose"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSend) onSend();
      }}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes("Files")) {
          event.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        if (event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        setDragging(false);
        void addFiles([...event.dataTransfer.files]);
      }}
      className={classNames(
        "space-y-2 rounded-lg border bg-white p-2 shadow-sm dark:bg-zinc-900",
        dragging ? "border-amber-500 ring-2 ring-amber-500/30" : "border-zinc-300 dark:border-zinc-700",
      )}
    >
      {draft.attachments.length > 0 && (
        <ul aria-label="Attachments to send" className="flex flex-wrap gap-2">
          {draft.attachments.map((attachment) => (
            <li key={attachment.id}>
              <AttachmentPreview attachment={attachment}>
                <div className="flex items-center justify-between gap-1">
                  <CacheTtlSelect
                    label={`Cache breakpoint on ${attachment.fileName}`}
                    value={attachment.cache}
                    onChange={(cache) =>
                      onDraftChange((current) => ({
                        ...current,
                        attachments: current.attachments.map((candidate) =>
                          candidate.id === attachment.id ? { ...candidate, cache } : candidate,
                        ),
                      }))
                    }
                  />
                  <Button
                    size="sm"
                    variant="dangerGhost"
                    aria-label={`Remove ${attachment.fileName}`}
                    onClick={() =>
                      onDraftChange((current) => ({
                        ...current,
                        attachments: current.attachments.filter((candidate) => candidate.id !== attachment.id),
                      }))
                    }
                  >
                    ✕
                  </Button>
                </div>
              </AttachmentPreview>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-message`} className="sr-only">
        Message
      </label>
      <textarea
        id={`${id}-message`}
        rows={3}
        placeholder={placeholder}
        value={draft.text}
        onChange={(event) => onDraftChange((current) => ({ ...current, text: event.target.value }))}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            if (canSend) onSend();
          }
        }}
        onPaste={(event) => {
          const files = [...event.clipboardData.files];
          if (files.length > 0) {
            event.preventDefault();
            void addFiles(files);
          }
        }}
        className="block max-h-72 min-h-16 w-full resize-y bg-transparent px-1 text-[15px] outline-none placeholder:text-zinc-400"
      />
      {urlOpen && (
        <div className="flex gap-2">
          <label htmlFor={`${id}-url`} className="sr-only">
            Image or PDF URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            placeholder="https://example.com/chart.png"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                void addUrl();
              }
            }}
            className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
          <Button size="sm" onClick={() => void addUrl()} disabled={url.trim() === ""}>
            Add URL
          </Button>
        </div>
      )}
      {(problems.length > 0 || blockers.length > 0) && (
        <div className="space-y-1">
          {[...problems, ...blockers].map((problem) => (
            <Alert key={problem} tone="error">
              {problem}
            </Alert>
          ))}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-1">
        <input
          ref={fileInput}
          id={`${id}-files`}
          type="file"
          multiple
          accept={acceptedMediaTypes.join(",")}
          aria-label="Attach files"
          className="sr-only"
          onChange={(event) => {
            void addFiles([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <Button size="sm" variant="ghost" onClick={() => fileInput.current?.click()} aria-label="Attach image or PDF">
          Attach
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setUrlOpen((open) => !open)} aria-expanded={urlOpen}>
          From URL
        </Button>
        {cacheControl && (
          <CacheTtlSelect
            label="Cache breakpoint on this message"
            value={draft.cache}
            onChange={(cache) => onDraftChange((current) => ({ ...current, cache }))}
          />
        )}
        {uploading > 0 && (
          <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
            Uploading {uploading}…
          </span>
        )}
        <span className="ml-auto flex gap-2">
          {streaming ? (
            <Button size="sm" variant="danger" onClick={onStop}>
              Stop
            </Button>
          ) : (
            <Button size="sm" variant="primary" type="submit" disabled={!canSend}>
              {sendLabel}
            </Button>
          )}
        </span>
      </div>
    </form>
  );
}
