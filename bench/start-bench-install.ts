import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { startAppServer, type AppServer } from "../tests/helpers/app-server";
import { ROOT, runCli } from "../tests/helpers/run-cli";
import { createTestDatabase } from "../tests/helpers/test-database";
import { appEnv } from "../tests/helpers/test-env";
import { findServerPid } from "./process-stats";

export const BENCH_PROVIDER_KEY = "sk-ant-api03-BENCHMARK-0000000000000000-AAAA";

export type BenchInstall = {
  appUrl: string;
  /** A second server on the same database with REQUEST_LOG=off (same build, same key). */
  noLogUrl: string;
  fakeUrl: string;
  /** A bare Node.js proxy in front of the fake (bench/bare-proxy-process.ts): the floor for any proxy's overhead. */
  floorUrl: string;
  floorPid: number;
  gatewayKey: string;
  /** The server process (`switchyard start`). */
  serverPid: number;
  stop(): Promise<void>;
};

/**
 * A production install as an operator runs it (`switchyard start`, SQLite), with an Anthropic
 * credential whose base URL is the fake upstream, itself in a separate process.
 * `serverEnv` is added to the server's environment (e.g. the CPU profiler preload).
 */
export async function startBenchInstall(options: {
  port: number;
  serverEnv?: Record<string, string>;
}): Promise<BenchInstall> {
  const database = await createTestDatabase("sqlite");
  const fake = await startHelperProcess("bench/fake-upstream-process.ts", BENCH_PROVIDER_KEY);
  const floor = await startHelperProcess("bench/bare-proxy-process.ts", fake.url).catch(async (error: unknown) => {
    await fake.stop();
    throw error;
  });
  let server: AppServer | undefined;
  let noLogServer: AppServer | undefined;
  try {
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
    server = await startAppServer(env, options.port);
    noLogServer = await startAppServer({ ...env, REQUEST_LOG: "off" }, options.port + 1);
    const started = server;
    const startedNoLog = noLogServer;
    return {
      appUrl: started.url,
      noLogUrl: startedNoLog.url,
      fakeUrl: fake.url,
      floorUrl: floor.url,
      floorPid: floor.pid,
      gatewayKey,
      // startAppServer adds TEST_PORT_OFFSET: find the server on the port it really listens on.
      serverPid: findServerPid(Number(new URL(started.url).port)),
      async stop() {
        await startedNoLog.stop();
        await started.stop();
        await floor.stop();
        await fake.stop();
        await database.dispose();
      },
    };
  } catch (error) {
    await noLogServer?.stop();
    await server?.stop();
    await floor.stop();
    await fake.stop();
    await database.dispose();
    throw error;
  }
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
