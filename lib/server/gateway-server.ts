import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { getConfig } from "@/lib/env";
import { matchGatewayRequest, type GatewayMatch } from "@/lib/gateway/gateway-routes";
import { serveGatewayRequest } from "@/lib/gateway/serve-gateway-request";
import { metricsContentType, renderMetrics } from "@/lib/observability/gateway-metrics";
import { isAllowedHost, misdirectedBody } from "@/lib/ui-api/allowed-host";
import { answerClientError } from "./gateway-server-errors";
import { incomingTimeouts } from "./incoming-timeouts";
import { toGatewayRequest } from "./node-gateway-request";
import { sendJson } from "./node-web-bridge";
import { writeGatewayAnswer } from "./write-gateway-answer";

/**
 * Only plain paths take the fast path; anything Next.js would rewrite or redirect (a trailing
 * slash, `//`, percent-encoding, dot segments) goes to `other`: under `switchyard start` that is
 * Next.js, whose catch-all routes dispatch on the same table once it has normalized the path.
 */
const PLAIN_PATH = /^(\/[A-Za-z0-9_\-:@~]+(?:\.[A-Za-z0-9_\-:@~]+)*)+$/;

/**
 * The HTTP server of both serving modes: the Host check (ALLOWED_HOSTS), gateway requests
 * dispatched on the route table without Next.js, Node's unparseable requests answered in the
 * path's protocol; every other request goes to `other`.
 */
export function createGatewayServer(other: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const { client, allowedHosts } = getConfig();
  const server = createServer({ noDelay: true, ...incomingTimeouts(client) }, (req, res) => {
    const pathname = pathnameOf(req.url);
    if (!isAllowedHost(req.headers.host, allowedHosts)) return void misdirected(res, pathname ?? "/");
    const match =
      pathname && PLAIN_PATH.test(pathname) ? matchGatewayRequest(req.method ?? "GET", pathname) : undefined;
    if (match) return void serveGateway(match, req, res);
    if (pathname === "/metrics") return void serveMetrics(req, res);
    other(req, res);
  });
  server.on("clientError", answerClientError);
  return server;
}

async function serveGateway(match: GatewayMatch, req: IncomingMessage, res: ServerResponse) {
  try {
    writeGatewayAnswer(res, await serveGatewayRequest(toGatewayRequest(req, res), match), req.method);
  } catch (error) {
    failed(res, error);
  }
}

/**
 * Prometheus metrics of every server process on this machine (the workers' sum). Like the
 * health check it needs no key: point the scraper at the instance, not through the load balancer.
 */
async function serveMetrics(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return sendJson(
      res,
      405,
      {
        error: { message: "Use GET /metrics.", type: "invalid_request_error", param: null, code: "method_not_allowed" },
      },
      req.method,
      { allow: "GET, HEAD" },
    );
  }
  try {
    const body = Buffer.from(await renderMetrics());
    res.writeHead(200, {
      "content-type": metricsContentType(),
      "content-length": body.byteLength,
      "cache-control": "no-store",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch (error) {
    failed(res, error);
  }
}

/** Handlers render their own errors; this is the last line behind them, never a crash. */
function failed(res: ServerResponse, error: unknown) {
  console.error("gateway: unhandled error:", error);
  if (res.headersSent) return void res.destroy();
  sendJson(res, 500, { error: { message: "Internal server error.", type: "server_error", param: null, code: null } });
}

/** 421 for a Host this server does not answer for (ALLOWED_HOSTS): nothing behind it runs. */
function misdirected(res: ServerResponse, pathname: string) {
  const body = misdirectedBody(pathname);
  res.writeHead(421, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
}

function pathnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}
