import { describe, expect, it } from "vitest";
import { findCatalogEntry } from "@/lib/catalog/model-catalog";
import { checkCacheBreakpoints } from "./cache-breakpoints";
import { cacheTimeline } from "./cache-timeline";
import { defaultPlaygroundSettings, type StoredMessage } from "@/lib/conversations/document/conversation-document";
import { coerceThinking, thinkingModeOptions } from "./thinking-options";
import { priceTurn, toTurnUsage } from "@/lib/conversations/turns/turn-metrics";
import { validateTurnSettings, toolSchemaProblem } from "./validate-turn-settings";
import {
  attachmentProblem,
  mediaTypeFromUrl,
  requestSizeProblem,
} from "@/lib/conversations/attachments/attachment-limits";
import { hintForGatewayError } from "@/lib/conversations/turns/turn-error";

const entry = (id: string) => {
  const found = findCatalogEntry(id);
  if (!found) throw new Error(`no catalog entry ${id}`);
  return found;
};
const modelFacts = (id: string) => ({
  displayName: entry(id).displayName,
  capabilities: entry(id).capabilities,
  maxOutputTokens: entry(id).maxOutputTokens,
  defaultMaxTokens: entry(id).defaultMaxTokens,
});

const userMessage = (position: number, text: string, cache: StoredMessage["cache"] = null) => ({
  role: "user",
  parts: [{ type: "text" as const, text }],
  cache,
  position,
});

describe("checkCacheBreakpoints", () => {
  const base = { attachments: new Map(), minimumCacheableTokens: 1024 };

  it("lists breakpoints in prompt order with their estimated prefix", () => {
    const check = checkCacheBreakpoints({
      ...base,
      settings: { ...defaultPlaygroundSettings, systemPrompt: "x".repeat(8000), systemCache: { ttl: "1h" } },
      messages: [userMessage(0, "y".repeat(4000), { ttl: "5m" })],
    });
    expect(check.breakpoints).toEqual([
      { label: "System prompt", ttl: "1h", estimatedPrefixTokens: 2000 },
      { label: "Message 1", ttl: "5m", estimatedPrefixTokens: 3000 },
    ]);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
  });

  it.each([
    [
      "more than 4 breakpoints",
      [1, 2, 3, 4, 5].map((index) => userMessage(index, "hi", { ttl: "5m" })),
      /At most 4 cache breakpoints/,
    ],
    [
      "a 1h breakpoint after a 5m one",
      [userMessage(0, "a", { ttl: "5m" }), userMessage(1, "b", { ttl: "1h" })],
      /1h breakpoints must come before 5m ones/,
    ],
  ])("refuses %s", (_name, messages, error) => {
    const check = checkCacheBreakpoints({ ...base, settings: defaultPlaygroundSettings, messages });
    expect(check.errors.join("\n")).toMatch(error);
  });

  it("warns when a marked prefix is below the model's minimum", () => {
    const check = checkCacheBreakpoints({
      ...base,
      minimumCacheableTokens: 2048,
      settings: { ...defaultPlaygroundSettings, systemPrompt: "short", systemCache: { ttl: "5m" } },
      messages: [],
    });
    expect(check.warnings[0]).toMatch(/below this model's minimum of 2,048/);
  });
});

describe("turn usage and cost", () => {
  it("splits Chat Completions usage into uncached input, cache reads and per-TTL writes", () => {
    expect(
      toTurnUsage({
        prompt_tokens: 7060,
        completion_tokens: 9,
        cache_read_input_tokens: 2048,
        cache_creation_input_tokens: 5000,
        cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 4000 },
      }),
    ).toEqual({
      inputTokens: 12,
      outputTokens: 9,
      cacheReadTokens: 2048,
      cacheWrite5mTokens: 1000,
      cacheWrite1hTokens: 4000,
    });
  });

  it("prices cache reads at 0.1× and counts what they saved; writes cost a premium", () => {
    const pricing = entry("claude-sonnet-4-6").pricing;
    const input = pricing.inputPerMillionTokens / 1e6;
    const read = priceTurn(
      { inputTokens: 0, outputTokens: 0, cacheReadTokens: 1_000_000, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 },
      pricing,
    );
    expect(read.costUsd).toBeCloseTo(pricing.cacheReadPerMillionTokens);
    expect(read.cacheSavingsUsd).toBeCloseTo(1_000_000 * input * 0.9);
    const write = priceTurn(
      { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 1_000_000 },
      pricing,
    );
    expect(write.cacheSavingsUsd).toBeCloseTo(-1_000_000 * input);
  });
});

describe("cacheTimeline", () => {
  it("expires each breakpoint a TTL after the last turn that sent it", () => {
    const turn = (startedAt: string, labels: Array<[string, "5m" | "1h"]>) =>
      ({
        role: "assistant",
        request: {
          model: "m",
          settings: defaultPlaygroundSettings,
          cacheBreakpoints: labels.map(([label, ttl]) => ({ label, ttl })),
        },
        metrics: {
          usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 },
          startedAt,
        },
      }) as unknown as StoredMessage;
    expect(
      cacheTimeline([
        turn("2026-01-01T10:00:00.000Z", [
          ["System prompt", "1h"],
          ["Message 1", "5m"],
        ]),
        turn("2026-01-01T10:02:00.000Z", [["System prompt", "1h"]]),
      ]),
    ).toEqual([
      { label: "Message 1", ttl: "5m", lastUsedAt: "2026-01-01T10:00:00.000Z", expiresAt: "2026-01-01T10:05:00.000Z" },
      {
        label: "System prompt",
        ttl: "1h",
        lastUsedAt: "2026-01-01T10:02:00.000Z",
        expiresAt: "2026-01-01T11:02:00.000Z",
      },
    ]);
  });
});

describe("thinking and parameters follow the gateway's rules", () => {
  it("disables what a model cannot do, with the reason", () => {
    const opus47 = thinkingModeOptions(entry("claude-opus-4-7").capabilities, "Claude Opus 4.7");
    expect(opus47.find((option) => option.mode === "manual")?.disabledReason).toMatch(/only adaptive/);
    const haiku = thinkingModeOptions(entry("claude-haiku-4-5-20251001").capabilities, "Claude Haiku 4.5");
    expect(haiku.find((option) => option.mode === "adaptive")?.disabledReason).toMatch(/does not support adaptive/);
    const opus46 = thinkingModeOptions(entry("claude-opus-4-6").capabilities, "Claude Opus 4.6");
    expect(opus46.every((option) => option.disabledReason === null)).toBe(true);
  });

  it("moves a setting to the nearest one the new model supports", () => {
    expect(coerceThinking({ mode: "manual", budgetTokens: 8000 }, entry("claude-opus-4-7").capabilities)).toEqual({
      mode: "adaptive",
      effort: null,
    });
    expect(coerceThinking({ mode: "adaptive", effort: "xhigh" }, entry("claude-opus-4-6").capabilities)).toEqual({
      mode: "adaptive",
      effort: null,
    });
    expect(coerceThinking({ mode: "adaptive", effort: null }, entry("claude-haiku-4-5-20251001").capabilities)).toEqual(
      { mode: "manual", budgetTokens: 8000 },
    );
  });

  it.each([
    [
      "temperature ≠ 1 with thinking",
      "claude-sonnet-4-6",
      { thinking: { mode: "manual", budgetTokens: 4000 }, temperature: 0.5 },
      "temperature",
      /must be 1/,
    ],
    [
      "top_k with thinking",
      "claude-sonnet-4-6",
      { thinking: { mode: "manual", budgetTokens: 4000 }, topK: 5 },
      "topK",
      /top_k is not allowed/,
    ],
    [
      "sampling on a model without it",
      "claude-opus-4-7",
      { thinking: { mode: "adaptive", effort: null }, topP: 0.9 },
      "topP",
      /does not accept top_p/,
    ],
    [
      "max tokens over the model's limit",
      "claude-sonnet-4-6",
      { maxTokens: 10_000_000 },
      "maxTokens",
      /can produce at most/,
    ],
    [
      "a thinking budget below 1,024",
      "claude-sonnet-4-6",
      { thinking: { mode: "manual", budgetTokens: 500 } },
      "thinking.budget_tokens",
      /at least 1024/,
    ],
    [
      "a thinking budget at the model's output limit",
      "claude-sonnet-4-6",
      { thinking: { mode: "manual", budgetTokens: 128_000 } },
      "thinking.budget_tokens",
      /less than Claude Sonnet 4\.6's output limit of 128000/,
    ],
    ["max tokens below 1", "claude-sonnet-4-6", { maxTokens: 0 }, "maxTokens", /at least 1/],
    [
      "temperature over 1",
      "claude-sonnet-4-6",
      { temperature: 1.5 },
      "temperature",
      /between 0 and 1 for Claude models; got 1\.5/,
    ],
    ["top_p below 0", "claude-sonnet-4-6", { topP: -0.1 }, "topP", /between 0 and 1/],
    ["top_k below 1", "claude-sonnet-4-6", { topK: 0 }, "topK", /at least 1/],
    [
      "an effort the model lacks",
      "claude-opus-4-6",
      { thinking: { mode: "adaptive", effort: "xhigh" } },
      "thinking",
      /does not support effort/,
    ],
  ] as const)("refuses %s", (_name, modelId, changes, field, message) => {
    const { thinking, ...parameters } = changes as Record<string, unknown>;
    const settings = {
      ...defaultPlaygroundSettings,
      ...(thinking ? { thinking: thinking as never } : {}),
      parameters: { ...defaultPlaygroundSettings.parameters, ...parameters },
    };
    const problem = validateTurnSettings(settings, modelFacts(modelId)).errors.find(
      (candidate) => candidate.field === field,
    );
    expect(problem?.message).toMatch(message);
  });

  it("says what max_tokens the gateway sends when the budget is not below max tokens", () => {
    const settings = {
      ...defaultPlaygroundSettings,
      thinking: { mode: "manual" as const, budgetTokens: 2000 },
      parameters: { ...defaultPlaygroundSettings.parameters, maxTokens: 300 },
    };
    const check = validateTurnSettings(settings, modelFacts("claude-sonnet-4-6"));
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([{ field: "maxTokens", message: expect.stringMatching(/sends max_tokens 2,300/) }]);
  });

  it("warns about temperature with top_p", () => {
    const settings = {
      ...defaultPlaygroundSettings,
      parameters: { ...defaultPlaygroundSettings.parameters, temperature: 0.3, topP: 0.9 },
    };
    const check = validateTurnSettings(settings, modelFacts("claude-sonnet-4-6"));
    expect(check.errors).toEqual([]);
    expect(check.warnings[0]?.message).toMatch(/temperature and top_p together/);
  });

  it.each([
    [{ type: "object", properties: { city: { type: "string" } }, required: ["city"] }, null],
    [{ type: "array" }, /must have "type": "object"/],
    [{ type: "object", properties: { city: { type: "town" } } }, /unknown type/],
    [{ type: "object", properties: {}, required: ["city"] }, /not in "properties"/],
  ])("checks tool input schema %j", (parameters, problem) => {
    const found = toolSchemaProblem({ parameters });
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe("attachment limits", () => {
  it.each([
    [{ name: "a.png", type: "image/png", size: 10 }, null],
    [{ name: "big.png", type: "image/png", size: 6 * 1024 * 1024 }, /images may be at most 5\.0 MB/],
    [{ name: "big.pdf", type: "application/pdf", size: 33 * 1024 * 1024 }, /at most 32\.0 MB/],
    [{ name: "a.txt", type: "text/plain", size: 10 }, /only PNG, JPEG, GIF, WebP images and PDFs/],
    [{ name: "empty.pdf", type: "application/pdf", size: 0 }, /is empty/],
  ])("%j", (file, problem) => {
    const found = attachmentProblem(file);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it("counts the base64 size of a whole request, and reads URL types from the extension", () => {
    expect(requestSizeProblem(20 * 1024 * 1024)).toBeNull();
    expect(requestSizeProblem(25 * 1024 * 1024)).toMatch(/32\.0 MB/);
    expect(mediaTypeFromUrl("https://example.com/a/chart.PNG?x=1")).toBe("image/png");
    expect(mediaTypeFromUrl("https://example.com/doc.pdf")).toBe("application/pdf");
    expect(mediaTypeFromUrl("https://example.com/page")).toBeNull();
  });
});

describe("hintForGatewayError", () => {
  it.each([
    [{ code: "provider_not_configured", status: 400 }, /BYOK/],
    [{ code: null, status: 429 }, /Rate limited/],
    [{ code: null, status: 401 }, /Test connection/],
    [{ code: null, status: null }, /could not be reached/],
    [{ code: null, status: 529 }, /provider had a problem/],
  ])("%j", (error, hint) => {
    expect(hintForGatewayError({ ...error, message: "x" })).toMatch(hint);
  });
});
