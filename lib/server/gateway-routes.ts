import type { GatewayRequest } from "@/lib/gateway/core/http/gateway-request";

/**
 * The gateway's route files (app/v2/**, app/v3/**) as a table the production server dispatches
 * on directly, without Next.js's request pipeline (see serve-app.ts). The handlers are the route
 * files' own exports, so `next dev`, `next start` and the fast path run the same code; a test
 * keeps this list equal to the files on disk.
 */
export type GatewayRouteModule = { readonly [exported: string]: unknown };
export type RouteHandler = (request: GatewayRequest) => Promise<Response>;

/** The module's handler for an HTTP method (`POST`, …), if it exports one. */
export function routeHandler(module: GatewayRouteModule, method: string | undefined): RouteHandler | undefined {
  const handler = method && /^[A-Z]+$/.test(method) ? module[method] : undefined;
  return typeof handler === "function" ? (handler as RouteHandler) : undefined;
}

export type GatewayRoute = {
  /** The route file, relative to the project root. */
  file: string;
  load: () => Promise<GatewayRouteModule>;
};

export const GATEWAY_ROUTES: GatewayRoute[] = [
  { file: "app/v2/[[...path]]/route.ts", load: () => import("@/app/v2/[[...path]]/route") },
  { file: "app/v2/proxy/chat/completions/route.ts", load: () => import("@/app/v2/proxy/chat/completions/route") },
  { file: "app/v3/[[...path]]/route.ts", load: () => import("@/app/v3/[[...path]]/route") },
  { file: "app/v3/router/chat/completions/route.ts", load: () => import("@/app/v3/router/chat/completions/route") },
  { file: "app/v3/router/models/route.ts", load: () => import("@/app/v3/router/models/route") },
  { file: "app/v3/router/responses/route.ts", load: () => import("@/app/v3/router/responses/route") },
  { file: "app/v3/router/v1/[[...path]]/route.ts", load: () => import("@/app/v3/router/v1/[[...path]]/route") },
  { file: "app/v3/router/v1/messages/route.ts", load: () => import("@/app/v3/router/v1/messages/route") },
  {
    file: "app/v3/router/v1/messages/count_tokens/route.ts",
    load: () => import("@/app/v3/router/v1/messages/count_tokens/route"),
  },
  { file: "app/v3/router/v1/models/route.ts", load: () => import("@/app/v3/router/v1/models/route") },
  { file: "app/v3/router/v1/models/[...id]/route.ts", load: () => import("@/app/v3/router/v1/models/[...id]/route") },
];

type Segment = { kind: "literal"; value: string } | { kind: "catch-all" } | { kind: "optional-catch-all" };
type CompiledRoute = { route: GatewayRoute; segments: Segment[]; literals: number };

function compile(route: GatewayRoute): CompiledRoute {
  const segments: Segment[] = route.file
    .split("/")
    .slice(1, -1)
    .map((part) => {
      if (/^\[\[\.\.\.[^\]]+\]\]$/.test(part)) return { kind: "optional-catch-all" };
      if (/^\[\.\.\.[^\]]+\]$/.test(part)) return { kind: "catch-all" };
      if (part.startsWith("[") || part.startsWith("(") || part.startsWith("@"))
        throw new Error(`gateway route ${route.file}: unsupported segment ${part}`);
      return { kind: "literal", value: part };
    });
  return { route, segments, literals: segments.filter((segment) => segment.kind === "literal").length };
}

// Most literal segments first; at equal depth a required catch-all before an optional one — the
// order in which Next.js prefers static segments over dynamic ones for these shapes.
const COMPILED = GATEWAY_ROUTES.map(compile).sort(
  (a, b) =>
    b.literals - a.literals ||
    Number(a.segments.at(-1)?.kind === "optional-catch-all") - Number(b.segments.at(-1)?.kind === "optional-catch-all"),
);

/**
 * Only plain paths take the fast path; anything Next.js would rewrite or redirect (a trailing
 * slash, `//`, percent-encoding, dot segments) is left to Next.js so both answer the same.
 */
const PLAIN_PATH = /^(\/[A-Za-z0-9_\-:@~]+(?:\.[A-Za-z0-9_\-:@~]+)*)+$/;

/** The route file serving `pathname` (query string already removed), or undefined when the path is not the gateway's. */
export function matchGatewayRoute(pathname: string): GatewayRoute | undefined {
  if (!pathname.startsWith("/v2") && !pathname.startsWith("/v3")) return undefined;
  if (!PLAIN_PATH.test(pathname)) return undefined;
  const parts = pathname.split("/").slice(1);
  for (const { route, segments } of COMPILED) if (matches(segments, parts)) return route;
  return undefined;
}

function matches(segments: Segment[], parts: string[]): boolean {
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    if (segment.kind === "optional-catch-all") return true;
    if (segment.kind === "catch-all") return parts.length > index;
    if (parts[index] !== segment.value) return false;
  }
  return parts.length === segments.length;
}
