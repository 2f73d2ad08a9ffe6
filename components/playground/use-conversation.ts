"use client";

import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "@/components/api-client/request-json";
import {
  conversationKeys,
  conversationQueryOptions,
  settledConversationQueryOptions,
} from "@/components/conversations/conversation-queries";
import { createConversation, streamTurn, updateConversation } from "@/components/conversations/conversation-api";
import {
  applyConversationChange,
  isStreaming,
  unsavedConversation,
  type ConversationChange,
} from "@/lib/conversations/document/apply-conversation-change";
import { applyChatDelta } from "@/lib/conversations/document/apply-chat-delta";
import type {
  AttachmentMeta,
  ConversationDocument,
  MessagePart,
  PlaygroundSettings,
} from "@/lib/conversations/document/conversation-document";
import { applyCacheMarks, type CacheMarkChange, type TurnAction } from "@/lib/conversations/turns/turn-action";

export type ConversationState = ReturnType<typeof useConversation>;

/** A turn that streams elsewhere (another tab, a server that stopped mid-answer) is read again this often until it settles. */
const FOLLOW_ELSEWHERE_MS = 2_000;

type TurnInput = { action: TurnAction; controller: AbortController; onAccepted?: () => void };

/**
 * The conversation on screen. The saved conversation is server state in the query cache
 * (`["conversations", "document", id]`); a turn is a mutation that streams the answer into
 * that cache entry, so the screen, a refetch and the next turn read one document. What stays
 * local is what the user is editing and has not sent: the model and settings (saved, debounced,
 * as they change), cache breakpoint changes (sent with the next turn) and uploads not yet sent.
 */
export function useConversation(initial: {
  document: ConversationDocument | null;
  model: string;
  settings: PlaygroundSettings;
}) {
  const queryClient = useQueryClient();
  const [conversationId, setConversationId] = useState<string | null>(initial.document?.id ?? null);
  const [model, setModel] = useState(initial.model);
  const [settings, setSettings] = useState(initial.settings);
  const [pendingMarks, setPendingMarks] = useState<CacheMarkChange[]>([]);
  const [uploaded, setUploaded] = useState<AttachmentMeta[]>([]);
  const controllerRef = useRef<AbortController | null>(null);
  const turnRunning = useIsMutating({ mutationKey: conversationKeys.turn }) > 0;
  // The page rendered the saved conversation on the server: that is the freshest copy, whatever the cache held.
  useState(() => {
    if (initial.document) queryClient.setQueryData(conversationKeys.document(initial.document.id), initial.document);
  });

  const saved = useQuery({
    ...conversationQueryOptions(conversationId ?? ""),
    enabled: conversationId !== null,
    // A turn streaming elsewhere is followed until the server settles it: finished, or read as
    // interrupted once its stream is lost. This tab's own turn writes the cache itself.
    refetchInterval: (query) => (!turnRunning && isStreaming(query.state.data) ? FOLLOW_ELSEWHERE_MS : false),
  });
  const document = useMemo(
    () => saved.data ?? unsavedConversation({ model: initial.model, settings: initial.settings }),
    [saved.data, initial.model, initial.settings],
  );

  const change = useCallback(
    (id: string, next: ConversationChange) =>
      queryClient.setQueryData(conversationKeys.document(id), (current: ConversationDocument | undefined) =>
        current ? applyConversationChange(current, next) : current,
      ),
    [queryClient],
  );

  // Settings and model follow the conversation even before the next send (debounced).
  const { mutate: saveConfiguration } = useMutation({
    mutationFn: ({ id, ...body }: { id: string; model: string; settings: PlaygroundSettings }) =>
      updateConversation(id, body),
  });
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!conversationId) return;
    const timer = setTimeout(() => saveConfiguration({ id: conversationId, model, settings }), 800);
    return () => clearTimeout(timer);
  }, [conversationId, model, settings, saveConfiguration]);

  /** The conversation's id, saving a new conversation first (its URL then names it). */
  const ensureConversation = useCallback(async (): Promise<string> => {
    if (conversationId) return conversationId;
    const { session } = await createConversation({ model, settings });
    queryClient.setQueryData(conversationKeys.document(session.id), session);
    setConversationId(session.id);
    const url = new URL(window.location.href);
    url.searchParams.delete("new");
    url.searchParams.set("session", session.id);
    window.history.replaceState(window.history.state, "", url);
    return session.id;
  }, [conversationId, model, settings, queryClient]);

  const turn = useMutation({
    mutationKey: conversationKeys.turn,
    mutationFn: async ({ action, controller, onAccepted }: TurnInput) => {
      let id: string | null = null;
      let answerId: string | null = null;
      let liveParts: MessagePart[] = [];
      let frame: number | null = null;
      const cancelFrame = () => {
        if (frame !== null) cancelAnimationFrame(frame);
        frame = null;
      };
      try {
        id = await ensureConversation();
        // A refetch landing mid-stream would put the saved (up to a second older) answer back.
        await queryClient.cancelQueries({ queryKey: conversationKeys.document(id) });
        const body = { model, settings, action, marks: pendingMarks };
        for await (const event of streamTurn(id, body, controller.signal)) {
          switch (event.type) {
            case "start":
              liveParts = [];
              answerId = event.messages.at(-1)?.id ?? null;
              change(id, { type: "turn_started", messages: event.messages });
              setPendingMarks([]);
              onAccepted?.();
              break;
            case "delta": {
              liveParts = applyChatDelta(liveParts, event.delta);
              // One cache write per frame, however fast the deltas come.
              const conversation = id;
              frame ??= requestAnimationFrame(() => {
                frame = null;
                change(conversation, { type: "answer_grew", parts: liveParts });
              });
              break;
            }
            case "end":
              cancelFrame();
              change(id, { type: "turn_ended", message: event.message });
              break;
            default: {
              const exhaustive: never = event;
              throw new Error(`unhandled event ${JSON.stringify(exhaustive)}`);
            }
          }
        }
        cancelFrame();
        await queryClient.invalidateQueries({ queryKey: conversationKeys.document(id) });
      } catch (error) {
        cancelFrame();
        if (!controller.signal.aborted) throw error;
        if (!id) return;
        change(id, { type: "turn_stopped", parts: liveParts });
        // The server saves the interrupted turn as the request closes; show what it kept once it has.
        if (answerId) void queryClient.fetchQuery(settledConversationQueryOptions(id, answerId)).catch(() => {});
      }
    },
  });
  const { mutateAsync: runTurnMutation } = turn;

  /** Runs one turn; `onAccepted` fires once the server saved the request (clear the composer then, not before). */
  const runTurn = useCallback(
    async (action: TurnAction, onAccepted?: () => void): Promise<boolean> => {
      // Claimed before the mutation starts, so a second click in the same tick is refused.
      if (controllerRef.current) return false;
      const controller = new AbortController();
      controllerRef.current = controller;
      try {
        await runTurnMutation({ action, controller, onAccepted });
        return true;
      } catch {
        return false;
      } finally {
        controllerRef.current = null;
      }
    },
    [runTurnMutation],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const rename = useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) => updateConversation(id, { title }),
    onMutate: ({ id, title }) => change(id, { type: "renamed", title }),
    onSettled: (_data, _error, { id }) => queryClient.invalidateQueries({ queryKey: conversationKeys.document(id) }),
  });

  /** Shows the conversation as the server saved it after a change made elsewhere (a promoted compare column). */
  const showSavedConversation = useCallback(
    (next: ConversationDocument) => {
      queryClient.setQueryData(conversationKeys.document(next.id), next);
      setModel(next.model);
      setSettings(next.settings);
      setPendingMarks([]);
    },
    [queryClient],
  );

  /** Sets or clears a cache breakpoint on a saved message (or one of its attachments); sent with the next turn. */
  const markCache = useCallback((mark: CacheMarkChange) => {
    setPendingMarks((current) => [
      ...current.filter((entry) => !(entry.position === mark.position && entry.partIndex === mark.partIndex)),
      mark,
    ]);
  }, []);

  const rememberAttachments = useCallback((metas: AttachmentMeta[]) => {
    setUploaded((current) => [...current, ...metas]);
  }, []);

  // The saved messages with the breakpoint changes the next turn will send.
  const messages = useMemo(() => applyCacheMarks(document.messages, pendingMarks), [document.messages, pendingMarks]);
  const attachments = useMemo(
    () => new Map([...uploaded, ...document.attachments].map((attachment) => [attachment.id, attachment])),
    [uploaded, document.attachments],
  );
  const turnError = turn.error ?? rename.error;

  return {
    sessionId: conversationId,
    title: document.title,
    rename: (title: string) => {
      if (conversationId) rename.mutate({ id: conversationId, title });
    },
    messages,
    attachments,
    rememberAttachments,
    model,
    setModel,
    settings,
    setSettings,
    streaming: turnRunning,
    turnError: turnError ? errorMessage(turnError) : null,
    runTurn,
    stop,
    markCache,
    pendingMarks,
    ensureSession: ensureConversation,
    showSavedConversation,
  };
}
