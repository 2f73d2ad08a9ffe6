import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The gateway's processes (`switchyard gateway`, and the server processes of `switchyard start`
 * outside their Next.js thread) load no Prisma: its client and query compiler cost tens of MiB
 * per process. They reach the database through the data-plane client (lib/db/data-plane). Type
 * imports are erased, so only value imports count.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const ENTRIES = ["lib/server/gateway-server.ts", "lib/server/serve-app.ts"];
const FORBIDDEN = [/^lib\/db\/client\.ts$/, /^lib\/db\/generated\//, /^@prisma\//, /^prisma(\/|$)/];

/** Value imports only: `import type …`, `export type …` and imports whose every name is `type` are erased. */
function valueSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)(\s+type\b)?([^"';]*?)from\s*["']([^"']+)["']/g)) {
    if (match[1]) continue;
    const names = /^\s*\{([^}]*)\}\s*$/.exec(match[2]!)?.[1];
    const allTypes =
      names !== undefined &&
      names
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
        .every((name) => name.startsWith("type "));
    if (!allTypes) specifiers.push(match[3]!);
  }
  specifiers.push(...[...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)].map((m) => m[1]!));
  specifiers.push(...[...text.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)].map((m) => m[1]!));
  return specifiers;
}

/** A project module's path, or a package's specifier as written. */
function resolve(file: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : undefined;
  if (!base) return specifier;
  return ["", ".ts", ".tsx", "/index.ts", ".js", ".mjs"]
    .map((ext) => base + ext)
    .find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** Every module the entries reach by value imports (project files followed, packages not), with the chain that reaches it. */
function reachable(entries: string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const queue = entries.map((entry) => [path.join(ROOT, entry)]);
  for (const chain of queue) chains.set(chain[0]!, chain);
  for (let index = 0; index < queue.length && index < 10_000; index++) {
    const chain = queue[index]!;
    const file = chain.at(-1)!;
    if (!path.isAbsolute(file)) continue;
    for (const specifier of valueSpecifiers(readFileSync(file, "utf8"))) {
      const next = resolve(file, specifier);
      if (!next || chains.has(next)) continue;
      const nextChain = [...chain, next];
      chains.set(next, nextChain);
      queue.push(nextChain);
    }
  }
  return chains;
}

const relative = (module: string) => (path.isAbsolute(module) ? path.relative(ROOT, module) : module);

function violations(entries: string[]): string[] {
  return [...reachable(entries)]
    .filter(([module]) => FORBIDDEN.some((pattern) => pattern.test(relative(module))))
    .map(([, chain]) => chain.map(relative).join(" → "));
}

describe("the gateway server", () => {
  it("reaches no Prisma module by value imports", () => {
    expect(violations(ENTRIES)).toEqual([]);
  });

  it("the check sees Prisma where it is imported (it cannot pass vacuously)", () => {
    expect(reachable(ENTRIES).size).toBeGreaterThan(100);
    expect(violations(["lib/db/index.ts"])).toContain("lib/db/index.ts → lib/db/client.ts");
    expect(violations(["lib/db/index.ts"]).some((chain) => chain.endsWith("@prisma/adapter-pg"))).toBe(true);
    expect(valueSpecifiers(`import type { Db } from "@/lib/db";\nimport { type Db } from "./client";`)).toEqual([]);
    expect(valueSpecifiers(`import { getDb, type Db } from "@/lib/db";`)).toEqual(["@/lib/db"]);
  });
});
