import { withGatewayKey } from "@/lib/gateway/http/with-gateway-key";
import { handleUnknownEndpoint } from "@/lib/gateway/handlers/unknown-endpoint";

/** Unknown paths under /v2 (the /v2/proxy alias): 401 without a gateway key, else a JSON 404. */
const unknownEndpoint = withGatewayKey("openai", handleUnknownEndpoint);

export const dynamic = "force-dynamic";
export {
  unknownEndpoint as GET,
  unknownEndpoint as POST,
  unknownEndpoint as PUT,
  unknownEndpoint as PATCH,
  unknownEndpoint as DELETE,
};
