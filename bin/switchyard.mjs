#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources directly (tsx), the same code the server runs.
import { spawn } from "node:child_process";
import { register } from "node:module";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The server runs with a larger young generation: a gateway request allocates a few hundred KB
// of short-lived objects, and with V8's default 16 MB semi-spaces they were promoted and swept in
// pauses that set the p99 (npm run bench: CPU per request 1.76 → 1.25 ms, p99 overhead 8 → 5 ms).
// V8 takes the flag only at startup, so `start` re-runs this script with it.
const SERVER_V8_FLAGS = ["--max-semi-space-size=64"];
if (
  ["start", "gateway"].includes(process.argv[2]) &&
  !process.execArgv.some((flag) => flag.startsWith("--max-semi-space-size"))
) {
  const child = spawn(
    process.execPath,
    [...SERVER_V8_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: "inherit",
    },
  );
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? 128 + (signal ? constants.signals[signal] : 1))),
  );
  process.exit(code);
}

process.env.SWITCHYARD_ROOT ??= root;
// `server-only` throws outside Next's server build; the CLI is server code too.
register(
  "data:text/javascript," +
    encodeURIComponent(
      "export async function resolve(specifier, context, next) {" +
        " if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };" +
        " return next(specifier, context); }",
    ),
);
// Loaded only now: the launcher above re-runs this script and waits, and tsx would only weigh on it.
const { register: registerTsx } = await import("tsx/esm/api");
registerTsx({ tsconfig: path.join(root, "tsconfig.json") });

const { main } = await import(path.join(root, "cli/main.ts"));
process.exitCode = await main(process.argv.slice(2));
