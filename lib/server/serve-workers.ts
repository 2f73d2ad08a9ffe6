import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { installPrimaryMetricsAggregator } from "@/lib/observability/cluster-metrics";
import { privateSocketPath } from "./private-socket-path";

/** Where a server listens (from the configuration, read in the serving process). */
export type ListenAddress = { host: string; port: number };

export type ServeMode = "app" | "gateway";

const MAX_WORKERS = 64;
const ROLE_ENV = "SWITCHYARD_WORKER_ROLE";
const SOCKET_ENV = "SWITCHYARD_NEXT_SOCKET";
/** A worker that keeps dying is not restarted forever: this many exits a minute stop the server. */
const MAX_RESTARTS_PER_MINUTE = 5;
const DRAIN_DEADLINE_MS = 25_000;
/**
 * Workers run with a larger young generation: a gateway request allocates a few hundred KB of
 * short-lived objects, and with V8's default 16 MB semi-spaces they were promoted and swept in
 * pauses that set the p99 (bench/results.md). A single-process server gets it from bin/switchyard.mjs.
 */
const WORKER_V8_FLAGS = ["--max-semi-space-size=64"];

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
export async function serveWithWorkers(mode: ServeMode, dir: string, workers = workerCount()): Promise<ListenAddress> {
  if (workers === 1) return serveHere(mode, dir);
  const socketPath = mode === "app" ? privateSocketPath() : "";
  const roles = Array.from({ length: workers }, (_, index) => (mode === "app" && index === 0 ? "next" : "gateway"));
  // /metrics in any worker answers for all of them: the supervisor sums them.
  installPrimaryMetricsAggregator();
  const inherited = process.execArgv.filter((flag) => !flag.startsWith("--max-semi-space-size"));
  cluster.setupPrimary({ execArgv: [...inherited, ...WORKER_V8_FLAGS] });
  const supervisor = new Supervisor(mode, socketPath);
  // The Next.js worker first: the others forward pages to it, so they listen once it serves.
  const address = await supervisor.fork(roles[0]!);
  await Promise.all(roles.slice(1).map((role) => supervisor.fork(role)));
  return address;
}

/**
 * Serves in this process. The serving code and the configuration load here, not in a
 * supervisor: it only forks and watches, and stays small (every process counts).
 */
async function serveHere(mode: ServeMode, dir: string, next?: { role: "start" | "connect"; socketPath: string }) {
  const { serveApp, serveGatewayOnly, configuredAddress } = await import("./serve-app");
  const address = configuredAddress();
  await (mode === "app" ? serveApp({ dir, ...address, next }) : serveGatewayOnly(address));
  return address;
}

/** In a worker process: serve as the supervisor asked, then tell it. */
export async function runServerWorker(mode: ServeMode, dir: string): Promise<void> {
  const role = process.env[ROLE_ENV];
  const socketPath = process.env[SOCKET_ENV] ?? "";
  process.title = mode === "app" ? "switchyard-server-worker" : "switchyard-gateway-worker";
  const next =
    mode === "app" ? { role: role === "next" ? ("start" as const) : ("connect" as const), socketPath } : undefined;
  const address = await serveHere(mode, dir, next);
  process.send?.({ type: "switchyard:ready", ...address });
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
  fork(role: string): Promise<ListenAddress> {
    const worker = cluster.fork({ [ROLE_ENV]: role, [SOCKET_ENV]: this.socketPath, SWITCHYARD_SERVE_MODE: this.mode });
    worker.once("exit", (code, signal) => this.onExit(role, code, signal));
    return new Promise((resolve, reject) => {
      const ready = (message: { type?: string } & Partial<ListenAddress>) => {
        if (message?.type !== "switchyard:ready") return;
        worker.off("message", ready);
        worker.off("exit", failed);
        resolve({ host: String(message.host), port: Number(message.port) });
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
