"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/api-client/request-json";
import { applyChatDelta } from "@/lib/conversations/document/apply-chat-delta";
import type {
  AttachmentMeta,
  MessagePart,
  PlaygroundSettings,
  ConversationDocument,
  StoredMessage,
} from "@/lib/conversations/document/conversation-document";
import type { CacheMarkChange, TurnAction } from "@/lib/conversations/turns/turn-action";
import { createSession, getSession, streamTurn, updateSession } from "@/components/conversations/conversation-api";

export type PlaygroundState = ReturnType<typeof usePlayground>;

/**
 * The conversation on screen and the one request that may be streaming. The server owns the
 * conversation: every turn starts from what it saved and ends with what it saved.
 */
export function usePlayground(initial: {
  document: ConversationDocument | null;
  model: string;
  settings: PlaygroundSettings;
}) {
  const [sessionId, setSessionId] = useState<string | null>(initial.document?.id ?? null);
  const [title, setTitle] = useState(initial.document?.title ?? "");
  const [messages, setMessages] = useState<StoredMessage[]>(initial.document?.messages ?? []);
  const [attachments, setAttachments] = useState<Map<string, AttachmentMeta>>(
    () => new Map((initial.document?.attachments ?? []).map((attachment) => [attachment.id, attachment])),
  );
  const [model, setModel] = useState(initial.model);
  const [settings, setSettings] = useState(initial.settings);
  const [pendingMarks, setPendingMarks] = useState<CacheMarkChange[]>([]);
  const [streaming, setStreaming] = useState(false);
  const [turnError, setTurnError] = useState<string | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const liveParts = useRef<MessagePart[]>([]);
  const frame = useRef<number | null>(null);

  const rememberAttachments = useCallback((metas: AttachmentMeta[]) => {
    setAttachments((current) => {
      const next = new Map(current);
      for (const meta of metas) next.set(meta.id, meta);
      return next;
    });
  }, []);

  // Settings and model follow the conversation even before the next send (debounced).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (!sessionId) return;
    const timer = setTimeout(() => void updateSession(sessionId, { model, settings }).catch(() => {}), 800);
    return () => clearTimeout(timer);
  }, [sessionId, model, settings]);

  const refresh = useCallback(
    async (id: string) => {
      const document = await getSession(id);
      setMessages(document.messages);
      setTitle(document.title);
      rememberAttachments(document.attachments);
    },
    [rememberAttachments],
  );

  // A turn that streams elsewhere (another tab, or a server that stopped mid-answer) is
  // followed until the server settles it: finished, or read as interrupted once its stream is lost.
  const lastStatus = messages.at(-1)?.status;
  useEffect(() => {
    if (streaming || lastStatus !== "streaming" || !sessionId) return;
    const timer = setTimeout(() => void refresh(sessionId).catch(() => {}), 2_000);
    return () => clearTimeout(timer);
  }, [streaming, lastStatus, sessionId, messages, refresh]);

  const flushLiveParts = useCallback(() => {
    frame.current = null;
    const parts = liveParts.current;
    setMessages((current) => {
      const last = current.at(-1);
      if (!last || last.role !== "assistant" || last.status !== "streaming") return current;
      return [...current.slice(0, -1), { ...last, parts }];
    });
  }, []);

  /** The conversation's id, saving a new conversation first (its URL then names it). */
  const ensureSession = useCallback(async (): Promise<string> => {
    if (sessionId) return sessionId;
    const created = await createSession({ model, settings });
    const id = created.session.id;
    setSessionId(id);
    const url = new URL(window.location.href);
    url.searchParams.delete("new");
    url.searchParams.set("session", id);
    window.history.replaceState(window.history.state, "", url);
    return id;
  }, [sessionId, model, settings]);

  /** Shows the conversation as the server saved it after a change made elsewhere (a promoted compare column). */
  const showSavedConversation = useCallback(
    (document: ConversationDocument) => {
      setMessages(document.messages);
      setTitle(document.title);
      rememberAttachments(document.attachments);
      setModel(document.model);
      setSettings(document.settings);
      setPendingMarks([]);
    },
    [rememberAttachments],
  );

  /** Runs one turn; `onAccepted` fires once the server saved the request (clear the composer then, not before). */
  const runTurn = useCallback(
    async (action: TurnAction, onAccepted?: () => void): Promise<boolean> => {
      if (controllerRef.current) return false;
      setTurnError(null);
      const controller = new AbortController();
      controllerRef.current = controller;
      setStreaming(true);
      let id = sessionId;
      try {
        id = await ensureSession();
        for await (const event of streamTurn(id, { model, settings, action, marks: pendingMarks }, controller.signal)) {
          switch (event.type) {
            case "start":
              liveParts.current = [];
              setMessages(event.messages);
              setPendingMarks([]);
              onAccepted?.();
              break;
            case "delta":
              liveParts.current = applyChatDelta(liveParts.current, event.delta);
              frame.current ??= requestAnimationFrame(flushLiveParts);
              break;
            case "end":
              if (frame.current !== null) cancelAnimationFrame(frame.current);
              frame.current = null;
              setMessages((current) =>
                current.map((message) => (message.id === event.message.id ? event.message : message)),
              );
              break;
          }
        }
        await refresh(id).catch(() => {});
        return true;
      } catch (error) {
        if (controller.signal.aborted) {
          if (frame.current !== null) cancelAnimationFrame(frame.current);
          frame.current = null;
          const parts = liveParts.current;
          setMessages((current) => {
            const last = current.at(-1);
            if (!last || last.role !== "assistant" || last.status !== "streaming") return current;
            return [...current.slice(0, -1), { ...last, parts, status: "interrupted" }];
          });
          // The server saves the interrupted turn as the request closes; show what it kept.
          if (id) {
            const sessionToRefresh = id;
            setTimeout(() => void refresh(sessionToRefresh).catch(() => {}), 500);
          }
          return true;
        }
        setTurnError(errorMessage(error));
        return false;
      } finally {
        controllerRef.current = null;
        setStreaming(false);
      }
    },
    [sessionId, ensureSession, model, settings, pendingMarks, refresh, flushLiveParts],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  /** Sets or clears a cache breakpoint on a saved message (or one of its attachments); sent with the next turn. */
  const markCache = useCallback((change: CacheMarkChange) => {
    setMessages((current) =>
      current.map((message) => {
        if (message.position !== change.position) return message;
        if (change.partIndex === null) return { ...message, cache: change.cache };
        return {
          ...message,
          parts: message.parts.map((part, index) =>
            index === change.partIndex && part.type === "attachment" ? { ...part, cache: change.cache } : part,
          ),
        };
      }),
    );
    setPendingMarks((current) => [
      ...current.filter((mark) => !(mark.position === change.position && mark.partIndex === change.partIndex)),
      change,
    ]);
  }, []);

  const rename = useCallback(
    async (nextTitle: string) => {
      setTitle(nextTitle);
      if (sessionId)
        await updateSession(sessionId, { title: nextTitle }).catch((error) => setTurnError(errorMessage(error)));
    },
    [sessionId],
  );

  return {
    sessionId,
    title,
    rename,
    messages,
    attachments,
    rememberAttachments,
    model,
    setModel,
    settings,
    setSettings,
    streaming,
    turnError,
    setTurnError,
    runTurn,
    stop,
    markCache,
    pendingMarks,
    ensureSession,
    showSavedConversation,
  };
}
