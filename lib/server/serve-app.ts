import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { installGracefulShutdown } from "@/lib/request-log/graceful-shutdown";
import { GATEWAY_ROUTES, matchGatewayRoute, routeHandler, type GatewayRouteModule, type RouteHandler } from "./gateway-routes";
import { sendWebResponse, toWebRequest } from "./node-web-bridge";

export type ServeOptions = { dir: string; host: string; port: number };

/**
 * The production server (`switchyard start`): one Node HTTP server in front of Next.js. Gateway
 * requests (/v2/…, /v3/…) go straight to their route files' handlers — the same exports
 * Next.js would call — skipping Next.js's request pipeline (routing, tracing spans, request
 * adapters, response piping), which costs more than the gateway's own work and is the
 * difference between ~1 ms and ~2 ms of added latency (bench/results.md). Everything else
 * (pages, /api, assets) is Next.js's, and so are the gateway paths it alone handles the same
 * way every time: methods a route does not export, trailing slashes, encoded paths.
 */
export async function serveApp({ dir, host, port }: ServeOptions): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: host, port });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  // Loaded before listening, so the first gateway request does not wait for them.
  const modules = new Map<string, GatewayRouteModule>(
    await Promise.all(GATEWAY_ROUTES.map(async (route) => [route.file, await route.load()] as const)),
  );

  const server = createServer({ noDelay: true }, (req, res) => {
    const pathname = pathnameOf(req.url);
    const route = pathname ? matchGatewayRoute(pathname) : undefined;
    const handler = route && routeHandler(modules.get(route.file)!, req.method);
    if (handler) void serveGateway(handler, req, res);
    else void handleWithNext(req, res);
  });
  installGracefulShutdown(() => {
    server.close();
    server.closeIdleConnections();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

async function serveGateway(handler: RouteHandler, req: IncomingMessage, res: ServerResponse) {
  try {
    const response = await handler(toWebRequest(req, res));
    await sendWebResponse(res, response, req.method);
  } catch (error) {
    failed(res, error);
  }
}

/** Handlers render their own errors; this is the last line behind them, never a crash. */
function failed(res: ServerResponse, error: unknown) {
  console.error("gateway: unhandled error:", error);
  if (res.headersSent) return void res.destroy();
  res.statusCode = 500;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ error: { message: "Internal server error.", type: "server_error", param: null, code: null } }));
}

function pathnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
