import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ROOT } from "./run-cli";

export type AppServer = {
  url: string;
  output: () => string;
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no chance to finish anything. */
  kill(): Promise<void>;
};

let built: Promise<void> | undefined;

/** Builds the app once per test process when its sources changed (a no-op otherwise). */
export function ensureBuilt(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/switchyard.mjs"), "build"], {
      cwd: ROOT,
      stdio: "ignore",
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`switchyard build exited ${code}`))));
  });
  return built;
}

export type ServeCommand = "start" | "gateway";

/**
 * Starts the app (built if needed) with `switchyard start --no-build` — or the gateway alone
 * with `switchyard gateway` — and waits for /api/health.
 */
export async function startAppServer(
  env: Record<string, string>,
  requestedPort: number,
  command: ServeCommand = "start",
): Promise<AppServer> {
  // TEST_PORT_OFFSET lets several checkouts run their suites side by side.
  const port = requestedPort + Number(process.env.TEST_PORT_OFFSET ?? 0);
  if (command === "start") await ensureBuilt();
  const args = command === "start" ? ["start", "--no-build"] : ["gateway"];
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "bin/switchyard.mjs"), ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so kill() can take down `next start` (a grandchild) with it.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      // The whole group: SIGKILL on the wrapper alone would leave the Next.js server running.
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      await exited;
    },
  };
}
