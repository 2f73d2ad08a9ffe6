import { describe, expect, it } from "vitest";
import { anthropicModelListQuerySchema, findAnthropicModel, listAnthropicModels } from "./list-anthropic-models";
import { listRouterModels } from "./list-router-models";

const query = (raw: Record<string, string> = {}) => anthropicModelListQuerySchema.parse(raw);
const everyId = () => listAnthropicModels(query({ limit: "1000" })).data.map((model) => model.id);

describe("listAnthropicModels (GET /v3/router/v1/models)", () => {
  it("lists the same ids as GET /v3/router/models, newest release first, in Anthropic's model shape", () => {
    const all = listAnthropicModels(query({ limit: "1000" }));
    expect(all.data.map((model) => model.id).sort()).toEqual(
      listRouterModels()
        .data.map((model) => model.id)
        .sort(),
    );
    const created = all.data.map((model) => Date.parse(model.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(all.data.find((model) => model.id === "anthropic/claude-sonnet-4-6")).toEqual({
      type: "model",
      id: "anthropic/claude-sonnet-4-6",
      display_name: "Claude Sonnet 4.6",
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/),
    });
    expect(all).toMatchObject({ has_more: false, first_id: all.data[0]!.id, last_id: all.data.at(-1)!.id });
  });

  it("pages with limit and after_id / before_id as the Anthropic SDK's auto-pagination expects", () => {
    const ids = everyId();
    const first = listAnthropicModels(query({ limit: "5" }));
    expect(first.data.map((model) => model.id)).toEqual(ids.slice(0, 5));
    expect(first).toMatchObject({ has_more: true, first_id: ids[0], last_id: ids[4] });

    const second = listAnthropicModels(query({ limit: "5", after_id: ids[4]! }));
    expect(second.data.map((model) => model.id)).toEqual(ids.slice(5, 10));

    const back = listAnthropicModels(query({ limit: "3", before_id: ids[5]! }));
    expect(back.data.map((model) => model.id)).toEqual(ids.slice(2, 5));
    expect(back.has_more).toBe(true);

    const last = listAnthropicModels(query({ limit: "5", after_id: ids.at(-3)! }));
    expect(last).toMatchObject({ has_more: false, last_id: ids.at(-1) });
    expect(last.data).toHaveLength(2);
  });

  it("defaults to 20 per page and answers an unknown cursor with an empty page", () => {
    expect(listAnthropicModels(query()).data).toHaveLength(20);
    expect(listAnthropicModels(query({ after_id: "anthropic/claude-nonexistent" }))).toEqual({
      data: [],
      has_more: false,
      first_id: null,
      last_id: null,
    });
  });

  it.each([
    [{ limit: "0" }, "limit must be between 1 and 1000"],
    [{ limit: "1001" }, "limit must be between 1 and 1000"],
    [{ limit: "ten" }, "limit must be a number"],
    [{ after_id: "a", before_id: "b" }, "Use either after_id or before_id, not both."],
  ])("rejects the query %j", (raw, message) => {
    const result = anthropicModelListQuerySchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("findAnthropicModel (GET /v3/router/v1/models/{id})", () => {
  it.each([
    ["anthropic/claude-sonnet-4-6", "anthropic/claude-sonnet-4-6"],
    ["aws/anthropic/claude-sonnet-4-6", "aws/anthropic/claude-sonnet-4-6"],
    ["google/anthropic/claude-haiku-4-5-20251001", "google/anthropic/claude-haiku-4-5-20251001"],
    ["claude-sonnet-4-6", "anthropic/claude-sonnet-4-6"],
  ])("%s → %s", (id, expected) => {
    expect(findAnthropicModel(id)?.id).toBe(expected);
  });

  it("knows nothing outside the catalog", () => {
    expect(findAnthropicModel("anthropic/claude-nonexistent")).toBeUndefined();
    expect(findAnthropicModel("openai/gpt-5")).toBeUndefined();
  });
});
