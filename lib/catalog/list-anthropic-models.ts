import { z } from "zod";
import { listRouterModels, type RouterModel } from "./list-router-models";

/**
 * GET /v3/router/v1/models in Anthropic's shape, for Anthropic SDK clients whose baseURL is
 * `…/v3/router` (`client.models.list()` / `.retrieve(id)`). Same ids as GET /v3/router/models
 * (with the provider prefix the gateway routes on), newest first as Anthropic lists them.
 * @see https://docs.anthropic.com/en/api/models-list
 */
export type AnthropicModelInfo = { type: "model"; id: string; display_name: string; created_at: string };

export type AnthropicModelPage = {
  data: AnthropicModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
};

/** Anthropic's pagination query: `limit` 1–1000 (default 20), and a cursor `after_id` or `before_id`. */
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

/** One page of models. An unknown cursor id is treated like Anthropic's: an empty page. */
export function listAnthropicModels(query: AnthropicModelListQuery): AnthropicModelPage {
  const models = anthropicModels();
  let page: AnthropicModelInfo[];
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
