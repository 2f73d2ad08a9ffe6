import { rmSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { offThreadSqliteRequestLogWriter } from "@/lib/db/off-thread-request-log-writer";
import { getConfig } from "@/lib/env";
import { getDataPlaneDb } from "@/lib/db/data-plane/get-data-plane-db";
import { describeAppSecretMismatch } from "@/lib/credentials/app-secret-mismatch";
import { installGracefulShutdown } from "@/lib/request-log/graceful-shutdown";
import { writeRequestLogRowsWith } from "@/lib/request-log/request-log";
import { getHealth } from "@/lib/health/get-health";
import { createGatewayServer } from "./gateway-server";
import { sendJson } from "./node-web-bridge";
import { proxyRequest, proxyTarget } from "./proxy-request";
import { privateSocketPath } from "./private-socket-path";
import { projectRoot } from "@/lib/project-root";

export type ServeOptions = {
  dir: string;
  host: string;
  port: number;
  /**
   * Where Next.js listens: `start` it in a worker thread of this process on `socketPath` (one per
   * server — the cluster's first worker), or only `connect` to the one another worker started.
   */
  next?: { role: "start" | "connect"; socketPath: string };
};

/**
 * The production server (`switchyard start`): one Node HTTP server in front of Next.js. Gateway
 * requests (/v2/…, /v3/…, /metrics) are served by the gateway server (gateway-http-server.ts),
 * skipping Next.js's request pipeline (routing, tracing spans, request adapters, response
 * piping), which costs more than the gateway's own work. Everything else (pages, /api, assets)
 * is Next.js's, and so are gateway paths it normalizes first (trailing slashes, encoded paths):
 * its catch-all routes dispatch on the same route table.
 *
 * Next.js runs in a worker thread, reached over a private Unix socket. Loaded on the main thread
 * it slowed every gateway request by a third (bench/results.md): its AsyncLocalStorage stores
 * switch on promise hooks for the whole thread, and it wraps globals such as `Date`. A worker has
 * its own V8 isolate, so none of that reaches the gateway. With several server processes
 * (serve-workers.ts) only the first runs Next.js; the others forward to its socket.
 */
export async function serveApp({ dir, host, port, next: nextOption }: ServeOptions): Promise<Server> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  prepareRequestLogWriter();
  await reportAppSecretMismatch();
  const socketPath = nextOption?.socketPath ?? privateSocketPath();
  const next = nextOption?.role === "connect" ? undefined : await startNextWorker({ dir, host, port, socketPath });
  const toNext = proxyTarget(socketPath);
  const server = createGatewayServer((req, res) => proxyRequest(toNext, req, res));
  installGracefulShutdown(
    () => {
      server.close();
      server.closeIdleConnections();
    },
    next && (() => next.shutdown()),
  );
  await listen(server, host, port);
  return server;
}

/** `switchyard gateway`: the gateway alone (/v2, /v3, /metrics, /api/health), without Next.js. */
export async function serveGatewayOnly({ host, port }: Pick<ServeOptions, "host" | "port">): Promise<Server> {
  (process.env as Record<string, string>).NODE_ENV = "production";
  prepareRequestLogWriter();
  await reportAppSecretMismatch();
  const server = createGatewayServer((req, res) => void answerOutsideGateway(req, res));
  installGracefulShutdown(() => {
    server.close();
    server.closeIdleConnections();
  });
  await listen(server, host, port);
  return server;
}

/** HOST and PORT, from the configuration. */
export function configuredAddress(): { host: string; port: number } {
  const { host, port } = getConfig();
  return { host, port };
}

/** better-sqlite3 blocks its thread for a whole INSERT: the log's batches go to a worker thread. */
function prepareRequestLogWriter() {
  const { database } = getConfig();
  if (database.provider === "sqlite") writeRequestLogRowsWith(offThreadSqliteRequestLogWriter(database.file));
}

async function listen(server: Server, host: string, port: number) {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

/** A wrong APP_SECRET makes every stored credential unusable: say so at startup, not as a puzzling failure later. */
async function reportAppSecretMismatch() {
  try {
    const problem = await describeAppSecretMismatch(getDataPlaneDb());
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
async function startNextWorker({
  dir,
  host,
  port,
  socketPath,
}: Pick<ServeOptions, "dir" | "host" | "port"> & { socketPath: string }): Promise<NextWorker> {
  rmSync(socketPath, { force: true });
  // From the sources, not relative to this module: the CLI runs a bundle of it (bin/server-bundle.mjs).
  const worker = new Worker(path.join(projectRoot(), "lib/server/next-worker.mjs"), {
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

/** `switchyard gateway` answers /api/health itself and nothing else outside the gateway. */
async function answerOutsideGateway(req: IncomingMessage, res: ServerResponse) {
  const pathname = req.url?.split("?")[0];
  if (pathname === "/api/health" && (req.method === "GET" || req.method === "HEAD")) {
    const health = await getHealth().catch(() => ({ status: "unavailable" as const, reason: "health check failed" }));
    return sendJson(res, health.status === "ok" ? 200 : 503, health, req.method);
  }
  sendJson(
    res,
    404,
    {
      error: {
        message: "Not found: this process serves only the gateway.",
        type: "invalid_request_error",
        param: null,
        code: "not_found",
      },
    },
    req.method,
  );
}
