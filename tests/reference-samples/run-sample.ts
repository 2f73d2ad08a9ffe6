import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../helpers/run-cli";
import type { RecordedExchange } from "./record-http-exchanges";

/** The host every sample in the docs calls; the one substitution the docs themselves describe. */
export const DOCUMENTED_ORIGIN = "https://api.orq.ai";

/** Inside the repo so a sample's `import OpenAI from "openai"` resolves to node_modules. */
export const SAMPLE_DIRECTORY = path.join(ROOT, "tests/.artifacts/reference-samples");
const RECORDER = path.join(import.meta.dirname, "record-http-exchanges.ts");

export type SampleTarget = { gatewayUrl: string; apiKey: string };

export type SampleRun = {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** What the sample's SDK sent and received (TypeScript samples; empty for curl). */
  exchanges: RecordedExchange[];
};

/** `https://api.orq.ai/…` → `<gateway>/…`: the documented change of base URL, nothing else. */
export function pointAtGateway(code: string, gatewayUrl: string): string {
  if (!code.includes(DOCUMENTED_ORIGIN)) throw new Error(`the sample does not call ${DOCUMENTED_ORIGIN}:\n${code}`);
  return code.replaceAll(DOCUMENTED_ORIGIN, gatewayUrl);
}

/** Runs TypeScript as a user would: saved as an ES module and started with `npx tsx`. */
export async function runTypeScriptSample(
  slug: string,
  code: string,
  target: SampleTarget,
  /** Inside the repo (for node_modules); one per test file, so files running in parallel never clean up each other's. */
  directory: string = SAMPLE_DIRECTORY,
): Promise<SampleRun> {
  return runTypeScriptProgram(slug, pointAtGateway(code, target.gatewayUrl), { ORQ_API_KEY: target.apiKey }, directory);
}

/**
 * Runs a TypeScript program (already pointed at its server) as a user would, saved as an ES
 * module and started with `npx tsx`, with `env` added to the environment. Records the
 * program's HTTP exchanges.
 */
export async function runTypeScriptProgram(
  slug: string,
  code: string,
  env: Record<string, string>,
  directory: string = SAMPLE_DIRECTORY,
): Promise<SampleRun> {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${slug}.mts`);
  const log = path.join(directory, `${slug}.exchanges.jsonl`);
  writeFileSync(file, code);
  writeFileSync(log, "");
  try {
    const run = await runProcess("npx", ["--no-install", "tsx", "--import", RECORDER, file], {
      ...env,
      SAMPLE_EXCHANGE_LOG: log,
    });
    const exchanges = readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as RecordedExchange);
    return { ...run, exchanges };
  } finally {
    // `tsc` globs **/*.mts: a sample (untyped by design) must not outlive its run.
    rmSync(file, { force: true });
    rmSync(log, { force: true });
  }
}

/** Runs a cURL sample with bash, `$ORQ_API_KEY` in the environment. */
export async function runCurlSample(code: string, target: SampleTarget): Promise<SampleRun> {
  return runBashScript("curl-sample", pointAtGateway(code, target.gatewayUrl), { ORQ_API_KEY: target.apiKey });
}

/**
 * Runs a bash script saved to a file (a script with a large inline body is longer than one
 * `bash -c` argument may be), with `env` added to the environment.
 */
export async function runBashScript(slug: string, code: string, env: Record<string, string>): Promise<SampleRun> {
  mkdirSync(SAMPLE_DIRECTORY, { recursive: true });
  const file = path.join(SAMPLE_DIRECTORY, `${slug}.sh`);
  writeFileSync(file, code);
  try {
    return { ...(await runProcess("bash", [file], env)), exchanges: [] };
  } finally {
    rmSync(file, { force: true });
  }
}

function runProcess(command: string, args: string[], env: Record<string, string>) {
  return new Promise<Omit<SampleRun, "exchanges">>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
