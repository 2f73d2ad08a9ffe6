"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError, errorMessage } from "@/components/api-client/request-json";
import type { CompareMessage } from "@/lib/conversations/compare/compare-api";
import {
  addColumn,
  applyCompareEvent,
  canPromote,
  columnSettings,
  fitColumns,
  initialColumns,
  pendingAnswer,
  removeColumn,
  settleAnswer,
  type ColumnAnswer,
  type CompareColumn,
} from "@/lib/conversations/compare/compare-columns";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import type { PlaygroundSettings, TurnError } from "@/lib/conversations/document/conversation-document";
import type { CacheMarkChange } from "@/lib/conversations/turns/turn-action";
import { toTurnError } from "@/lib/conversations/turns/turn-error";
import { loadCompareSetup, saveComparedMessage, saveCompareSetup } from "./local-drafts";
import { promoteCompareAnswer, streamCompareColumn } from "@/components/conversations/conversation-api";
import type { ConversationState } from "./use-conversation";

export type CompareState = ReturnType<typeof useCompare>;

/** A column on screen: its settings plus a key that stays with it when others are removed. */
export type ColumnEntry = CompareColumn & { key: string };

/** A column's latest run: exactly what it sent (for promotion) and its answer. */
export type ColumnRun = {
  sent: { model: string; settings: PlaygroundSettings; message: CompareMessage; marks: CacheMarkChange[] };
  answer: ColumnAnswer;
  promoting: boolean;
  promoteError: string | null;
};

type UserParts = CompareMessage["parts"];

/**
 * Compare mode: 2–4 columns that each run the saved conversation plus one new message against
 * their own model, thinking and cache setting, concurrently and independently (one column's
 * error or slowness never holds up another). Answers are not saved until one is promoted.
 */
export function useCompare({ playground, models }: { playground: ConversationState; models: PlaygroundModel[] }) {
  const [enabled, setEnabled] = useState(false);
  const [columns, setColumns] = useState<ColumnEntry[]>([]);
  const [runs, setRuns] = useState<Record<string, ColumnRun>>({});
  /** The message the columns answered, until it is promoted or replaced. */
  const [compared, setCompared] = useState<UserParts | null>(null);
  const [activeCount, setActiveCount] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());
  /** The newest answer of each column's current run, flushed to state once a frame. */
  const live = useRef(new Map<string, { run: number; answer: ColumnAnswer }>());
  const runCounter = useRef(0);
  const keyCounter = useRef(0);
  const frame = useRef<number | null>(null);
  const setupLoaded = useRef(false);

  const withKey = useCallback(
    (column: CompareColumn): ColumnEntry => ({ ...column, key: `column-${(keyCounter.current += 1)}` }),
    [],
  );

  // The browser remembers compare mode and its columns (client-only, so after hydration).
  useEffect(() => {
    const saved = loadCompareSetup();
    if (saved) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage exists only after hydration; reading it during render would mismatch the server's HTML
      setColumns(fitColumns(saved.columns, models, playground.model).map(withKey));
      setEnabled(saved.enabled);
    }
    setupLoaded.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  useEffect(() => {
    if (!setupLoaded.current || columns.length === 0) return;
    saveCompareSetup({ enabled, columns: columns.map(({ model, thinking, cache }) => ({ model, thinking, cache })) });
  }, [enabled, columns]);

  const flush = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    const snapshot = new Map(live.current);
    setRuns((current) => {
      let next = current;
      for (const [key, { answer }] of snapshot) {
        const run = next[key];
        if (run && run.answer !== answer) next = { ...next, [key]: { ...run, answer } };
      }
      return next;
    });
  }, []);

  const runColumn = useCallback(
    async (sessionId: string, column: ColumnEntry, parts: UserParts, onStart: () => void) => {
      const { key } = column;
      const sent: ColumnRun["sent"] = {
        model: column.model,
        settings: columnSettings(playground.settings, column),
        message: { parts, cache: column.cache },
        marks: playground.pendingMarks,
      };
      const run = (runCounter.current += 1);
      const controller = new AbortController();
      controllers.current.get(key)?.abort();
      controllers.current.set(key, controller);
      setActiveCount(controllers.current.size);
      live.current.set(key, { run, answer: pendingAnswer });
      setRuns((current) => ({
        ...current,
        [key]: { sent, answer: pendingAnswer, promoting: false, promoteError: null },
      }));
      // Only this run may write this column's answer: a newer run (Regenerate, a new send) wins.
      const update = (change: (answer: ColumnAnswer) => ColumnAnswer) => {
        const entry = live.current.get(key);
        if (entry?.run === run) live.current.set(key, { run, answer: change(entry.answer) });
      };
      let outcome: { stopped: boolean; error?: TurnError } = { stopped: false };
      try {
        for await (const event of streamCompareColumn(sessionId, sent, controller.signal)) {
          update((answer) => applyCompareEvent(answer, event));
          if (event.type === "start") onStart();
          if (event.type === "delta") frame.current ??= requestAnimationFrame(flush);
          else flush();
        }
      } catch (error) {
        outcome = controller.signal.aborted ? { stopped: true } : { stopped: false, error: requestFailure(error) };
      } finally {
        if (controllers.current.get(key) === controller) controllers.current.delete(key);
        update((answer) => settleAnswer(answer, outcome));
        flush();
        setActiveCount(controllers.current.size);
      }
    },
    [playground.settings, playground.pendingMarks, flush],
  );

  const stop = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort();
  }, []);

  const clearRuns = useCallback(() => {
    stop();
    live.current.clear();
    setRuns({});
    setCompared(null);
    if (playground.sessionId) saveComparedMessage(playground.sessionId, null);
  }, [stop, playground.sessionId]);

  /** Sends the message to every column; `onAccepted` fires once the first column is running (clear the composer then). */
  const send = useCallback(
    async (parts: UserParts, onAccepted: () => void) => {
      if (controllers.current.size > 0) return;
      setFailure(null);
      let sessionId: string;
      try {
        sessionId = await playground.ensureSession();
      } catch (error) {
        setFailure(errorMessage(error));
        return;
      }
      clearRuns();
      setCompared(parts);
      saveComparedMessage(sessionId, parts);
      let accepted = false;
      const acceptOnce = () => {
        if (accepted) return;
        accepted = true;
        onAccepted();
      };
      await Promise.all(columns.map((column) => runColumn(sessionId, column, parts, acceptOnce)));
    },
    [playground, columns, runColumn, clearRuns],
  );

  /** Runs one column again on the same message, with its current settings. */
  const regenerate = useCallback(
    (key: string) => {
      const column = columns.find((candidate) => candidate.key === key);
      if (!column || !compared || !playground.sessionId) return;
      void runColumn(playground.sessionId, column, compared, () => {});
    },
    [columns, compared, playground.sessionId, runColumn],
  );

  const setPromoting = (key: string, change: Pick<ColumnRun, "promoting" | "promoteError">) =>
    setRuns((current) => (current[key] ? { ...current, [key]: { ...current[key], ...change } } : current));

  /** Saves the column's turn to the conversation, which continues with its model and settings; the columns stay, empty. */
  const promote = useCallback(
    async (key: string) => {
      const run = runs[key];
      const sessionId = playground.sessionId;
      if (!run || !sessionId || !canPromote(run.answer)) return;
      setPromoting(key, { promoting: true, promoteError: null });
      try {
        const { parts, status, error, metrics, base } = run.answer;
        const document = await promoteCompareAnswer(sessionId, {
          ...run.sent,
          base,
          answer: { parts, status, error, metrics },
        });
        clearRuns();
        playground.showSavedConversation(document);
      } catch (error) {
        setPromoting(key, { promoting: false, promoteError: errorMessage(error) });
      }
    },
    [runs, playground, clearRuns],
  );

  const enable = useCallback(() => {
    setColumns((current) =>
      current.length > 0
        ? current
        : initialColumns({ model: playground.model, thinking: playground.settings.thinking }, models).map(withKey),
    );
    setEnabled(true);
  }, [playground.model, playground.settings.thinking, models, withKey]);

  /** Leaves compare mode; gives back the message the columns answered if none was promoted, so it is not lost. */
  const exit = useCallback((): UserParts | null => {
    const unpromoted = compared;
    clearRuns();
    setFailure(null);
    setEnabled(false);
    return unpromoted;
  }, [compared, clearRuns]);

  const add = useCallback(() => setColumns((current) => addColumn(current, withKey)), [withKey]);

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    live.current.delete(key);
    setColumns((current) =>
      removeColumn(
        current,
        current.findIndex((column) => column.key === key),
      ),
    );
    setRuns((current) => {
      const { [key]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  const update = useCallback((key: string, change: Partial<CompareColumn>) => {
    setColumns((current) => current.map((column) => (column.key === key ? { ...column, ...change } : column)));
  }, []);

  return {
    enabled,
    enable,
    exit,
    columns,
    add,
    remove,
    update,
    runs,
    compared,
    streaming: activeCount > 0,
    failure,
    send,
    regenerate,
    promote,
    stop,
  };
}

/** Why a column's request failed before or outside its stream, in the words (and with the hints) a turn error uses. */
function requestFailure(error: unknown): TurnError {
  if (error instanceof ApiRequestError) {
    return toTurnError({
      message: errorMessage(error),
      code: error.code,
      status: error.status === 0 ? null : error.status,
    });
  }
  return toTurnError({ message: "The connection to the server was lost.", code: "network_error", status: null });
}
