#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources directly (tsx), the same code the server runs.
import { register } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register as registerTsx } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
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
registerTsx({ tsconfig: path.join(root, "tsconfig.json") });

const { main } = await import(path.join(root, "cli/main.ts"));
process.exitCode = await main(process.argv.slice(2));
