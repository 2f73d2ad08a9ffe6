import { describe, expect, it } from "vitest";
import type { CompareStreamEvent } from "./compare-api";
import {
  addColumn,
  applyCompareEvent,
  canPromote,
  checkColumn,
  columnSettings,
  columnSummary,
  compareHighlights,
  fitColumns,
  initialColumns,
  pendingAnswer,
  removeColumn,
  settleAnswer,
  type ColumnAnswer,
  type CompareColumn,
} from "./compare-columns";
import { listPlaygroundModels } from "@/lib/conversations/models/playground-models";
import { defaultPlaygroundSettings, type TurnMetrics } from "@/lib/conversations/document/conversation-document";

const models = listPlaygroundModels({ configuredProviders: new Set(["anthropic"]), externalGateway: false });
const model = (id: string) => models.find((candidate) => candidate.id === id)!;
const haikuId = models.find(
  (candidate) => candidate.displayName === "Claude Haiku 4.5" && candidate.provider === "anthropic",
)!.id;
const sonnetId = models.find(
  (candidate) => candidate.displayName === "Claude Sonnet 4.6" && candidate.provider === "anthropic",
)!.id;
const opus47Id = models.find(
  (candidate) => candidate.displayName === "Claude Opus 4.7" && candidate.provider === "anthropic",
)!.id;

const column = (overrides: Partial<CompareColumn> = {}): CompareColumn => ({
  model: sonnetId,
  thinking: { mode: "off" },
  cache: null,
  ...overrides,
});

const metrics = (overrides: Partial<TurnMetrics> = {}): TurnMetrics => ({
  usage: { inputTokens: 10, outputTokens: 20, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 },
  costUsd: 0.001,
  cacheSavingsUsd: 0,
  startedAt: "2026-01-01T00:00:00.000Z",
  timeToFirstTokenMs: 300,
  latencyMs: 1200,
  finishReason: "stop",
  servedModel: "claude-sonnet-4-6",
  ...overrides,
});
const finished = (overrides: Partial<TurnMetrics> = {}): ColumnAnswer => ({
  parts: [{ type: "text", text: "Hi" }],
  status: "complete",
  error: null,
  metrics: metrics(overrides),
  base: { position: 0, lastMessageId: null },
});

describe("initialColumns", () => {
  it("starts from the conversation's model and another active model of the same provider", () => {
    const [first, second] = initialColumns(
      { model: sonnetId, thinking: { mode: "manual", budgetTokens: 8000 } },
      models,
    );
    expect(first).toEqual({ model: sonnetId, thinking: { mode: "manual", budgetTokens: 8000 }, cache: null });
    expect(second!.model).not.toBe(sonnetId);
    expect(model(second!.model)).toMatchObject({ provider: "anthropic", lifecycle: "active", available: true });
  });

  it.each([
    { name: "manual thinking", thinking: { mode: "manual" as const, budgetTokens: 8000 } },
    { name: "adaptive thinking", thinking: { mode: "adaptive" as const, effort: "high" as const } },
  ])("fits $name to the second model, so both columns can run", ({ thinking }) => {
    for (const main of [haikuId, sonnetId, opus47Id]) {
      const columns = fitColumns(initialColumns({ model: main, thinking }, models), models, main);
      for (const entry of columns.slice(1)) {
        const check = checkColumn({
          column: entry,
          model: model(entry.model),
          shared: defaultPlaygroundSettings,
          messages: [],
          parts: null,
          attachments: new Map(),
        });
        expect(check.errors).toEqual([]);
      }
    }
  });

  it("uses the same model twice when no other can be used", () => {
    const only = models.filter((candidate) => candidate.id === sonnetId);
    expect(initialColumns({ model: sonnetId, thinking: { mode: "off" } }, only).map((entry) => entry.model)).toEqual([
      sonnetId,
      sonnetId,
    ]);
  });
});

describe("adding and removing columns", () => {
  it.each([
    { name: "adds a copy of the last column", before: 2, after: 3 },
    { name: "stops at four", before: 4, after: 4 },
  ])("$name", ({ before, after }) => {
    const columns = Array.from({ length: before }, (_, index) =>
      column({ cache: index === before - 1 ? { ttl: "1h" } : null }),
    );
    const next = addColumn(columns);
    expect(next).toHaveLength(after);
    expect(next.at(-1)).toEqual(columns.at(-1));
  });

  it.each([
    { name: "removes the column asked for", before: 3, index: 1, after: 2 },
    { name: "keeps at least two", before: 2, index: 0, after: 2 },
  ])("$name", ({ before, index, after }) => {
    const columns = Array.from({ length: before }, (_, position) =>
      column({ thinking: { mode: "manual", budgetTokens: 1024 * (position + 1) } }),
    );
    const next = removeColumn(columns, index);
    expect(next).toHaveLength(after);
    if (after < before) expect(next).not.toContainEqual(columns[index]);
  });
});

describe("fitColumns", () => {
  it("replaces a model this install no longer lists and fits thinking to what a model can do", () => {
    const fitted = fitColumns(
      [
        column({ model: "anthropic/claude-retired-1" }),
        column({ model: opus47Id, thinking: { mode: "manual", budgetTokens: 4000 } }),
      ],
      models,
      sonnetId,
    );
    expect(fitted[0]!.model).toBe(sonnetId);
    expect(fitted[1]).toMatchObject({ model: opus47Id, thinking: { mode: "adaptive", effort: null } });
  });
});

describe("checkColumn", () => {
  const base = {
    shared: defaultPlaygroundSettings,
    messages: [],
    parts: [{ type: "text" as const, text: "Hello" }],
    attachments: new Map(),
  };

  it("passes a usable model with valid settings", () => {
    expect(checkColumn({ ...base, column: column(), model: model(sonnetId) }).errors).toEqual([]);
  });

  it.each([
    {
      name: "a model the install cannot serve",
      column: column({ model: "aws/anthropic.claude-sonnet-4-6" }),
      model: { ...model(sonnetId), available: false, unavailableReason: "No enabled Amazon Bedrock credential." },
      error: /cannot be used: No enabled Amazon Bedrock credential/,
    },
    {
      name: "a model not in the list",
      column: column({ model: "anthropic/claude-unknown" }),
      model: undefined,
      error: /not in the model list/,
    },
    {
      name: "manual thinking on an adaptive-only model",
      column: column({ model: opus47Id, thinking: { mode: "manual", budgetTokens: 8000 } }),
      model: model(opus47Id),
      error: /supports only adaptive thinking/,
    },
  ])("refuses $name", ({ column: entry, model: choice, error }) => {
    expect(checkColumn({ ...base, column: entry, model: choice }).errors.join("\n")).toMatch(error);
  });

  it("checks the column's cache breakpoint against the shared ones (1h before 5m)", () => {
    const shared = { ...defaultPlaygroundSettings, systemPrompt: "Be brief.", systemCache: { ttl: "5m" as const } };
    const check = checkColumn({ ...base, shared, column: column({ cache: { ttl: "1h" } }), model: model(sonnetId) });
    expect(check.errors.join("\n")).toMatch(/1h breakpoints must come before 5m ones/);
    expect(
      checkColumn({ ...base, shared, column: column({ cache: { ttl: "5m" } }), model: model(sonnetId) }).errors,
    ).toEqual([]);
  });

  it("warns when its own cached prefix is below the model's minimum, not about the conversation's breakpoints", () => {
    expect(
      checkColumn({ ...base, column: column({ cache: { ttl: "5m" } }), model: model(sonnetId) }).warnings.join("\n"),
    ).toMatch(/"Message 1": .* will not be cached/);
    const messages = [
      { role: "user" as const, parts: [{ type: "text" as const, text: "Short" }], cache: { ttl: "5m" as const } },
    ];
    expect(checkColumn({ ...base, messages, column: column(), model: model(sonnetId) }).warnings).toEqual([]);
  });

  it("runs the shared settings with the column's thinking", () => {
    const shared = { ...defaultPlaygroundSettings, systemPrompt: "Shared" };
    expect(columnSettings(shared, column({ thinking: { mode: "manual", budgetTokens: 2048 } }))).toEqual({
      ...shared,
      thinking: { mode: "manual", budgetTokens: 2048 },
    });
  });
});

describe("columnSummary", () => {
  it.each([
    { column: column(), summary: "Thinking off · No cache" },
    {
      column: column({ thinking: { mode: "adaptive", effort: null }, cache: { ttl: "1h" } }),
      summary: "Adaptive thinking · Cache 1h",
    },
    {
      column: column({ thinking: { mode: "adaptive", effort: "high" } }),
      summary: "Adaptive thinking, high effort · No cache",
    },
    {
      column: column({ thinking: { mode: "manual", budgetTokens: 8000 }, cache: { ttl: "5m" } }),
      summary: "Manual thinking, 8,000 tokens · Cache 5m",
    },
  ])("$summary", ({ column: entry, summary }) => {
    expect(columnSummary(entry)).toBe(summary);
  });
});

describe("applyCompareEvent", () => {
  it("folds start, deltas and the end into the column's answer", () => {
    const events: CompareStreamEvent[] = [
      { type: "start", base: { position: 2, lastMessageId: "m1" } },
      { type: "delta", delta: { reasoning: "Think" } },
      { type: "delta", delta: { content: "Hel" } },
      { type: "delta", delta: { content: "lo" } },
      {
        type: "end",
        answer: {
          parts: [
            { type: "reasoning", text: "Think", signature: "sig" },
            { type: "text", text: "Hello" },
          ],
          status: "complete",
          error: null,
          metrics: metrics(),
        },
      },
    ];
    const states = events.reduce<ColumnAnswer[]>(
      (all, event) => [...all, applyCompareEvent(all.at(-1)!, event)],
      [pendingAnswer],
    );
    expect(states[1]).toMatchObject({ base: { position: 2, lastMessageId: "m1" }, status: "streaming" });
    expect(states[4]!.parts).toEqual([
      { type: "reasoning", text: "Think", signature: null },
      { type: "text", text: "Hello" },
    ]);
    expect(states[5]).toEqual({
      parts: [
        { type: "reasoning", text: "Think", signature: "sig" },
        { type: "text", text: "Hello" },
      ],
      status: "complete",
      error: null,
      metrics: metrics(),
      base: { position: 2, lastMessageId: "m1" },
    });
  });

  it("returns the same answer for a delta that changes nothing", () => {
    const answer = applyCompareEvent(pendingAnswer, { type: "delta", delta: { content: "" } });
    expect(answer).toBe(pendingAnswer);
  });
});

describe("settleAnswer", () => {
  const streaming: ColumnAnswer = { ...pendingAnswer, parts: [{ type: "text", text: "Part" }] };
  const error = { message: "Could not reach the server.", code: "network_error", status: 0, hint: "Try again." };
  it.each([
    { name: "a stop keeps what arrived, interrupted", outcome: { stopped: true }, status: "interrupted" },
    { name: "a stream cut off without an end is interrupted", outcome: { stopped: false }, status: "interrupted" },
    { name: "a refused request is an error with its message", outcome: { stopped: false, error }, status: "error" },
  ])("$name", ({ outcome, status }) => {
    const settled = settleAnswer(streaming, outcome);
    expect(settled.status).toBe(status);
    expect(settled.parts).toEqual(streaming.parts);
    expect(settled.error).toEqual(status === "error" ? error : null);
  });

  it("leaves a finished answer alone", () => {
    const done = finished();
    expect(settleAnswer(done, { stopped: true })).toBe(done);
  });
});

describe("canPromote", () => {
  it.each([
    { name: "a finished answer", answer: finished(), expected: true },
    {
      name: "an answer that is only tool calls",
      answer: { ...finished(), parts: [{ type: "tool_call" as const, id: "t", name: "f", arguments: "{}" }] },
      expected: true,
    },
    { name: "a streaming answer", answer: { ...finished(), status: "streaming" as const }, expected: false },
    {
      name: "an answer without text",
      answer: { ...finished(), parts: [{ type: "text" as const, text: "  " }] },
      expected: false,
    },
    {
      name: "an answer stopped before the server finished it",
      answer: { ...finished(), metrics: null, status: "interrupted" as const },
      expected: false,
    },
    { name: "a request the server refused", answer: { ...pendingAnswer, status: "error" as const }, expected: false },
  ])("$name: $expected", ({ answer, expected }) => {
    expect(canPromote(answer)).toBe(expected);
  });
});

describe("compareHighlights", () => {
  it("marks the fastest first token, the fastest and the cheapest column", () => {
    const highlights = compareHighlights([
      finished({ timeToFirstTokenMs: 200, latencyMs: 3000, costUsd: 0.01 }),
      finished({ timeToFirstTokenMs: 500, latencyMs: 900, costUsd: 0.001 }),
      finished({ timeToFirstTokenMs: 200, latencyMs: 1500, costUsd: 0.002 }),
    ]);
    expect(highlights).toEqual([["Fastest first token"], ["Fastest", "Cheapest"], ["Fastest first token"]]);
  });

  it("marks nothing until two columns finished, and skips failed or unpriced ones", () => {
    expect(compareHighlights([finished(), { ...finished(), status: "error" }, null])).toEqual([[], [], []]);
    expect(
      compareHighlights([
        finished({ costUsd: null, timeToFirstTokenMs: null }),
        finished({ costUsd: 0.5, latencyMs: 100 }),
      ]),
    ).toEqual([[], ["Fastest"]]);
  });
});
