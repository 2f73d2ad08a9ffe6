#!/usr/bin/env node
// The operator CLI. Runs a bundle of the TypeScript sources (server-bundle.mjs), rebuilt when they change.
import { spawn } from "node:child_process";
import { availableParallelism, constants } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serverBundle } from "./server-bundle.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// A server runs with a larger young generation: a gateway request allocates a few hundred KB of
// short-lived objects, and with V8's default 16 MB semi-spaces they were promoted and swept in
// pauses that set the p99 (npm run bench: CPU per request 1.76 → 1.25 ms, p99 overhead 8 → 5 ms).
// V8 takes the flag only at startup. With several processes the supervisor passes it to its
// workers (lib/server/serve-workers.ts); a server that serves in this very process (WORKERS=1)
// re-runs this script with it.
const SERVER_V8_FLAGS = ["--max-semi-space-size=64"];
const servesInThisProcess = () => {
  const workers = process.env.WORKERS?.trim();
  return workers ? workers === "1" : availableParallelism() === 1;
};
if (
  ["start", "gateway"].includes(process.argv[2]) &&
  servesInThisProcess() &&
  process.env.SWITCHYARD_PREPARE_ONLY !== "1" &&
  !process.execArgv.some((flag) => flag.startsWith("--max-semi-space-size"))
) {
  const child = spawn(
    process.execPath,
    [...SERVER_V8_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 1))),
  );
  process.exit(code);
}

process.env.SWITCHYARD_ROOT ??= root;
const { main } = await import(pathToFileURL(await serverBundle(root)).href);
process.exitCode = await main(process.argv.slice(2));
