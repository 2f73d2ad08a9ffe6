import { spawn } from "node:child_process";

/**
 * Runs `node <args>` in a child that shares this terminal; SIGINT and SIGTERM sent to this
 * process reach it too. Resolves with its exit code (`onSignal` when a signal ended it).
 */
export function runNodeChild(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; onSignal: number },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? options.onSignal : 1));
    });
  });
}
