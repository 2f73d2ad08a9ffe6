import { nextGatewayRoutes } from "@/lib/gateway/next-gateway-routes";

/** Every path under /v2: dispatched on the gateway's route table (lib/gateway/gateway-routes.ts). */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = nextGatewayRoutes("/v2");

export const dynamic = "force-dynamic";
