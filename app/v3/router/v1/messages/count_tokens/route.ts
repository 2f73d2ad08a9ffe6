import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { handleCountTokens } from "@/lib/gateway/handlers/anthropic-messages";

export const dynamic = "force-dynamic";
export const POST = withGatewayKey("anthropic", handleCountTokens);
