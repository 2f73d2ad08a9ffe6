import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { requestJson } from "@/components/api-client/request-json";
import { isStreaming } from "@/lib/conversations/document/apply-conversation-change";
import type { ConversationListPage } from "@/lib/conversations/store/conversation-list";
import { getConversation } from "./conversation-api";

/** Every cached piece of a saved conversation sits under `["conversations"]`. */
export const conversationKeys = {
  all: ["conversations"] as const,
  lists: ["conversations", "list"] as const,
  list: (query: string) => ["conversations", "list", query] as const,
  document: (id: string) => ["conversations", "document", id] as const,
  share: (id: string) => ["conversations", "share", id] as const,
  /** The playground's streaming turn (one at a time per tab). */
  turn: ["conversations", "turn"] as const,
};

/** One conversation as the server saved it (the playground writes a streaming turn into this entry). */
export const conversationQueryOptions = (id: string) =>
  queryOptions({ queryKey: conversationKeys.document(id), queryFn: () => getConversation(id) });

class TurnNotSettled extends Error {
  override name = "TurnNotSettled";
}

/**
 * The conversation once the server has settled the turn `messageId` (a stopped stream is saved
 * as its request closes, a moment after the browser gave up on it): refetched with the query's
 * own retry until that turn no longer reads "streaming".
 */
export const settledConversationQueryOptions = (id: string, messageId: string) =>
  queryOptions({
    queryKey: conversationKeys.document(id),
    queryFn: async () => {
      const document = await getConversation(id);
      if (isStreaming(document, messageId)) throw new TurnNotSettled();
      return document;
    },
    // The cache was written a moment ago: fetch regardless.
    staleTime: 0,
    retry: (failures, error) => error instanceof TurnNotSettled && failures < 10,
    retryDelay: 300,
  });

/** The saved conversations matching `query`, most recent first, a page at a time. */
export const conversationListQueryOptions = (query: string) =>
  infiniteQueryOptions({
    queryKey: conversationKeys.list(query),
    queryFn: ({ pageParam }) =>
      requestJson<ConversationListPage>(
        `/api/sessions?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(pageParam ? { cursor: pageParam } : {}) })}`,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** A change to saved conversations: afterwards every list (and open conversation) is read again. */
function useConversationsMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKeys.all }),
  });
}

export const useRenameConversation = () =>
  useConversationsMutation(({ id, title }: { id: string; title: string }) =>
    requestJson(sessionPath(id), { method: "PATCH", body: { title } }),
  );

export const useDuplicateConversation = () =>
  useConversationsMutation((id: string) => requestJson(`${sessionPath(id)}/duplicate`, { method: "POST" }));

export const useDeleteConversation = () =>
  useConversationsMutation((id: string) => requestJson(sessionPath(id), { method: "DELETE" }));

export const useRestoreConversation = () =>
  useConversationsMutation((id: string) => requestJson(`${sessionPath(id)}/restore`, { method: "POST" }));

/** Imports an exported conversation; answers with the new conversation's id. */
export const useImportConversation = () =>
  useConversationsMutation((document: unknown) =>
    requestJson<{ id: string }>("/api/sessions/import", { method: "POST", body: document }),
  );

/** Copies a shared conversation into the signed-in user's own; answers with the copy's id. */
export const useForkSharedConversation = () =>
  useConversationsMutation((token: string) =>
    requestJson<{ id: string }>(`/api/shares/${encodeURIComponent(token)}/fork`, { method: "POST" }),
  );
