import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { ensureBuilt } from "../tests/helpers/app-server";
import { ROOT, runCli } from "../tests/helpers/run-cli";
import { createTestDatabase } from "../tests/helpers/test-database";
import { appEnv } from "../tests/helpers/test-env";
import { findServerPid } from "./process-stats";

export const BENCH_PROVIDER_KEY = "sk-ant-api03-BENCHMARK-0000000000000000-AAAA";

/** A server the bench started in its own process (group). */
export type BenchServer = {
  url: string;
  /** The process the bench launched: the root of the server's process tree. */
  pid: number;
  stop(): Promise<void>;
};

export type BenchInstall = {
  appUrl: string;
  /** A second server on the same database with REQUEST_LOG=off (same build, same key). */
  noLogUrl: string;
  fakeUrl: string;
  /** A bare Node.js proxy in front of the fake (bench/bare-proxy-process.ts): the floor for any proxy's overhead. */
  floorUrl: string;
  floorPid: number;
  /** Portkey's gateway (@portkey-ai/gateway, Node server) in its own process, for the same fake. */
  portkey: BenchServer & { version: string };
  gatewayKey: string;
  /** The `switchyard-server` process of `switchyard start` (the launcher re-executes itself with V8 flags). */
  serverPid: number;
  /** The launched `switchyard start` process: the root of its tree. */
  serverTreePid: number;
  /**
   * `switchyard gateway` (the gateway alone: /v2, /v3, /api/health, /metrics) on the same
   * database and credential, started on demand; "not available" when the command exits at once.
   */
  startGateway(): Promise<BenchServer | "not available">;
  stop(): Promise<void>;
};

const PORTKEY_PACKAGE = "@portkey-ai/gateway";

/**
 * A production install as an operator runs it (`switchyard start`, SQLite), with an Anthropic
 * credential whose base URL is the fake upstream, itself in a separate process.
 * `serverEnv` is added to the server's environment (e.g. the CPU profiler preload). The servers
 * inherit the bench's environment, WORKERS included.
 */
export async function startBenchInstall(options: {
  port: number;
  serverEnv?: Record<string, string>;
}): Promise<BenchInstall> {
  const port = options.port + Number(process.env.TEST_PORT_OFFSET ?? 0);
  const database = await createTestDatabase("sqlite");
  const stops: Array<() => Promise<void>> = [() => database.dispose()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  try {
    const fake = await startHelperProcess("bench/fake-upstream-process.ts", BENCH_PROVIDER_KEY);
    stops.push(fake.stop);
    const floor = await startHelperProcess("bench/bare-proxy-process.ts", fake.url);
    stops.push(floor.stop);
    const cli = async (args: string[], stdin?: string) => {
      const result = await runCli(args, { env: appEnv(database), stdin });
      if (result.code !== 0) throw new Error(`switchyard ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
      return result.stdout.trim().split("\n").at(-1)!;
    };
    await cli(["user", "create", "--email", "bench@example.com", "--password-stdin", "--admin"], "bench-password");
    const gatewayKey = await cli(["key", "create", "--name", "bench"]);
    await cli(
      ["provider", "add", "--provider", "anthropic", "--name", "Bench", "--api-key-stdin", "--base-url", fake.url],
      BENCH_PROVIDER_KEY,
    );
    const env = {
      DATA_DIR: database.dataDir,
      DATABASE_URL: "",
      APP_SECRET: appEnv(database).APP_SECRET!,
      ...options.serverEnv,
    };
    await ensureBuilt();
    const start = switchyardCommand(["start", "--no-build"]);
    const server = required(await startServerProcess(start, env, port, "/api/health"), "switchyard start");
    stops.push(server.stop);
    const noLogServer = required(
      await startServerProcess(start, { ...env, REQUEST_LOG: "off" }, port + 1, "/api/health"),
      "switchyard start (REQUEST_LOG=off)",
    );
    stops.push(noLogServer.stop);
    const portkey = await startPortkey(port + 3);
    stops.push(portkey.stop);
    return {
      appUrl: server.url,
      noLogUrl: noLogServer.url,
      fakeUrl: fake.url,
      floorUrl: floor.url,
      floorPid: floor.pid,
      portkey,
      gatewayKey,
      serverPid: findServerPid(port),
      serverTreePid: server.pid,
      async startGateway() {
        const gateway = await startServerProcess(switchyardCommand(["gateway"]), env, port + 2, "/api/health", {
          notAvailableIfExitsWithinMs: 15_000,
        });
        if (gateway !== "not available") stops.push(gateway.stop);
        return gateway;
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function required(server: BenchServer | "not available", what: string): BenchServer {
  if (server === "not available") throw new Error(`${what} is not available`);
  return server;
}

function switchyardCommand(args: string[]): string[] {
  return [path.join(ROOT, "bin/switchyard.mjs"), ...args];
}

/**
 * Portkey's Node server (`build/start-server.js --port=<port> --headless`, NODE_ENV=production)
 * with bench/portkey-loader.mjs, which patches its stream responses for Node 20 as they load.
 */
async function startPortkey(port: number): Promise<BenchServer & { version: string }> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${PORTKEY_PACKAGE}/package.json`);
  const { version, bin } = require(packageJson) as { version: string; bin: string };
  const loader = path.join(ROOT, "bench/portkey-loader.mjs");
  const entry = path.join(path.dirname(packageJson), bin);
  const server = await startServerProcess(
    ["--import", loader, entry, `--port=${port}`, "--headless"],
    { NODE_ENV: "production" },
    port,
    "/",
  );
  return { ...required(server, "Portkey's gateway"), version };
}

/**
 * `node <args>` in its own process group with HOST/PORT set, ready when `healthPath` answers 200.
 * With `notAvailableIfExitsWithinMs`, a process that exits non-zero before that is "not available"
 * (a command this checkout does not have yet) instead of an error.
 */
async function startServerProcess(
  args: string[],
  env: Record<string, string>,
  port: number,
  healthPath: string,
  options: { notAvailableIfExitsWithinMs: number } = { notAvailableIfExitsWithinMs: 0 },
): Promise<BenchServer | "not available"> {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stop() can take down whatever it started.
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-8_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (child.exitCode !== 0 && Date.now() - started < options.notAvailableIfExitsWithinMs) {
        return "not available";
      }
      throw new Error(`${args.join(" ")} exited (${child.exitCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${url}${healthPath}`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`${args.join(" ")} did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const killed = new Promise<void>((resolve) =>
        setTimeout(() => {
          if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
          resolve();
        }, 20_000).unref(),
      );
      await Promise.race([exited, killed]);
      // Anything the server left behind in its group (a worker that outlived it).
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // The group is gone: all stopped.
      }
    },
  };
}

/** A bench helper in its own process (the fake upstream, the bare proxy): prints `{"url": …}`, exits when stdin closes. */
async function startHelperProcess(
  script: string,
  argument: string,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, script), argument], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${script} exited ${code}`)));
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  return {
    url,
    pid: child.pid!,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}
