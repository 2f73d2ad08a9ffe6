import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { listRouterModels } from "@/lib/catalog/list-router-models";
import { JsonResponse } from "@/lib/gateway/core/http/json-response";

export const dynamic = "force-dynamic";
export const GET = withGatewayKey("openai", async () => JsonResponse.of(listRouterModels()));
