import { listRouterModels } from "@/lib/catalog/list-router-models";
import { JsonResponse } from "../core/http/json-response";

/** GET /v3/router/models: the OpenAI-shaped model list. */
export async function handleRouterModels(): Promise<Response> {
  return JsonResponse.of(listRouterModels());
}
