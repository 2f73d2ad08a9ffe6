import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { offThreadSqliteRequestLogWriter } from "@/lib/db/off-thread-request-log-writer";
import { getConfig } from "@/lib/env";
import { getDb } from "@/lib/db";
import { describeAppSecretMismatch } from "@/lib/credentials/app-secret-mismatch";
import { isAllowedHost, misdirectedBody } from "@/lib/ui-api/allowed-host";
import { installGracefulShutdown } from "@/lib/request-log/graceful-shutdown";
import { writeRequestLogRowsWith } from "@/lib/request-log/request-log";
import {
  GATEWAY_ROUTES,
  matchGatewayRoute,
  routeHandler,
  type GatewayRouteModule,
  type RouteHandler,
} from "./gateway-routes";
import { incomingTimeouts } from "./incoming-timeouts";
import { allowedMethods, answerClientError, sendMethodNotAllowed } from "./gateway-server-errors";
import { toGatewayRequest } from "./node-gateway-request";
import { sendWebResponse } from "./node-web-bridge";
import { proxyRequest, proxyTarget } from "./proxy-request";

export type ServeOptions = { dir: string; host: string; port: number };

/**
 * The production server (`switchyard start`): one Node HTTP server in front of Next.js. Gateway
 * requests (/v2/…, /v3/…) go straight to their route files' handlers — the same exports
 * Next.js would call — skipping Next.js's request pipeline (routing, tracing spans, request
 * adapters, response piping), which costs more than the gateway's own work. Everything else
 * (pages, /api, assets) is Next.js's, and so are the gateway paths it alone handles the same
 * way every time: methods a route does not export, trailing slashes, encoded paths.
 *
 * Next.js runs in a worker thread of this process, reached over a private Unix socket. Loaded on
 * the main thread it slowed every gateway request by a third (bench/results.md): its
 * AsyncLocalStorage stores switch on promise hooks for the whole thread, and it wraps globals
 * such as `Date`. A worker has its own V8 isolate, so none of that reaches the gateway.
 */
export async function serveApp({ dir, host, port }: ServeOptions): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  // better-sqlite3 blocks its thread for a whole INSERT: the log's batches go to a worker thread.
  const { database, client, allowedHosts } = getConfig();
  if (database.provider === "sqlite") writeRequestLogRowsWith(offThreadSqliteRequestLogWriter(database.file));
  await reportAppSecretMismatch();
  const next = await startNextWorker({ dir, host, port });
  const toNext = proxyTarget(next.socketPath);
  // Loaded before listening, so the first gateway request does not wait for them.
  const modules = new Map<string, GatewayRouteModule>(
    await Promise.all(GATEWAY_ROUTES.map(async (route) => [route.file, await route.load()] as const)),
  );

  const server = createServer({ noDelay: true, ...incomingTimeouts(client) }, (req, res) => {
    const pathname = pathnameOf(req.url);
    if (!isAllowedHost(req.headers.host, allowedHosts)) return void misdirected(res, pathname ?? "/");
    const route = pathname ? matchGatewayRoute(pathname) : undefined;
    const routeModule = route && modules.get(route.file)!;
    const handler = routeModule && routeHandler(routeModule, req.method);
    if (handler) return void serveGateway(handler, req, res);
    const method = req.method ?? "GET";
    const allowed = routeModule && allowedMethods(routeModule);
    // OPTIONS, and HEAD on a GET route, are Next.js's to answer; any other method is a 405 here.
    if (allowed && pathname && method !== "OPTIONS" && !(method === "HEAD" && allowed.includes("GET")))
      return sendMethodNotAllowed(res, pathname, method, allowed);
    proxyRequest(toNext, req, res);
  });
  server.on("clientError", answerClientError);
  installGracefulShutdown(
    () => {
      server.close();
      server.closeIdleConnections();
    },
    () => next.shutdown(),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/** A wrong APP_SECRET makes every stored credential unusable: say so at startup, not as a puzzling failure later. */
async function reportAppSecretMismatch() {
  try {
    const problem = await describeAppSecretMismatch(getDb());
    if (problem) console.error(`switchyard: ${problem}`);
  } catch {
    // The database not answering yet is /api/health's to report.
  }
}

type NextWorker = {
  socketPath: string;
  /** Stops accepting and writes the worker's buffered request log rows; resolves with how many could not be. */
  shutdown(deadlineMs?: number): Promise<number>;
};

/** Starts Next.js in its worker thread (next-worker.mjs) and waits until it serves. */
async function startNextWorker({ dir, host, port }: ServeOptions): Promise<NextWorker> {
  // A directory only this user can enter: the socket is reachable by this process alone.
  const socketDirectory = mkdtempSync(path.join(os.tmpdir(), "switchyard-"));
  const socketPath = path.join(socketDirectory, "next.sock");
  process.once("exit", () => rmSync(socketDirectory, { recursive: true, force: true }));
  const worker = new Worker(new URL("./next-worker.mjs", import.meta.url), {
    workerData: { dir, hostname: host, port, socketPath },
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: unknown) =>
      reject(error instanceof Error ? error : new Error(`Next.js worker exited (${String(error)})`));
    worker.once("error", failed);
    worker.once("exit", failed);
    worker.on("message", function ready(message: { type?: string }) {
      if (message?.type !== "ready") return;
      worker.off("message", ready);
      worker.off("error", failed);
      worker.off("exit", failed);
      resolve();
    });
  });
  // Next.js gone means pages are gone: exit so a supervisor restarts the server whole.
  worker.once("error", (error) => console.error("Next.js worker failed:", error));
  worker.once("exit", (code) => {
    console.error(`Next.js worker exited (code ${code}); stopping the server.`);
    process.exit(1);
  });
  return {
    socketPath,
    shutdown: (deadlineMs = 10_000) =>
      new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(0), deadlineMs + 1_000);
        worker.on("message", (message: { type?: string; unwritten?: number }) => {
          if (message?.type !== "flushed") return;
          clearTimeout(timer);
          resolve(message.unwritten ?? 0);
        });
        worker.postMessage({ type: "shutdown", deadlineMs });
      }),
  };
}

async function serveGateway(handler: RouteHandler, req: IncomingMessage, res: ServerResponse) {
  try {
    const response = await handler(toGatewayRequest(req, res));
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
  res.end(
    JSON.stringify({ error: { message: "Internal server error.", type: "server_error", param: null, code: null } }),
  );
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
