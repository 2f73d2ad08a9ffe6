import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What `next build` reads: a change to any of these makes `switchyard start` rebuild. */
const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/models.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["generated", "node_modules", "__fixtures__"]);

function* files(root: string, relative: string): Generator<string> {
  const full = path.join(root, relative);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield relative;
    return;
  }
  for (const entry of readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) yield* files(root, child);
    else if (entry.isFile()) yield child;
  }
}

export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(root, input)) {
      hash
        .update(file)
        .update("\0")
        .update(readFileSync(path.join(root, file)))
        .update("\0");
    }
  }
  return hash.digest("hex");
}

const STAMP = ".next/switchyard-build-fingerprint";

export function buildIsCurrent(root: string, fingerprint: string) {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) return false;
  try {
    return readFileSync(path.join(root, STAMP), "utf8") === fingerprint;
  } catch {
    return false;
  }
}

export const BUILD_STAMP_FILE = STAMP;
