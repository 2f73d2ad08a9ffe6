import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";
import {
  isServerWorker,
  runServerWorker,
  serveWithWorkers,
  workerCount,
  type ServeMode,
} from "@/lib/server/serve-workers";
import { getDb } from "@/lib/db";
import { issueSetupToken, setupTokenAnnouncement } from "@/lib/auth/setup-token";
import { getConfig, type Config } from "@/lib/env";
import type { Command } from "./index";
import { parseOptions } from "../parse-options";
import { migrateAndReport } from "./migrate";
import { withBuildLock } from "../build-lock";
import { buildFingerprint, buildIsCurrent, BUILD_STAMP_FILE } from "../build-fingerprint";

const ROOT = projectRoot();
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

function runNext(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 0 : 1));
    });
  });
}

/** While no admin exists: the first-run token, on the console only (lib/auth/setup-token.ts). */
async function announceSetupToken(config: Config) {
  const token = await issueSetupToken(getDb(), config.setupToken);
  if (!token) return;
  const host = ["0.0.0.0", "::", "[::]"].includes(config.host) ? "localhost" : config.host;
  const hostInUrl = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  process.stdout.write(
    setupTokenAnnouncement(`http://${hostInUrl}:${config.port}`, token, config.setupToken !== undefined),
  );
}

async function buildIfNeeded(): Promise<boolean> {
  const fingerprint = buildFingerprint(ROOT);
  if (buildIsCurrent(ROOT, fingerprint)) return true;
  return withBuildLock(ROOT, async () => {
    if (buildIsCurrent(ROOT, fingerprint)) return true;
    process.stdout.write("Building the app (sources changed since the last build)…\n");
    if ((await runNext(["build"])) !== 0) return false;
    writeFileSync(path.join(ROOT, BUILD_STAMP_FILE), fingerprint);
    return true;
  });
}

/** Keeps the CLI process alive while it serves (the server's own signal handlers end it). */
const serveForever = () => new Promise<number>(() => {});

/** In a server worker (WORKERS > 1) the supervisor has migrated and built: serve only. */
async function serveAsWorker(mode: ServeMode) {
  const config = getConfig();
  await runServerWorker(mode, { dir: ROOT, host: config.host, port: config.port });
  return serveForever();
}

async function serve(mode: ServeMode, config: Config) {
  const workers = workerCount();
  await serveWithWorkers(mode, { dir: ROOT, host: config.host, port: config.port }, workers);
  const what = mode === "app" ? "Switchyard" : "the Switchyard gateway";
  process.stdout.write(
    `Serving ${what} on http://${config.host}:${config.port} (${workers} ${workers === 1 ? "process" : "processes"})\n`,
  );
  return serveForever();
}

export const startCommand: Command = {
  summary: "Migrate, build when the sources changed, and serve (production)",
  help: `Usage: switchyard start [--no-build]

Applies pending migrations, runs \`next build\` when the sources changed since
the last build, then serves on HOST:PORT (default 127.0.0.1:3000) with WORKERS
processes (default: one per core; the UI runs in one of them).`,
  async run(argv) {
    if (isServerWorker()) return serveAsWorker("app");
    const { values } = parseOptions(argv, { "no-build": { type: "boolean" } });
    const config = await migrateAndReport();
    if (!values["no-build"] && !(await buildIfNeeded())) return 1;
    // Next.js for pages and /api, the gateway's routes directly (lib/server/serve-app.ts).
    // SIGTERM/SIGINT let requests in flight finish and write the buffered request log before
    // the processes exit.
    process.title = "switchyard-server";
    // Before listening: whoever sees the page first can already enter the token.
    await announceSetupToken(config);
    return serve("app", config);
  },
};

export const gatewayCommand: Command = {
  summary: "Migrate and serve the gateway alone (/v2, /v3, /metrics, /api/health), without the UI",
  help: `Usage: switchyard gateway

For data-plane machines: applies pending migrations, then serves only the
gateway's endpoints, /metrics and /api/health on HOST:PORT, with WORKERS
processes (default: one per core). No build and no Next.js. Several gateways
(and one \`switchyard start\` for the UI) can share one PostgreSQL: see
docs/scale-out.md.`,
  async run(argv) {
    if (isServerWorker()) return serveAsWorker("gateway");
    parseOptions(argv, {});
    const config = await migrateAndReport();
    process.title = "switchyard-gateway";
    return serve("gateway", config);
  },
};

export const buildCommand: Command = {
  summary: "Build the app when the sources changed since the last build",
  help: `Usage: switchyard build

Runs \`next build\` unless the last build is from the same sources (what
\`switchyard start\` does before serving).`,
  async run(argv) {
    parseOptions(argv, {});
    return (await buildIfNeeded()) ? 0 : 1;
  },
};

export const devCommand: Command = {
  summary: "Migrate and run the development server",
  help: `Usage: switchyard dev

Applies pending migrations, then runs \`next dev\` on HOST:PORT.`,
  async run(argv) {
    parseOptions(argv, {});
    const config = await migrateAndReport();
    await announceSetupToken(config);
    return runNext(["dev", "--port", String(config.port), "--hostname", config.host]);
  },
};
