"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { classNames } from "@/components/ui/class-names";
import { checkCacheBreakpoints } from "@/lib/conversations/settings/cache-breakpoints";
import { cacheTimeline } from "@/lib/conversations/settings/cache-timeline";
import { checkColumn } from "@/lib/conversations/compare/compare-columns";
import { defaultPlaygroundModel, type PlaygroundModel } from "@/lib/conversations/models/playground-models";
import {
  defaultPlaygroundSettings,
  type MessagePart,
  type ConversationDocument,
  type StoredMessage,
} from "@/lib/conversations/document/conversation-document";
import { effectiveMaxTokens } from "@/lib/catalog/request-rules";
import { coerceThinking } from "@/lib/conversations/settings/thinking-options";
import { conversationTotals } from "@/lib/conversations/turns/turn-metrics";
import { validateTurnSettings } from "@/lib/conversations/settings/validate-turn-settings";
import { CompareView } from "./compare-view";
import { Composer } from "./composer";
import {
  draftParts,
  emptyDraft,
  loadComparedMessage,
  loadDraft,
  loadLastModel,
  saveComparedMessage,
  saveDraft,
  saveLastModel,
  toDraft,
  type ComposerDraft,
} from "./local-drafts";
import { preloadMarkdown } from "@/components/conversations/markdown";
import { MessageView, type MessageActions } from "./message-view";
import { ConversationActions, TurnViewCode } from "@/components/conversations/conversation-actions";
import { SettingsPanel } from "./settings-panel";
import { parseToolDraft, toToolDrafts, type ToolDraft } from "./tool-drafts";
import { useCompare } from "./use-compare";
import { useFollowLatest } from "./use-follow-latest";
import { useConversation } from "./use-conversation";

const CONTINUE_PROMPT = "Continue exactly where your previous answer stopped, without repeating it.";

const fieldLabels: Record<string, string> = {
  thinkingBudget: "Thinking budget",
  maxTokens: "Max tokens",
  temperature: "Temperature",
  topP: "Top P",
  topK: "Top K",
};

const textLength = (message: StoredMessage | undefined) =>
  message?.parts.reduce((total, part) => total + (part.type === "text" ? part.text.length : 0), 0) ?? 0;

export function PlaygroundScreen({
  models,
  document,
}: {
  models: PlaygroundModel[];
  document: ConversationDocument | null;
}) {
  const initialModel = document
    ? (models.find((model) => model.id === document.model) ?? defaultPlaygroundModel(models))
    : defaultPlaygroundModel(models);
  const playground = useConversation({
    document,
    model: document?.model ?? initialModel.id,
    settings: document?.settings ?? {
      ...defaultPlaygroundSettings,
      thinking: coerceThinking(defaultPlaygroundSettings.thinking, initialModel.capabilities),
    },
  });
  const { messages, settings, setSettings, model: modelId, setModel, attachments } = playground;
  const model = models.find((candidate) => candidate.id === modelId) ?? models[0]!;
  const compare = useCompare({ playground, models });
  const comparing = compare.enabled;
  /** A saved turn or compare columns are streaming. */
  const streaming = playground.streaming || compare.streaming;
  const [draft, setDraft] = useState<ComposerDraft>(emptyDraft);
  const [toolDrafts, setToolDrafts] = useState<ToolDraft[]>(() => toToolDrafts(settings.tools));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const draftLoaded = useRef(false);
  /** Numeric fields whose typed text is not a number yet, by field. */
  const [draftProblems, setDraftProblems] = useState<Record<string, string>>({});
  const [menuOpen, setMenuOpen] = useState(false);
  const following = useFollowLatest({
    streaming: playground.streaming,
    contentKey: `${messages.length}:${messages.at(-1)?.parts.length ?? 0}:${textLength(messages.at(-1))}`,
    openAtEnd: (document?.messages.length ?? 0) > 0,
  });

  useEffect(preloadMarkdown, []);

  // Client-only state: the draft that survived a reload, and the last model picked.
  useEffect(() => {
    const saved = loadDraft(playground.sessionId);
    // A message compare columns answered before a reload comes back to the composer (its answers were not saved).
    const compared = playground.sessionId ? loadComparedMessage(playground.sessionId) : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage exists only after hydration; reading it during render would mismatch the server's HTML
    if (saved) setDraft(saved);
    else if (compared) setDraft(toDraft(compared, attachments));
    if (compared && playground.sessionId) saveComparedMessage(playground.sessionId, null);
    draftLoaded.current = true;
    if (!document) {
      const last = loadLastModel();
      const lastModel = models.find((candidate) => candidate.id === last && candidate.available);
      if (lastModel) changeModel(lastModel);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);
  useEffect(() => {
    if (draftLoaded.current) saveDraft(playground.sessionId, draft);
  }, [draft, playground.sessionId]);

  // Esc stops a streaming answer (unless it closes a dialog or the model list).
  const stopTurn = playground.stop;
  const stopCompare = compare.stop;
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest("dialog, [role=dialog]")) return;
      stopTurn();
      stopCompare();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [streaming, stopTurn, stopCompare]);
  // …and the compare columns when they start.
  const compareTop = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (compare.streaming) compareTop.current?.scrollIntoView({ block: "start" });
  }, [compare.streaming]);

  function changeModel(next: PlaygroundModel) {
    setModel(next.id);
    saveLastModel(next.id);
    setSettings((current) => ({ ...current, thinking: coerceThinking(current.thinking, next.capabilities) }));
  }

  const parsedTools = toolDrafts.map(parseToolDraft);
  useEffect(() => {
    if (parsedTools.every((parsed) => parsed.tool)) {
      const tools = parsedTools.map((parsed) => parsed.tool!);
      if (JSON.stringify(tools) !== JSON.stringify(settings.tools)) setSettings((current) => ({ ...current, tools }));
    }
  });

  const settingsCheck = validateTurnSettings(settings, model);
  const pendingMessage: StoredMessage | null =
    draft.text.trim() !== "" || draft.attachments.length > 0
      ? {
          id: "draft",
          position: messages.length,
          role: "user",
          parts: draftParts(draft),
          cache: draft.cache,
          status: "complete",
          request: null,
          metrics: null,
          error: null,
          createdAt: "",
          updatedAt: "",
        }
      : null;
  const allAttachments = useMemo(() => {
    const merged = new Map(attachments);
    for (const attachment of draft.attachments) merged.set(attachment.id, attachment);
    return merged;
  }, [attachments, draft.attachments]);
  const cacheCheck = checkCacheBreakpoints({
    settings,
    messages: pendingMessage ? [...messages, pendingMessage] : messages,
    attachments: allAttachments,
    minimumCacheableTokens: model.minimumCacheableTokens,
  });
  const timeline = cacheTimeline(messages);
  const totals = conversationTotals(messages.map((message) => message.metrics));
  const toolProblems = parsedTools.flatMap((parsed, index) =>
    parsed.problem ? [`Tool ${index + 1}: ${parsed.problem}`] : [],
  );
  // In compare mode each column is checked with its own model, thinking and cache breakpoint.
  const columnChecks = comparing
    ? compare.columns.map((column) =>
        checkColumn({
          column,
          model: models.find((candidate) => candidate.id === column.model),
          shared: settings,
          messages,
          parts: pendingMessage ? pendingMessage.parts : null,
          attachments: allAttachments,
        }),
      )
    : [];
  const draftBlockers = Object.entries(draftProblems)
    .filter(([field]) => field !== "thinkingBudget" || (!comparing && settings.thinking.mode === "manual"))
    .map(([field, problem]) => `${fieldLabels[field] ?? field}: ${problem}`);
  const blockers = comparing
    ? [
        ...draftBlockers,
        ...columnChecks.flatMap((check, index) => check.errors.map((problem) => `Column ${index + 1}: ${problem}`)),
        ...toolProblems,
      ]
    : [
        ...(model.available ? [] : [`${model.displayName} cannot be used: ${model.unavailableReason}`]),
        ...draftBlockers,
        ...settingsCheck.errors.map((problem) => problem.message),
        ...toolProblems,
        ...cacheCheck.errors,
      ];

  const viewCodeSource = {
    model: modelId,
    settings,
    messages: pendingMessage ? [...messages, pendingMessage] : messages,
    attachments: allAttachments,
  };
  const actions: MessageActions = {
    busy: streaming,
    onRegenerate: (position) => void playground.runTurn({ type: "regenerate", position }),
    onEdit: async (position, text) => {
      const original = messages.find((message) => message.position === position);
      const kept = (original?.parts ?? []).filter(
        (part): part is Extract<MessagePart, { type: "attachment" }> => part.type === "attachment",
      );
      const parts = [...kept, ...(text.trim() ? [{ type: "text" as const, text }] : [])];
      return playground.runTurn({ type: "edit", position, parts, cache: original?.cache ?? null });
    },
    onMarkCache: playground.markCache,
    onToolResults: (results) => playground.runTurn({ type: "tool_results", results, cache: null }),
    turnExtras: (message) =>
      message.request ? <TurnViewCode position={message.position} source={viewCodeSource} /> : null,
    // A new turn rather than an assistant prefill: newer Claude models refuse a prefilled answer.
    onContinue: () => {
      following.follow();
      void playground.runTurn({ type: "send", parts: [{ type: "text", text: CONTINUE_PROMPT }], cache: null });
    },
    effectiveMaxTokens: (message) => {
      const turnModel = models.find((candidate) => candidate.id === message.request?.model);
      if (!message.request || !turnModel) return null;
      const { parameters, thinking } = message.request.settings;
      return effectiveMaxTokens({
        maxTokens: parameters.maxTokens ?? undefined,
        thinkingBudget: thinking.mode === "manual" ? thinking.budgetTokens : undefined,
        defaultMaxTokens: turnModel.defaultMaxTokens,
        maxOutputTokens: turnModel.maxOutputTokens,
      });
    },
  };

  function send() {
    following.follow();
    const sentDraft = draft;
    const clearComposer = () => {
      setDraft(emptyDraft);
      saveDraft(null, emptyDraft);
    };
    if (comparing) {
      void compare.send(draftParts(sentDraft), clearComposer);
      return;
    }
    void playground.runTurn({ type: "send", parts: draftParts(sentDraft), cache: sentDraft.cache }, clearComposer);
  }

  function toggleCompare() {
    if (!comparing) {
      compare.enable();
      setSettingsOpen(false);
      return;
    }
    // A compared message nobody used goes back to an empty composer rather than being lost.
    const unused = compare.exit();
    if (unused && draft.text.trim() === "" && draft.attachments.length === 0) setDraft(toDraft(unused, allAttachments));
  }

  function stop() {
    playground.stop();
    compare.stop();
  }

  return (
    <div className="space-y-4">
      <div className="relative flex items-center gap-2 sm:flex-wrap">
        <h1 className="sr-only">Playground</h1>
        <label htmlFor="conversation-title" className="sr-only">
          Conversation title
        </label>
        <input
          id="conversation-title"
          placeholder="New conversation"
          defaultValue={playground.title}
          key={playground.title}
          disabled={!playground.sessionId}
          onBlur={(event) => {
            if (event.target.value.trim() !== playground.title) playground.rename(event.target.value.trim());
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") event.currentTarget.blur();
          }}
          className="min-w-0 flex-1 truncate rounded-md border border-transparent bg-transparent px-2 py-1 text-lg font-semibold tracking-tight hover:border-zinc-200 focus:border-zinc-300 disabled:cursor-default dark:hover:border-zinc-800"
        />
        <Button
          size="sm"
          className="sm:hidden"
          aria-expanded={menuOpen}
          aria-controls="playground-actions"
          aria-label="More actions"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden>⋯</span>
        </Button>
        {/* One set of actions: inline from sm up, a menu below it so the title keeps the width. */}
        <div
          id="playground-actions"
          onKeyDown={(event) => {
            if (event.key === "Escape" && menuOpen) {
              event.preventDefault();
              setMenuOpen(false);
            }
          }}
          className={classNames(
            menuOpen
              ? "absolute top-full right-0 z-30 mt-1 flex w-56 flex-col items-stretch gap-1 rounded-lg border border-zinc-200 bg-white p-2 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
              : "hidden",
            "sm:static sm:z-auto sm:mt-0 sm:flex sm:w-auto sm:flex-row sm:flex-wrap sm:items-center sm:gap-2 sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none sm:dark:bg-transparent",
          )}
        >
          <Link href="/playground?new=1" className={buttonClassName("secondary", "sm")}>
            New conversation
          </Link>
          <ConversationActions sessionId={playground.sessionId} source={viewCodeSource} />
          <Button
            size="sm"
            aria-pressed={comparing}
            disabled={streaming}
            variant={comparing ? "primary" : "secondary"}
            title={
              comparing ? "Leave compare mode" : "Run the next message against 2–4 models or settings side by side"
            }
            onClick={() => {
              setMenuOpen(false);
              toggleCompare();
            }}
          >
            Compare
          </Button>
        </div>
        <Button
          size="sm"
          className={comparing ? undefined : "lg:hidden"}
          aria-expanded={settingsOpen}
          aria-controls="playground-settings"
          onClick={() => setSettingsOpen((open) => !open)}
        >
          {settingsOpen ? "Hide settings" : "Settings"}
        </Button>
      </div>
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-4">
          <section aria-label="Conversation" className="space-y-6">
            {messages.length === 0 && (
              <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:text-zinc-400 dark:border-zinc-700">
                Pick a model and start a conversation. Everything is saved as it streams.
              </p>
            )}
            {messages.map((message, index) => (
              <MessageView
                key={message.id}
                message={message}
                next={messages[index + 1]}
                isLast={index === messages.length - 1}
                attachments={allAttachments}
                actions={actions}
              />
            ))}
          </section>
          {comparing && (
            <div ref={compareTop} className="scroll-mt-4">
              <CompareView compare={compare} models={models} checks={columnChecks} attachments={allAttachments} />
            </div>
          )}
          {playground.turnError && (
            <Alert tone="error">
              <p>{playground.turnError}</p>
              <p className="mt-1">Your message is still in the box below; fix the problem and send again.</p>
            </Alert>
          )}
          <div className="sticky bottom-0 z-10 -mx-1 bg-white/85 px-1 pt-1 pb-2 backdrop-blur dark:bg-zinc-950/85">
            {!following.atEnd && messages.length > 0 && (
              <button
                type="button"
                onClick={following.follow}
                className="absolute -top-10 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1 text-xs font-medium shadow-md hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
              >
                Jump to latest ↓
              </button>
            )}
            <Composer
              draft={draft}
              onDraftChange={setDraft}
              onSend={send}
              onStop={stop}
              streaming={streaming}
              blockers={blockers}
              onAttachmentsAdded={playground.rememberAttachments}
              {...(comparing
                ? {
                    sendLabel: `Send to ${compare.columns.length} columns`,
                    placeholder: "Message every column… (Ctrl/⌘ + Enter to send; drop or paste images and PDFs)",
                    cacheControl: false,
                  }
                : {})}
            />
          </div>
        </div>
        <aside
          id="playground-settings"
          aria-label="Settings"
          className={classNames(
            "order-first w-full shrink-0 rounded-lg border border-zinc-200 p-4 lg:sticky lg:order-last lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:w-80 lg:overflow-y-auto dark:border-zinc-800",
            // Compare columns need the width: there the settings open on demand at every size.
            settingsOpen ? "block" : comparing ? "hidden" : "hidden lg:block",
          )}
        >
          <SettingsPanel
            models={models}
            model={model}
            onModelChange={changeModel}
            settings={settings}
            setSettings={setSettings}
            settingsCheck={settingsCheck}
            onDraftProblem={(field, problem) =>
              setDraftProblems((current) => {
                if ((current[field] ?? null) === problem) return current;
                const next = { ...current };
                if (problem === null) delete next[field];
                else next[field] = problem;
                return next;
              })
            }
            comparing={comparing}
            toolDrafts={toolDrafts}
            onToolDraftsChange={setToolDrafts}
            cacheCheck={cacheCheck}
            timeline={timeline}
            totals={totals}
          />
        </aside>
      </div>
    </div>
  );
}
