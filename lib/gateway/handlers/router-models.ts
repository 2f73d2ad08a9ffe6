import { listRouterModels } from "@/lib/catalog/list-router-models";
import { jsonAnswer, type GatewayAnswer } from "../core/http/gateway-answer";

/** GET /v3/router/models: the OpenAI-shaped model list. */
export async function handleRouterModels(): Promise<GatewayAnswer> {
  return jsonAnswer(listRouterModels());
}
