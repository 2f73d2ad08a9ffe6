import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { handleListAnthropicModels } from "@/lib/gateway/handlers/anthropic-models";

export const dynamic = "force-dynamic";
export const GET = withGatewayKey("anthropic", handleListAnthropicModels);
