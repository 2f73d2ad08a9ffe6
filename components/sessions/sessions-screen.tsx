"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { errorMessage } from "@/components/api-client/request-json";
import {
  conversationListQueryOptions,
  useDeleteConversation,
  useDuplicateConversation,
  useImportConversation,
  useRenameConversation,
  useRestoreConversation,
} from "@/components/conversations/conversation-queries";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClassName } from "@/components/ui/button";
import { handleFormData } from "@/components/ui/handle-form-data";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import type { ConversationListItem } from "@/lib/conversations/store/conversation-list";
import { pluralize } from "@/lib/format/pluralize";
import { ShareDialog } from "@/components/conversations/share-dialog";

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The saved conversations: search, most recent first, rename, duplicate, share, export, delete with undo, import. */
export function SessionsScreen() {
  const router = useRouter();
  const [search, setSearch] = useState("");
  const query = useDebounced(search.trim(), 250);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<ConversationListItem | null>(null);
  const [sharing, setSharing] = useState<string | null>(null);
  const importInput = useRef<HTMLInputElement>(null);

  const sessions = useInfiniteQuery(conversationListQueryOptions(query));
  const rows = sessions.data?.pages.flatMap((page) => page.sessions) ?? [];
  const renameConversation = useRenameConversation();
  const duplicateConversation = useDuplicateConversation();
  const deleteConversation = useDeleteConversation();
  const restoreConversation = useRestoreConversation();
  const importConversation = useImportConversation();

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  async function act(action: () => Promise<void>) {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  const rename = (session: ConversationListItem, title: string) =>
    act(async () => {
      await renameConversation.mutateAsync({ id: session.id, title });
    });
  const duplicate = (session: ConversationListItem) =>
    act(async () => {
      await duplicateConversation.mutateAsync(session.id);
    });
  const remove = (session: ConversationListItem) =>
    act(async () => {
      await deleteConversation.mutateAsync(session.id);
      setDeleted(session);
    });
  const undo = (session: ConversationListItem) =>
    act(async () => {
      await restoreConversation.mutateAsync(session.id);
      setDeleted(null);
    });
  const importFile = (file: File) =>
    act(async () => {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON: choose a file exported from Switchyard (…switchyard-session.json).`);
      }
      const { id } = await importConversation.mutateAsync(document);
      router.push(`/playground?session=${encodeURIComponent(id)}`);
    });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Sessions"
        description="Every playground conversation, saved as it streams with its exact settings. Share one by link, fork, export or import."
        actions={
          <>
            <Button size="sm" onClick={() => importInput.current?.click()}>
              Import…
            </Button>
            <input
              ref={importInput}
              type="file"
              accept="application/json,.json"
              aria-label="Import a session file"
              className="hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (file) void importFile(file);
              }}
            />
            <Link href="/playground?new=1" className={buttonClassName("primary", "sm")}>
              New conversation
            </Link>
          </>
        }
      />
      <Input
        type="search"
        aria-label="Search sessions"
        placeholder="Search titles and messages…"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {problem && <Alert tone="error">{problem}</Alert>}
      {sessions.isError && <Alert tone="error">{errorMessage(sessions.error)}</Alert>}
      {sessions.isSuccess && rows.length === 0 && (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:text-zinc-400 dark:border-zinc-700">
          {query ? `No session matches “${query}”.` : "No sessions yet. Start a conversation in the playground."}
        </p>
      )}
      <ul
        aria-label="Sessions"
        className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
      >
        {rows.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            onRename={rename}
            onDuplicate={duplicate}
            onDelete={remove}
            onShare={() => setSharing(session.id)}
          />
        ))}
      </ul>
      {sessions.hasNextPage && (
        <div className="flex justify-center">
          <Button size="sm" pending={sessions.isFetchingNextPage} onClick={() => void sessions.fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
      {sharing && <ShareDialog sessionId={sharing} open onClose={() => setSharing(null)} />}
      <div role="status" aria-live="polite" className="fixed inset-x-0 bottom-4 z-20 flex justify-center px-4">
        {deleted && (
          <div className="flex items-center gap-3 rounded-lg bg-zinc-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900">
            <span>Deleted “{deleted.title || "Untitled conversation"}”.</span>
            <button
              type="button"
              className="font-semibold underline underline-offset-2"
              onClick={() => void undo(deleted)}
            >
              Undo
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

function SessionRow({
  session,
  onRename,
  onDuplicate,
  onDelete,
  onShare,
}: {
  session: ConversationListItem;
  onRename: (session: ConversationListItem, title: string) => Promise<void>;
  onDuplicate: (session: ConversationListItem) => Promise<void>;
  onDelete: (session: ConversationListItem) => Promise<void>;
  onShare: () => void;
}) {
  const [renaming, setRenaming] = useState(false);
  const title = session.title || "Untitled conversation";
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1">
        {renaming ? (
          <form
            onSubmit={handleFormData(
              (form) => void onRename(session, String(form.get("title") ?? "")).then(() => setRenaming(false)),
            )}
            className="flex gap-2"
          >
            <Input
              name="title"
              defaultValue={session.title}
              aria-label={`New title for ${title}`}
              autoFocus
              onKeyDown={(event) => event.key === "Escape" && setRenaming(false)}
            />
            <Button type="submit" size="sm" variant="primary">
              Save
            </Button>
          </form>
        ) : (
          <Link
            href={`/playground?session=${encodeURIComponent(session.id)}`}
            className="block truncate font-medium hover:underline"
          >
            {title}
          </Link>
        )}
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-600 dark:text-zinc-400">
          <code className="font-mono">{session.model}</code>
          <span>{pluralize(session.messageCount, "message")}</span>
          <span>
            <Timestamp value={session.lastActivityAt} withTime />
          </span>
          {session.shared && <Badge tone="accent">Shared</Badge>}
        </p>
      </div>
      <div className="flex flex-wrap gap-1" role="group" aria-label={`Actions for ${title}`}>
        <Button size="sm" variant="ghost" onClick={() => setRenaming(true)}>
          Rename
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void onDuplicate(session)}>
          Duplicate
        </Button>
        <Button size="sm" variant="ghost" onClick={onShare}>
          Share
        </Button>
        <a
          href={`/api/sessions/${encodeURIComponent(session.id)}/export`}
          download
          className={buttonClassName("ghost", "sm")}
        >
          Export
        </a>
        <Button size="sm" variant="dangerGhost" onClick={() => void onDelete(session)}>
          Delete
        </Button>
      </div>
    </li>
  );
}
