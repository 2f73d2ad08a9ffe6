import { listRouterModels } from "@/lib/catalog/list-router-models";
import { isModelAvailable } from "@/lib/catalog/model-availability";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";
import type { GatewayCall } from "../pipeline/run-gateway-call";
import { modelAccessForPrincipal } from "../routing/model-access-for-principal";

/**
 * GET /v3/router/models: the OpenAI-shaped list of the whole catalog, each model with `available`
 * (whether this caller can use it). An extra field, like the catalog's others: the openai SDK
 * passes unknown fields through.
 */
export async function handleRouterModels({ db, principal }: GatewayCall): Promise<GatewayAnswer> {
  const access = await modelAccessForPrincipal(db, principal);
  const { object, data } = listRouterModels();
  return jsonAnswer({
    object,
    data: data.map((model) => ({ ...model, available: isModelAvailable(model.id, access) })),
  });
}
