"use client";

import { Alert } from "@/components/ui/alert";
import type { CacheCheck } from "@/lib/conversations/settings/cache-breakpoints";
import type { CacheTimelineEntry } from "@/lib/conversations/settings/cache-timeline";
import type { PlaygroundModel } from "@/lib/conversations/models/playground-models";
import type { PlaygroundSettings } from "@/lib/conversations/document/conversation-document";
import { thinkingIsOn } from "@/lib/conversations/settings/thinking-options";
import type { ConversationTotals } from "@/lib/conversations/turns/turn-metrics";
import type { SettingsCheck } from "@/lib/conversations/settings/validate-turn-settings";
import { CachePanel } from "./cache-panel";
import { ConversationTotalsView } from "@/components/conversations/conversation-totals-view";
import { ModelPicker } from "./model-picker";
import { ParametersPanel } from "./parameters-panel";
import { SystemPromptEditor } from "./system-prompt-editor";
import { ThinkingControl } from "./thinking-control";
import type { ToolDraft } from "./tool-drafts";
import { ToolsEditor } from "./tools-editor";

const noProblems: SettingsCheck = { errors: [], warnings: [] };

/**
 * The playground's settings: model, system prompt, thinking, parameters, tools, the prompt cache
 * and the conversation's totals. In compare mode the model and thinking belong to the columns,
 * and what a column's model rejects is said in that column, so the shared fields are not limited
 * by the conversation's model.
 */
export function SettingsPanel({
  models,
  model,
  onModelChange,
  settings,
  setSettings,
  settingsCheck,
  comparing,
  toolDrafts,
  onToolDraftsChange,
  cacheCheck,
  timeline,
  totals,
  onDraftProblem,
}: {
  models: PlaygroundModel[];
  model: PlaygroundModel;
  onModelChange: (model: PlaygroundModel) => void;
  settings: PlaygroundSettings;
  setSettings: (update: (current: PlaygroundSettings) => PlaygroundSettings) => void;
  settingsCheck: SettingsCheck;
  comparing: boolean;
  toolDrafts: ToolDraft[];
  onToolDraftsChange: (drafts: ToolDraft[]) => void;
  cacheCheck: CacheCheck;
  timeline: CacheTimelineEntry[];
  totals: ConversationTotals;
  /** A numeric field's typed text is not a number (null once it is): sending waits for a fix. */
  onDraftProblem: (field: string, problem: string | null) => void;
}) {
  const samplingReason =
    comparing || model.capabilities.samplingParameters ? undefined : `${model.displayName} does not accept it.`;
  const thinkingOn = !comparing && thinkingIsOn(settings.thinking, model.capabilities);
  return (
    <div className="space-y-6">
      {comparing ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          Comparing: each column has its own model, thinking and prompt cache. The settings below apply to every column.
        </p>
      ) : (
        <ModelPicker
          models={models}
          value={model.id}
          onChange={(id) => onModelChange(models.find((candidate) => candidate.id === id)!)}
        />
      )}
      <SystemPromptEditor
        value={settings.systemPrompt}
        cache={settings.systemCache}
        onChange={(systemPrompt) => setSettings((current) => ({ ...current, systemPrompt }))}
        onCacheChange={(systemCache) => setSettings((current) => ({ ...current, systemCache }))}
      />
      {!comparing && (
        <>
          <ThinkingControl
            model={model}
            value={settings.thinking}
            onChange={(thinking) => setSettings((current) => ({ ...current, thinking }))}
            budgetProblems={settingsCheck.errors
              .filter((problem) => problem.field === "thinking.budget_tokens")
              .map((problem) => problem.message)}
            onBudgetDraftProblem={(problem) => onDraftProblem("thinkingBudget", problem)}
          />
          {settingsCheck.errors
            .filter((problem) => problem.field === "thinking")
            .map((problem) => (
              <Alert key={problem.message} tone="error">
                {problem.message}
              </Alert>
            ))}
        </>
      )}
      <ParametersPanel
        value={settings.parameters}
        onChange={(parameters) => setSettings((current) => ({ ...current, parameters }))}
        problems={comparing ? noProblems : settingsCheck}
        defaultMaxTokens={model.defaultMaxTokens}
        onDraftProblem={onDraftProblem}
        disabledReason={{
          temperature: samplingReason,
          topP: samplingReason,
          topK: samplingReason ?? (thinkingOn ? "Not allowed while thinking is on." : undefined),
        }}
      />
      <ToolsEditor
        drafts={toolDrafts}
        onChange={onToolDraftsChange}
        disabledReason={comparing || model.capabilities.tools ? null : `${model.displayName} does not use tools.`}
      />
      <CachePanel check={cacheCheck} minimumCacheableTokens={model.minimumCacheableTokens} timeline={timeline} />
      <ConversationTotalsView totals={totals} />
    </div>
  );
}
