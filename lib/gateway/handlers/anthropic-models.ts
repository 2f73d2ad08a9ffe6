import {
  anthropicModelListQuerySchema,
  findAnthropicModel,
  listAnthropicModels,
} from "@/lib/catalog/list-anthropic-models";
import { GatewayError, InvalidRequestError } from "../core/gateway-error";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";

const MODELS_PATH = "/v3/router/v1/models";

/** GET /v3/router/v1/models: Anthropic's paginated list (`limit`, `after_id`, `before_id`). */
export async function handleListAnthropicModels({ request }: GatewayCall): Promise<GatewayAnswer> {
  const query = anthropicModelListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    const param = issue.path[0] === undefined ? null : String(issue.path[0]);
    throw new InvalidRequestError(
      issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}.` : issue.message,
      { param },
    );
  }
  return jsonAnswer(listAnthropicModels(query.data));
}

/** GET /v3/router/v1/models/{id}: the id may hold slashes (`anthropic/claude-sonnet-4-6`), sent raw or as %2F. */
export async function handleRetrieveAnthropicModel({ request }: GatewayCall): Promise<GatewayAnswer> {
  const rawId = new URL(request.url).pathname.slice(`${MODELS_PATH}/`.length);
  let id = rawId;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    // Malformed %-escapes: look the id up as sent (it will not be found).
  }
  const model = findAnthropicModel(id);
  if (!model) {
    throw new GatewayError({
      status: 404,
      type: "not_found_error",
      anthropicType: "not_found_error",
      code: "model_not_found",
      param: "model_id",
      message: `model: ${id} is not in this gateway's catalog (GET ${MODELS_PATH} lists the ids).`,
    });
  }
  return jsonAnswer(model);
}
