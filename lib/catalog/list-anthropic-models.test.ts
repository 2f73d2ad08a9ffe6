import { describe, expect, it } from "vitest";
import {
  anthropicModelListQuerySchema,
  anthropicModelRetrieveQuerySchema,
  findAnthropicModel,
  listAnthropicModels,
  paginateAnthropicModels,
} from "./list-anthropic-models";
import { listRouterModels } from "./list-router-models";
import type { ModelAccess } from "./model-availability";

const EVERYTHING: ModelAccess = { providers: new Set(["anthropic", "aws", "google"]), allowlist: null };
const ANTHROPIC_ONLY: ModelAccess = { providers: new Set(["anthropic"]), allowlist: null };
const query = (raw: Record<string, string> = {}) => anthropicModelListQuerySchema.parse(raw);
const idsOf = (page: { data: Array<{ id: string }> }) => page.data.map((model) => model.id);
const everyId = () => idsOf(listAnthropicModels(query({ limit: "1000" }), EVERYTHING));

describe("listAnthropicModels (GET /v3/router/v1/models)", () => {
  it("lists the same ids as GET /v3/router/models, newest release first, in Anthropic's model shape", () => {
    const all = listAnthropicModels(query({ limit: "1000" }), EVERYTHING);
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
    const first = listAnthropicModels(query({ limit: "5" }), EVERYTHING);
    expect(first.data.map((model) => model.id)).toEqual(ids.slice(0, 5));
    expect(first).toMatchObject({ has_more: true, first_id: ids[0], last_id: ids[4] });

    const second = listAnthropicModels(query({ limit: "5", after_id: ids[4]! }), EVERYTHING);
    expect(second.data.map((model) => model.id)).toEqual(ids.slice(5, 10));

    const back = listAnthropicModels(query({ limit: "3", before_id: ids[5]! }), EVERYTHING);
    expect(back.data.map((model) => model.id)).toEqual(ids.slice(2, 5));
    expect(back.has_more).toBe(true);

    const last = listAnthropicModels(query({ limit: "5", after_id: ids.at(-3)! }), EVERYTHING);
    expect(last).toMatchObject({ has_more: false, last_id: ids.at(-1) });
    expect(last.data).toHaveLength(2);
  });

  it("defaults to 20 per page and answers an unknown cursor with an empty page", () => {
    expect(listAnthropicModels(query(), EVERYTHING).data).toHaveLength(20);
    expect(listAnthropicModels(query({ after_id: "anthropic/claude-nonexistent" }), EVERYTHING)).toEqual({
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
    [{ all: "yes" }, "all must be 1, true, 0 or false"],
    [{ beta: "true" }, 'Unrecognized key: "beta"'],
  ])("rejects the query %j", (raw, message) => {
    const result = anthropicModelListQuerySchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});

describe("listAnthropicModels: only the models the caller can use", () => {
  it("lists only the ids of providers with a credential, paging over that filtered list", () => {
    const ids = idsOf(listAnthropicModels(query({ limit: "1000" }), ANTHROPIC_ONLY));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith("anthropic/"))).toBe(true);
    expect(ids).toEqual(everyId().filter((id) => id.startsWith("anthropic/")));

    const pages: string[] = [];
    let page = listAnthropicModels(query({ limit: "4" }), ANTHROPIC_ONLY);
    pages.push(...idsOf(page));
    while (page.has_more) {
      page = listAnthropicModels(query({ limit: "4", after_id: page.last_id! }), ANTHROPIC_ONLY);
      pages.push(...idsOf(page));
    }
    expect(pages).toEqual(ids);
  });

  it("applies the caller's allowlist on top of the providers", () => {
    const access: ModelAccess = { ...EVERYTHING, allowlist: (id) => id.endsWith("claude-sonnet-4-6") };
    expect(idsOf(listAnthropicModels(query({ limit: "1000" }), access)).sort()).toEqual([
      "anthropic/claude-sonnet-4-6",
      "aws/anthropic/claude-sonnet-4-6",
      "google/anthropic/claude-sonnet-4-6",
    ]);
  });

  it("lists nothing when no provider has a credential", () => {
    expect(listAnthropicModels(query(), { providers: new Set(), allowlist: null })).toEqual({
      data: [],
      has_more: false,
      first_id: null,
      last_id: null,
    });
  });

  it.each(["1", "true"])("?all=%s lists the whole catalog, each model with available", (all) => {
    const page = listAnthropicModels(query({ limit: "1000", all }), ANTHROPIC_ONLY);
    expect(idsOf(page)).toEqual(everyId());
    for (const model of page.data) {
      expect(model).toMatchObject({ available: model.id.startsWith("anthropic/") });
    }
  });

  it("?all=0 is the filtered list, without the field", () => {
    const page = listAnthropicModels(query({ limit: "1000", all: "0" }), ANTHROPIC_ONLY);
    expect(idsOf(page).every((id) => id.startsWith("anthropic/"))).toBe(true);
    expect(page.data[0]).not.toHaveProperty("available");
  });

  it("the retrieve query takes all and ignores what it does not know", () => {
    expect(anthropicModelRetrieveQuerySchema.parse({ all: "1" })).toEqual({ all: true });
    expect(anthropicModelRetrieveQuerySchema.parse({ other: "x" })).toEqual({ all: false });
  });
});

describe("paginateAnthropicModels", () => {
  const models = ["a", "b", "c", "d", "e"].map((id) => ({ id }));
  it.each([
    [{ limit: 2 }, ["a", "b"], true],
    [{ limit: 2, after_id: "b" }, ["c", "d"], true],
    [{ limit: 2, after_id: "d" }, ["e"], false],
    [{ limit: 2, after_id: "e" }, [], false],
    [{ limit: 5 }, ["a", "b", "c", "d", "e"], false],
    [{ limit: 2, before_id: "e" }, ["c", "d"], true],
    [{ limit: 2, before_id: "b" }, ["a"], false],
    [{ limit: 2, before_id: "a" }, [], false],
    [{ limit: 2, after_id: "zz" }, [], false],
    [{ limit: 2, before_id: "zz" }, [], false],
  ])("%j → %j, has_more %s", (cursor, ids, hasMore) => {
    const page = paginateAnthropicModels(models, cursor);
    expect(page).toEqual({
      data: ids.map((id) => ({ id })),
      has_more: hasMore,
      first_id: ids[0] ?? null,
      last_id: ids.at(-1) ?? null,
    });
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
