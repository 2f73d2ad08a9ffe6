import { nextGatewayRoutes } from "@/lib/gateway/next-gateway-routes";

/** Every path under /v3: dispatched on the gateway's route table (lib/gateway/gateway-routes.ts). */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = nextGatewayRoutes("/v3");

export const dynamic = "force-dynamic";
