import type { GatewayProtocol } from "./core/http/gateway-protocol";
import { handleAnthropicMessages, handleCountTokens } from "./handlers/anthropic-messages";
import { handleListAnthropicModels, handleRetrieveAnthropicModel } from "./handlers/anthropic-models";
import { handleChatCompletions } from "./handlers/chat-completions";
import { handleRouterModels } from "./handlers/router-models";
import { handleResponses } from "./handlers/responses";
import type { GatewayHandler } from "./pipeline/run-gateway-call";
import type { GatewayEndpoint } from "@/lib/observability/gateway-metrics";

export type GatewayRoute = {
  method: "GET" | "POST";
  /** An exact path, or a prefix ending in `/*` (one or more further segments). */
  path: string;
  /** The wire format of the route's answers and errors. */
  protocol: GatewayProtocol;
  /** What the route serves, as metrics name it. */
  endpoint: GatewayEndpoint;
  handler: GatewayHandler;
};

/**
 * The gateway's endpoints: the one list. The production server (lib/server/serve-app.ts) and,
 * under `next dev`, the catch-all routes app/v2/[[...path]] and app/v3/[[...path]] dispatch on it
 * (serve-gateway-request.ts); a test keeps app/ holding nothing else under /v2 and /v3.
 */
export const GATEWAY_ROUTES: readonly GatewayRoute[] = [
  {
    method: "POST",
    path: "/v3/router/chat/completions",
    protocol: "openai",
    endpoint: "chat.completions",
    handler: handleChatCompletions,
  },
  {
    method: "POST",
    path: "/v2/proxy/chat/completions",
    protocol: "openai",
    endpoint: "chat.completions",
    handler: handleChatCompletions,
  },
  { method: "POST", path: "/v3/router/responses", protocol: "openai", endpoint: "responses", handler: handleResponses },
  { method: "GET", path: "/v3/router/models", protocol: "openai", endpoint: "models", handler: handleRouterModels },
  {
    method: "POST",
    path: "/v3/router/v1/messages",
    protocol: "anthropic",
    endpoint: "messages",
    handler: handleAnthropicMessages,
  },
  {
    method: "POST",
    path: "/v3/router/v1/messages/count_tokens",
    protocol: "anthropic",
    endpoint: "count_tokens",
    handler: handleCountTokens,
  },
  {
    method: "GET",
    path: "/v3/router/v1/models",
    protocol: "anthropic",
    endpoint: "models",
    handler: handleListAnthropicModels,
  },
  {
    method: "GET",
    path: "/v3/router/v1/models/*",
    protocol: "anthropic",
    endpoint: "models",
    handler: handleRetrieveAnthropicModel,
  },
];

/** Every other path under these prefixes is an unknown endpoint, answered in the prefix's protocol (longest first). */
export const GATEWAY_PREFIXES: readonly { prefix: string; protocol: GatewayProtocol }[] = [
  { prefix: "/v3/router/v1", protocol: "anthropic" },
  { prefix: "/v3", protocol: "openai" },
  { prefix: "/v2", protocol: "openai" },
];

export type GatewayMatch =
  | { kind: "route"; route: GatewayRoute }
  | { kind: "method-not-allowed"; protocol: GatewayProtocol; allowed: string[] }
  | { kind: "unknown-endpoint"; protocol: GatewayProtocol };

type PathEntry = { protocol: GatewayProtocol; byMethod: Map<string, GatewayRoute> };

const EXACT = new Map<string, PathEntry>();
const PREFIXED: { prefix: string; entry: PathEntry }[] = [];
for (const route of GATEWAY_ROUTES) {
  const wildcard = route.path.endsWith("/*");
  const key = wildcard ? route.path.slice(0, -1) : route.path;
  let entry = wildcard ? PREFIXED.find((candidate) => candidate.prefix === key)?.entry : EXACT.get(key);
  if (!entry) {
    entry = { protocol: route.protocol, byMethod: new Map() };
    if (wildcard) PREFIXED.push({ prefix: key, entry });
    else EXACT.set(key, entry);
  }
  entry.byMethod.set(route.method, route);
}
PREFIXED.sort((a, b) => b.prefix.length - a.prefix.length);

/** The protocol a gateway path answers in (also for answers given before any route runs: 405, 431). */
export function gatewayProtocolForPath(pathname: string): GatewayProtocol {
  return prefixOf(pathname)?.protocol ?? "openai";
}

function prefixOf(pathname: string) {
  return GATEWAY_PREFIXES.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * What serves `method` on `pathname` (no query string), or undefined when the path is not the
 * gateway's. HEAD is served by a GET route (the server sends no body); OPTIONS and any method a
 * path does not serve get `method-not-allowed` with the methods it does.
 */
export function matchGatewayRequest(method: string, pathname: string): GatewayMatch | undefined {
  const prefix = prefixOf(pathname);
  if (!prefix) return undefined;
  const entry =
    EXACT.get(pathname) ??
    PREFIXED.find(({ prefix: start }) => pathname.length > start.length && pathname.startsWith(start))?.entry;
  if (!entry) return { kind: "unknown-endpoint", protocol: prefix.protocol };
  const route = entry.byMethod.get(method === "HEAD" ? "GET" : method);
  if (route) return { kind: "route", route };
  const allowed = [...entry.byMethod.keys()];
  if (allowed.includes("GET")) allowed.push("HEAD");
  return { kind: "method-not-allowed", protocol: entry.protocol, allowed: [...allowed, "OPTIONS"] };
}
