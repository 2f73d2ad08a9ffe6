// The CLI and the servers run from a bundle of the TypeScript sources (esbuild), not through a
// TypeScript loader: tsx kept a loader thread, an esbuild service process and every module's
// transformed source alive in each server process (~90 MiB per worker, bench/results.md).
// Built on demand, in well under a second, whenever the sources differ from the last bundle's.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What the bundle is made of: a change to any of these makes the next CLI call rebuild it. */
const INPUTS = ["cli", "lib", "tsconfig.json", "package-lock.json"];
const SKIP = new Set(["node_modules", "__fixtures__"]);
const KEEP_BUNDLES = 3;

function* sourceFiles(root, relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield relative;
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name) || /\.(test|spec)\.tsx?$/.test(entry.name)) continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(root, child);
    else if (entry.isFile()) yield child;
  }
}

/** Size and modification time stand for each file's content: git rewrites both when it changes a file. */
function fingerprint(root) {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of sourceFiles(root, input)) {
      const { size, mtimeMs } = statSync(path.join(root, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The bundle's entry (main.js, exporting the CLI's `main`) for the current sources, building it
 * first when needed. Several CLI calls may build at once (test suites do): each builds in its own
 * directory and renames it into place; a rename that finds the bundle already there lost the race
 * to an identical build, and uses it.
 */
export async function serverBundle(root) {
  const directory = path.join(root, "node_modules/.cache/switchyard-server");
  const current = path.join(directory, fingerprint(root));
  const entry = path.join(current, "main.js");
  if (existsSync(entry)) return entry;
  const building = `${current}.${process.pid}.tmp`;
  const esbuild = await import("esbuild");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "cli/main.ts" },
    outdir: building,
    bundle: true,
    // Commands and server roles load their modules on demand: a supervisor process does not pay
    // for the gateway, nor a gateway worker for migrations.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // Next's guard module throws outside its server build; the CLI is server code too.
    alias: { "server-only": "./lib/server-only-stub.ts" },
    sourcemap: "linked",
    logLevel: "error",
  });
  // esbuild's service process would otherwise live as long as this one: a server's whole life.
  await esbuild.stop();
  writeFileSync(path.join(building, "package.json"), '{ "type": "module" }\n');
  try {
    renameSync(building, current);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  pruneOldBundles(directory, path.basename(current));
  return entry;
}

function pruneOldBundles(directory, keep) {
  try {
    const bundles = readdirSync(directory)
      .filter((name) => name !== keep && !name.endsWith(".tmp"))
      .map((name) => ({ name, mtimeMs: statSync(path.join(directory, name)).mtimeMs }))
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    // Older bundles may still be running (a server started before the sources changed).
    for (const { name } of bundles.slice(KEEP_BUNDLES - 1))
      rmSync(path.join(directory, name), { recursive: true, force: true });
  } catch {
    // Another CLI call pruned at the same time.
  }
}
