import { projectRoot } from "@/lib/project-root";
import {
  isServerWorker,
  runServerWorker,
  serveWithWorkers,
  workerCount,
  type ServeMode,
} from "@/lib/server/serve-workers";
import type { Command } from "./index";
import { parseOptions } from "../parse-options";
import { runNodeChild } from "../run-node-child";

// This module is what a server's supervisor process holds: keep its imports to the supervisor's
// own work. Migrations, the build and Prisma run in a child (prepare-to-serve.ts); the serving
// code loads in the workers (serve-workers.ts).
const ROOT = projectRoot();
/** Set on the child that prepares (runs prepare-to-serve.ts and exits). */
const PREPARE_ENV = "SWITCHYARD_PREPARE_ONLY";

/** Keeps the CLI process alive while it serves (the server's own signal handlers end it). */
const serveForever = () => new Promise<number>(() => {});

/** In a server worker (WORKERS > 1) the supervisor has migrated and built: serve only. */
async function serveAsWorker(mode: ServeMode) {
  await runServerWorker(mode, ROOT);
  return serveForever();
}

/**
 * Runs this command again in a child process that only prepares (migrate, build, first-run
 * token) and exits; its errors read as this command's. Resolves with its exit code.
 */
function prepareInChild(): Promise<number> {
  return runNodeChild([process.argv[1]!, ...process.argv.slice(2)], {
    env: { ...process.env, [PREPARE_ENV]: "1" },
    onSignal: 130,
  });
}

async function serve(mode: ServeMode, build: boolean) {
  if (process.env[PREPARE_ENV] === "1") {
    const { prepareToServe } = await import("./prepare-to-serve");
    return prepareToServe(mode, { build });
  }
  const prepared = await prepareInChild();
  if (prepared !== 0) return prepared;
  const workers = workerCount();
  // SIGTERM/SIGINT let requests in flight finish and write the buffered request log before
  // the processes exit (serve-workers.ts, serve-app.ts).
  process.title = mode === "app" ? "switchyard-server" : "switchyard-gateway";
  const { host, port } = await serveWithWorkers(mode, ROOT, workers);
  const what = mode === "app" ? "Switchyard" : "the Switchyard gateway";
  process.stdout.write(
    `Serving ${what} on http://${host}:${port} (${workers} ${workers === 1 ? "process" : "processes"})\n`,
  );
  return serveForever();
}

export const startCommand: Command = {
  help: `Usage: switchyard start [--no-build]

Applies pending migrations, runs \`next build\` when the sources changed since
the last build, then serves on HOST:PORT (default 127.0.0.1:3000) with WORKERS
processes (default: one per core; the UI runs in one of them).`,
  async run(argv) {
    if (isServerWorker()) return serveAsWorker("app");
    const { values } = parseOptions(argv, { "no-build": { type: "boolean" } });
    // Next.js for pages and /api, the gateway's routes directly (lib/server/serve-app.ts).
    return serve("app", !values["no-build"]);
  },
};

export const gatewayCommand: Command = {
  help: `Usage: switchyard gateway

For data-plane machines: applies pending migrations, then serves only the
gateway's endpoints, /metrics and /api/health on HOST:PORT, with WORKERS
processes (default: one per core). No build and no Next.js. Several gateways
(and one \`switchyard start\` for the UI) can share one PostgreSQL: see
docs/scale-out.md.`,
  async run(argv) {
    if (isServerWorker()) return serveAsWorker("gateway");
    parseOptions(argv, {});
    return serve("gateway", false);
  },
};

export const buildCommand: Command = {
  help: `Usage: switchyard build

Runs \`next build\` unless the last build is from the same sources (what
\`switchyard start\` does before serving).`,
  async run(argv) {
    parseOptions(argv, {});
    const { buildIfNeeded } = await import("./prepare-to-serve");
    return (await buildIfNeeded()) ? 0 : 1;
  },
};

export const devCommand: Command = {
  help: `Usage: switchyard dev

Applies pending migrations, then runs \`next dev\` on HOST:PORT.`,
  async run(argv) {
    parseOptions(argv, {});
    const { prepareToServe, runNext } = await import("./prepare-to-serve");
    const prepared = await prepareToServe("app", { build: false });
    if (prepared !== 0) return prepared;
    const { getConfig } = await import("@/lib/env");
    const config = getConfig();
    return runNext(["dev", "--port", String(config.port), "--hostname", config.host]);
  },
};
