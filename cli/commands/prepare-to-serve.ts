import { writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";
import { getDb } from "@/lib/db";
import { issueSetupToken, setupTokenAnnouncement } from "@/lib/auth/setup-token";
import type { Config } from "@/lib/env";
import { migrateAndReport } from "./migrate";
import { withBuildLock } from "../build-lock";
import { runNodeChild } from "../run-node-child";
import { buildFingerprint, buildIsCurrent, BUILD_STAMP_FILE } from "../build-fingerprint";

const ROOT = projectRoot();
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export function runNext(args: string[]): Promise<number> {
  return runNodeChild([NEXT_BIN, ...args], { cwd: ROOT, onSignal: 0 });
}

/** While no admin exists: the first-run token, on the console only (lib/auth/setup-token.ts). */
async function announceSetupToken(config: Config) {
  const token = await issueSetupToken(getDb(), config.setupToken);
  if (!token) return;
  const host = ["0.0.0.0", "::", "[::]"].includes(config.host) ? "localhost" : config.host;
  const hostInUrl = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  process.stdout.write(
    setupTokenAnnouncement(`http://${hostInUrl}:${config.port}`, token, config.setupToken !== undefined),
  );
}

export async function buildIfNeeded(): Promise<boolean> {
  const fingerprint = buildFingerprint(ROOT);
  if (buildIsCurrent(ROOT, fingerprint)) return true;
  return withBuildLock(ROOT, async () => {
    if (buildIsCurrent(ROOT, fingerprint)) return true;
    process.stdout.write("Building the app (sources changed since the last build)…\n");
    if ((await runNext(["build"])) !== 0) return false;
    writeFileSync(path.join(ROOT, BUILD_STAMP_FILE), fingerprint);
    return true;
  });
}

/**
 * What `start` and `gateway` do before serving: migrate, build the UI when its sources changed
 * (`app` only) and, while no admin exists, print the first-run token (`app` only: whoever sees
 * the page first can already enter it). It runs in a child process of the server
 * (serve.ts): migrations and Prisma would otherwise stay in the server's memory for good.
 */
export async function prepareToServe(mode: "app" | "gateway", { build }: { build: boolean }): Promise<number> {
  const config = await migrateAndReport();
  if (mode === "gateway") return 0;
  if (build && !(await buildIfNeeded())) return 1;
  await announceSetupToken(config);
  return 0;
}
