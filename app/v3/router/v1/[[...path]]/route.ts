import { unknownEndpointRoutes } from "@/lib/gateway/handlers/unknown-endpoint";

/** Unknown paths under /v3/router/v1 (Anthropic-shaped endpoints): 401 without a gateway key, else a JSON 404. */
export const { GET, POST, PUT, PATCH, DELETE } = unknownEndpointRoutes("anthropic");

export const dynamic = "force-dynamic";
