import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { installClusterMetricsAggregator } from "@/lib/observability/gateway-metrics";
import { privateSocketPath, serveApp, serveGatewayOnly, type ServeOptions } from "./serve-app";

export type ServeMode = "app" | "gateway";

const MAX_WORKERS = 64;
const ROLE_ENV = "SWITCHYARD_WORKER_ROLE";
const SOCKET_ENV = "SWITCHYARD_NEXT_SOCKET";
/** A worker that keeps dying is not restarted forever: this many exits a minute stop the server. */
const MAX_RESTARTS_PER_MINUTE = 5;
const DRAIN_DEADLINE_MS = 25_000;

/** WORKERS: how many server processes share the port; default one per core. */
export function workerCount(value = process.env.WORKERS): number {
  if (value === undefined || value.trim() === "") return Math.min(os.availableParallelism(), MAX_WORKERS);
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS)
    throw new Error(`WORKERS must be a whole number from 1 to ${MAX_WORKERS} (got "${value}").`);
  return count;
}

export const isServerWorker = () => cluster.isWorker && process.env[ROLE_ENV] !== undefined;

/**
 * Serves on every core: with one worker, in this process; with more, this process becomes a
 * small supervisor (node:cluster) whose workers share the listening port, the kernel handing
 * each connection to one of them. Under `start`, the first worker runs Next.js (the UI is in at
 * most one process) and the others forward pages to its socket. Limits and the request log stay
 * exact across workers: they live in the database every worker shares.
 *
 * SIGTERM / SIGINT drain every worker (each finishes its requests in flight and writes its
 * buffered request log, serve-app.ts) before the supervisor exits.
 */
export async function serveWithWorkers(mode: ServeMode, options: ServeOptions, workers = workerCount()): Promise<void> {
  if (workers === 1) {
    await (mode === "app" ? serveApp(options) : serveGatewayOnly(options));
    return;
  }
  const socketPath = mode === "app" ? privateSocketPath() : "";
  const roles = Array.from({ length: workers }, (_, index) => (mode === "app" && index === 0 ? "next" : "gateway"));
  // /metrics in any worker answers for all of them: the supervisor sums them.
  installClusterMetricsAggregator();
  const supervisor = new Supervisor(mode, socketPath);
  // The Next.js worker first: the others forward pages to it, so they listen once it serves.
  await supervisor.fork(roles[0]!);
  await Promise.all(roles.slice(1).map((role) => supervisor.fork(role)));
}

/** In a worker process: serve as the supervisor asked, then tell it. */
export async function runServerWorker(mode: ServeMode, options: ServeOptions): Promise<void> {
  const role = process.env[ROLE_ENV];
  const socketPath = process.env[SOCKET_ENV] ?? "";
  process.title = mode === "app" ? "switchyard-server-worker" : "switchyard-gateway-worker";
  if (mode === "gateway") await serveGatewayOnly(options);
  else await serveApp({ ...options, next: { role: role === "next" ? "start" : "connect", socketPath } });
  process.send?.({ type: "switchyard:ready" });
}

class Supervisor {
  private shuttingDown = false;
  private exits: number[] = [];

  constructor(
    private readonly mode: ServeMode,
    private readonly socketPath: string,
  ) {
    const stop = (signal: NodeJS.Signals) => void this.stop(signal);
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  }

  /** Starts a worker in `role` and resolves once it listens; a worker that dies is replaced. */
  fork(role: string): Promise<Worker> {
    const worker = cluster.fork({ [ROLE_ENV]: role, [SOCKET_ENV]: this.socketPath, SWITCHYARD_SERVE_MODE: this.mode });
    worker.once("exit", (code, signal) => this.onExit(role, code, signal));
    return new Promise((resolve, reject) => {
      const ready = (message: { type?: string }) => {
        if (message?.type !== "switchyard:ready") return;
        worker.off("message", ready);
        worker.off("exit", failed);
        resolve(worker);
      };
      const failed = (code: number | null) => reject(new Error(`server worker exited before serving (code ${code})`));
      worker.on("message", ready);
      worker.once("exit", failed);
    });
  }

  private onExit(role: string, code: number | null, signal: string | null) {
    if (this.shuttingDown) return;
    const now = Date.now();
    this.exits = [...this.exits.filter((time) => now - time < 60_000), now];
    console.error(`switchyard: a server worker (${role}) exited (${signal ?? `code ${code}`}).`);
    if (this.exits.length > MAX_RESTARTS_PER_MINUTE) {
      console.error("switchyard: server workers keep exiting; stopping.");
      return void this.stop("SIGTERM", 1);
    }
    this.fork(role).catch((error: unknown) => console.error("switchyard: could not restart a server worker:", error));
  }

  private async stop(signal: NodeJS.Signals, exitCode?: number) {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
    const exited = workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once("exit", () => resolve());
          worker.process.kill(signal);
        }),
    );
    await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, DRAIN_DEADLINE_MS))]);
    process.exit(exitCode ?? (signal === "SIGINT" ? 130 : 143));
  }
}
