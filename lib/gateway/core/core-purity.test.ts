import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The core (protocol adapters, canonical events, Anthropic's wire format) is pure: nothing it
 * reaches, directly or through the modules it imports, may touch the database, auth, keys, limits,
 * the request log, configuration or the gateway's I/O layers. The pipeline
 * (lib/gateway/pipeline) is the only place those meet (lib/gateway/README.md).
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");
const CORE = path.join(ROOT, "lib/gateway/core");
const FORBIDDEN = [
  /^lib\/(db|auth|api-keys|rate-limits|request-log|credentials|users|sessions|config|server|ui-api|observability)\//,
  /^lib\/env\.ts$/,
  /^lib\/gateway\/(?!core\/)/,
  /^app\//,
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "__fixtures__" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s*["']([^"']+)["']/g)].map(
    (m) => m[1]!,
  );
  specifiers.push(...[...text.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!));
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? path.join(ROOT, specifier.slice(2))
      : specifier.startsWith(".")
        ? path.resolve(path.dirname(file), specifier)
        : undefined;
    if (!base) return [];
    const resolved = ["", ".ts", ".tsx", "/index.ts"]
      .map((ext) => base + ext)
      .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    return resolved ? [resolved] : [];
  });
}

/** Every project module the core reaches, with the chain that reaches it. */
function reachable(): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const queue = sourceFiles(CORE).map((file) => [file] as string[]);
  for (const chain of queue) chains.set(chain[0]!, chain);
  for (let index = 0; index < queue.length && index < 10_000; index++) {
    const chain = queue[index]!;
    for (const next of importsOf(chain.at(-1)!)) {
      if (chains.has(next)) continue;
      const nextChain = [...chain, next];
      chains.set(next, nextChain);
      queue.push(nextChain);
    }
  }
  return chains;
}

describe("lib/gateway/core", () => {
  it("reaches no database, auth, key, limit, log or I/O module", () => {
    const violations = [...reachable()]
      .map(([file, chain]) => ({ relative: path.relative(ROOT, file), chain }))
      .filter(({ relative }) => FORBIDDEN.some((pattern) => pattern.test(relative)))
      .map(({ chain }) => chain.map((file) => path.relative(ROOT, file)).join(" → "));
    expect(violations).toEqual([]);
  });

  it("the check sees a forbidden import (it cannot pass vacuously)", () => {
    const chains = reachable();
    expect(chains.size).toBeGreaterThan(40);
    expect(FORBIDDEN.some((pattern) => pattern.test("lib/db/index.ts"))).toBe(true);
    expect(FORBIDDEN.some((pattern) => pattern.test("lib/gateway/pipeline/run-gateway-call.ts"))).toBe(true);
    expect(FORBIDDEN.some((pattern) => pattern.test("lib/gateway/core/canonical.ts"))).toBe(false);
  });
});
