import { z } from "zod";
import { listRouterModels, type RouterModel } from "./list-router-models";
import { isModelAvailable, type ModelAccess } from "./model-availability";

/**
 * GET /v3/router/v1/models in Anthropic's shape, for Anthropic SDK clients whose baseURL is
 * `…/v3/router` (`client.models.list()` / `.retrieve(id)`, Claude Code's gateway model discovery).
 * Ids as in GET /v3/router/models (with the provider prefix the gateway routes on), but only those
 * the caller can use; newest first as Anthropic lists them.
 * @see https://docs.anthropic.com/en/api/models-list
 */
export type AnthropicModelInfo = { type: "model"; id: string; display_name: string; created_at: string };

/** With `?all=1`: the whole catalog, each model saying whether this caller can use it. */
export type AnthropicCatalogModelInfo = AnthropicModelInfo & { available: boolean };

export type AnthropicModelPage<Model extends { id: string } = AnthropicModelInfo> = {
  data: Model[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
};

// Query strings carry text: `?all=1` and `?all=true` both ask for the catalog.
const queryFlag = (name: string) =>
  z
    .enum(["1", "true", "0", "false"], { message: `${name} must be 1, true, 0 or false` })
    .optional()
    .transform((value) => value === "1" || value === "true");

/**
 * Anthropic's pagination query: `limit` 1–1000 (default 20), and a cursor `after_id` or
 * `before_id`; and ours, `all`: list the whole catalog with availability instead of only the
 * models the caller can use.
 */
export const anthropicModelListQuerySchema = z
  .strictObject({
    limit: z.coerce
      .number({ message: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be between 1 and 1000")
      .max(1000, "limit must be between 1 and 1000")
      .default(20),
    after_id: z.string().min(1).optional(),
    before_id: z.string().min(1).optional(),
    all: queryFlag("all"),
  })
  .refine((query) => !(query.after_id && query.before_id), { message: "Use either after_id or before_id, not both." });
export type AnthropicModelListQuery = z.infer<typeof anthropicModelListQuerySchema>;

function toAnthropicModel(model: RouterModel): AnthropicModelInfo {
  return {
    type: "model",
    id: model.id,
    display_name: model.display_name,
    created_at: new Date(model.created * 1000).toISOString(),
  };
}

let allModels: AnthropicModelInfo[] | undefined;

/** Every model, newest release first (a stable sort: one model's providers stay together). */
function anthropicModels(): AnthropicModelInfo[] {
  allModels ??= listRouterModels()
    .data.map((model, index) => ({ model, index }))
    .sort((a, b) => b.model.created - a.model.created || a.index - b.index)
    .map(({ model }) => toAnthropicModel(model));
  return allModels;
}

/** GET /v3/router/v1/models/{id}'s query: only `all` (an SDK sends none). */
export const anthropicModelRetrieveQuerySchema = z.object({ all: queryFlag("all") });

/**
 * One page of the models this caller can use, the cursors and `has_more` computed over that
 * filtered list (so an SDK's auto-pagination never lands on an id it cannot call). With `all`,
 * a page of the whole catalog, each model with `available`.
 */
export function listAnthropicModels(
  query: AnthropicModelListQuery,
  access: ModelAccess,
): AnthropicModelPage<AnthropicModelInfo> | AnthropicModelPage<AnthropicCatalogModelInfo> {
  if (query.all) {
    return paginateAnthropicModels(
      anthropicModels().map((model) => ({ ...model, available: isModelAvailable(model.id, access) })),
      query,
    );
  }
  return paginateAnthropicModels(
    anthropicModels().filter((model) => isModelAvailable(model.id, access)),
    query,
  );
}

/** One page of `models`. An unknown cursor id is treated like Anthropic's: an empty page. */
export function paginateAnthropicModels<Model extends { id: string }>(
  models: readonly Model[],
  query: Pick<AnthropicModelListQuery, "limit" | "after_id" | "before_id">,
): AnthropicModelPage<Model> {
  let page: Model[];
  let hasMore: boolean;
  if (query.before_id !== undefined) {
    const end = models.findIndex((model) => model.id === query.before_id);
    const start = Math.max(0, end - query.limit);
    page = end === -1 ? [] : models.slice(start, end);
    hasMore = end !== -1 && start > 0;
  } else {
    const start = query.after_id === undefined ? 0 : models.findIndex((model) => model.id === query.after_id) + 1;
    page = query.after_id !== undefined && start === 0 ? [] : models.slice(start, start + query.limit);
    hasMore = page.length > 0 && start + query.limit < models.length;
  }
  return { data: page, has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null };
}

/** One model by gateway id; a bare `claude-…` id means its `anthropic/` entry, as in requests. */
export function findAnthropicModel(id: string): AnthropicModelInfo | undefined {
  const wanted = id.startsWith("claude-") ? `anthropic/${id}` : id;
  return anthropicModels().find((model) => model.id === wanted);
}
