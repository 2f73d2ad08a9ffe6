import { describe, expect, it } from "vitest";
import { generateViewCode } from "./generate-view-code";
import { DEFAULT_QUICKSTART_MODEL, quickstartExamples, quickstartModelGroups } from "./quickstart-examples";

const allModels = quickstartModelGroups().flatMap((group) => group.models.map((model) => model.gatewayModelId));

describe("quickstart examples", () => {
  it("lists every non-deprecated model under each provider prefix, the default among them", () => {
    expect(quickstartModelGroups().map((group) => group.provider)).toEqual(["anthropic", "aws", "google"]);
    expect(allModels).toContain(DEFAULT_QUICKSTART_MODEL);
    expect(allModels).toContain("aws/anthropic/claude-sonnet-4-6");
  });

  it.each(allModels)("%s: every example is a request the gateway accepts for that model", (model) => {
    const examples = quickstartExamples(model);
    expect(examples.map((example) => example.id)).toEqual(expect.arrayContaining(["chat", "streaming", "fallbacks"]));
    for (const example of examples) {
      const result = generateViewCode(example.request, { baseUrl: "http://localhost:3000" });
      expect(result, example.id).toMatchObject({ ok: true });
      expect(result.ok && result.gatewayRejects, `${model} ${example.id}`).toBeUndefined();
    }
  });

  it("offers thinking in the mode the model supports", () => {
    const thinkingOf = (model: string) =>
      quickstartExamples(model).find((example) => example.id === "thinking")?.request.thinking;
    expect(thinkingOf("anthropic/claude-opus-4-6")).toEqual({ type: "adaptive" });
    expect(thinkingOf("anthropic/claude-haiku-4-5-20251001")).toEqual({ type: "enabled", budget_tokens: 8000 });
  });

  it("falls back to the same model on the other providers", () => {
    const fallbacks = quickstartExamples("aws/anthropic/claude-sonnet-4-6").find(
      (example) => example.id === "fallbacks",
    );
    expect(fallbacks?.request.fallbacks).toEqual([
      { model: "anthropic/claude-sonnet-4-6" },
      { model: "google/anthropic/claude-sonnet-4-6" },
    ]);
  });

  it("has no examples for a model id the gateway cannot route", () => {
    expect(quickstartExamples("openai/gpt-4o")).toEqual([]);
  });
});
