import {
  anthropicModelListQuerySchema,
  anthropicModelRetrieveQuerySchema,
  findAnthropicModel,
  listAnthropicModels,
} from "@/lib/catalog/list-anthropic-models";
import { whyModelUnavailable } from "@/lib/catalog/model-availability";
import { parseGatewayModelId } from "@/lib/catalog/model-catalog";
import { PROVIDER_LABELS } from "@/lib/credentials/providers";
import type { z } from "zod";
import { GatewayError, InvalidRequestError } from "../core/gateway-error";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";
import { modelAccessForPrincipal } from "../routing/model-access-for-principal";

const MODELS_PATH = "/v3/router/v1/models";

/**
 * GET /v3/router/v1/models: Anthropic's paginated list (`limit`, `after_id`, `before_id`) of the
 * models the caller can use; `?all=1` pages the whole catalog with `available` per model.
 */
export async function handleListAnthropicModels({ request, db, principal }: GatewayCall): Promise<GatewayAnswer> {
  const query = parseQuery(anthropicModelListQuerySchema, request.url);
  return jsonAnswer(listAnthropicModels(query, await modelAccessForPrincipal(db, principal)));
}

/**
 * GET /v3/router/v1/models/{id}: the id may hold slashes (`anthropic/claude-sonnet-4-6`), sent raw
 * or as %2F. A catalog model the caller cannot use is a 404, as in the list; `?all=1` returns it
 * with `available: false` instead, as the catalog list does.
 */
export async function handleRetrieveAnthropicModel({ request, db, principal }: GatewayCall): Promise<GatewayAnswer> {
  const query = parseQuery(anthropicModelRetrieveQuerySchema, request.url);
  const rawId = new URL(request.url).pathname.slice(`${MODELS_PATH}/`.length);
  let id = rawId;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    // Malformed %-escapes: look the id up as sent (it will not be found).
  }
  const model = findAnthropicModel(id);
  if (!model) {
    throw notFound(`model: ${id} is not in this gateway's catalog (GET ${MODELS_PATH} lists the ids).`);
  }
  const unavailable = whyModelUnavailable(model.id, await modelAccessForPrincipal(db, principal));
  if (query.all) return jsonAnswer({ ...model, available: unavailable === null });
  if (unavailable === "no_credential") {
    const provider = parseGatewayModelId(model.id)!.provider;
    throw notFound(
      `model: ${id} is not available: no enabled ${PROVIDER_LABELS[provider]} credential is configured for its provider. An admin can add one under AI Gateway › BYOK (GET ${MODELS_PATH}?all=1 lists the whole catalog).`,
    );
  }
  if (unavailable === "not_allowed") throw notFound(`model: ${id} is not available to this API key.`);
  return jsonAnswer(model);
}

function parseQuery<Schema extends z.ZodType>(schema: Schema, url: string): z.output<Schema> {
  const query = schema.safeParse(Object.fromEntries(new URL(url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0]!;
    const param = issue.path[0] === undefined ? null : String(issue.path[0]);
    throw new InvalidRequestError(
      issue.code === "unrecognized_keys" ? `Unknown query parameter: ${issue.keys.join(", ")}.` : issue.message,
      { param },
    );
  }
  return query.data;
}

function notFound(message: string) {
  return new GatewayError({
    status: 404,
    type: "not_found_error",
    anthropicType: "not_found_error",
    code: "model_not_found",
    param: "model_id",
    message,
  });
}
