/**
 * First-load JavaScript per page, from the last `next build` (Turbopack prints no sizes): the
 * root main files every page loads plus the page's and its layouts' entry chunks, gzipped at
 * level 9 as a CDN or `next start` would serve them. Lazily imported chunks are not counted.
 *
 *   npx next build && npx tsx scripts/first-load-js.ts [route …]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

const NEXT = path.resolve(".next");
const buildManifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
};

function* clientManifests(directory: string): Generator<string> {
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) yield* clientManifests(full);
    else if (entry === "page_client-reference-manifest.js") yield full;
  }
}

const gzipSizes = new Map<string, number>();
const gzipSize = (file: string) => {
  let size = gzipSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length;
    gzipSizes.set(file, size);
  }
  return size;
};

const wanted = process.argv.slice(2);
const rows: Array<{ route: string; files: number; kB: number }> = [];
for (const manifestFile of clientManifests(path.join(NEXT, "server/app"))) {
  const sandbox: { globalThis: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } } = {
    globalThis: {},
  };
  vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  for (const [page, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
    const route = page.replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "") || "/";
    if (wanted.length > 0 && !wanted.includes(route)) continue;
    const files = new Set([...buildManifest.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()]);
    const bytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
    rows.push({ route, files: files.size, kB: Math.round(bytes / 100) / 10 });
  }
}
rows.sort((a, b) => a.route.localeCompare(b.route));
console.log("| page | first-load JS (gzip) | chunks |\n| --- | ---: | ---: |");
for (const row of rows) console.log(`| ${row.route} | ${row.kB.toFixed(1)} kB | ${row.files} |`);
