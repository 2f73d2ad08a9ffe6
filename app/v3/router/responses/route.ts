import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { handleResponses } from "@/lib/gateway/handlers/responses";

export const dynamic = "force-dynamic";
export const POST = withGatewayKey("openai", handleResponses);
