import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { listRouterModels } from "@/lib/catalog/list-router-models";

export const dynamic = "force-dynamic";
export const GET = withGatewayKey("openai", async () => Response.json(listRouterModels()));
