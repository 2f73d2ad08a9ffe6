/**
 * Issue 8, "View code": the snippets actually run. For each request the playground could
 * send, the generated curl, TypeScript `openai` and TypeScript Anthropic SDK programs
 * (with full base64) run against the app, whose Anthropic credential points at the fake
 * upstream; each must exit 0, get the fixture's answer, and make the fake record exactly
 * the Anthropic request a direct gateway call with the original body makes. The TypeScript
 * programs must also type-check against the installed SDKs.
 *
 * Python: the `openai` Python package is not installed here, so the Python snippets are only
 * compiled (`python3 -m py_compile`) in this file; lib/view-code's unit tests also run them
 * with a stand-in `openai` module to check the arguments they pass.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateViewCode } from "@/lib/view-code/generate-view-code";
import type { Snippet, SnippetId } from "@/lib/view-code/view-code-types";
import type { AnthropicFixtureName } from "../fake-upstream/anthropic-fixtures";
import type { RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { ROOT } from "../helpers/run-cli";
import { viewCodeTestRequests, type ViewCodeTestRequest } from "../helpers/view-code-requests";
import { answerTextOf, fixtureAnswerText } from "../reference-samples/answer-text";
import { runBashScript, runTypeScriptProgram, SAMPLE_DIRECTORY, type SampleRun } from "../reference-samples/run-sample";
import {
  PROVIDER_SECRET,
  startGatewayUnderTest,
  type GatewayUnderTest,
} from "../reference-samples/start-gateway-under-test";

const PORT = 3471;
const TYPECHECK_DIRECTORY = path.join(ROOT, "tests/.artifacts/view-code-typecheck");

type RunnableCase = { request: ViewCodeTestRequest; serves: AnthropicFixtureName };

const cases: RunnableCase[] = [
  { request: viewCodeTestRequests.plainText, serves: "anthropic-text" },
  { request: viewCodeTestRequests.awkwardText, serves: "anthropic-text" },
  { request: viewCodeTestRequests.thinkingMultiTurn, serves: "anthropic-thinking" },
  { request: viewCodeTestRequests.attachmentsWithCache, serves: "anthropic-cache-usage" },
  { request: viewCodeTestRequests.toolResultTurn, serves: "anthropic-text" },
  { request: viewCodeTestRequests.streaming, serves: "anthropic-text" },
];

const RUN: Array<{ id: SnippetId; language: "bash" | "typescript" }> = [
  { id: "curl", language: "bash" },
  { id: "openai-typescript", language: "typescript" },
  { id: "anthropic-typescript", language: "typescript" },
];

let gateway: GatewayUnderTest;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
  rmSync(SAMPLE_DIRECTORY, { recursive: true, force: true });
  rmSync(TYPECHECK_DIRECTORY, { recursive: true, force: true });
});

function snippetsFor(body: Record<string, unknown>, baseUrl: string): Snippet[] {
  const result = generateViewCode(body, { baseUrl, includeFullBase64: true });
  if (!result.ok) throw new Error(result.error);
  expect(result.gatewayRejects).toBeUndefined();
  return result.snippets;
}

function codeOf(snippets: Snippet[], id: SnippetId): string {
  const snippet = snippets.find((candidate) => candidate.id === id)!;
  if (snippet.code === null) throw new Error(`${id}: ${snippet.unavailableReason}`);
  return snippet.code;
}

type UpstreamCall = { path: string; anthropicVersion: unknown; anthropicBeta: unknown; body: unknown };

const upstreamCalls = (requests: RecordedRequest[]): UpstreamCall[] =>
  requests.map((request) => ({
    path: request.path,
    anthropicVersion: request.headers["anthropic-version"],
    anthropicBeta: request.headers["anthropic-beta"],
    body: request.body,
  }));

/** What the fake records when a client posts the original body straight to the gateway. */
async function upstreamOfDirectCall(
  body: Record<string, unknown>,
  serves: AnthropicFixtureName,
): Promise<UpstreamCall[]> {
  gateway.fake.reset();
  gateway.fake.addRule({ scenario: { type: "fixture", fixture: serves } });
  const response = await fetch(`${gateway.url}/v3/router/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${gateway.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(answerTextOf(text)).toBe(fixtureAnswerText(serves));
  return upstreamCalls(gateway.fake.requests);
}

async function runSnippet(
  id: SnippetId,
  language: "bash" | "typescript",
  code: string,
  slug: string,
): Promise<SampleRun> {
  const env = { SWITCHYARD_API_KEY: gateway.apiKey };
  return language === "bash" ? runBashScript(slug, code, env) : runTypeScriptProgram(slug, code, env);
}

describe.each(cases)("$request.name", ({ request, serves }) => {
  const slugOf = (id: SnippetId) => `view-code-${request.name.replace(/[^a-z0-9]+/gi, "-")}-${id}`;
  let direct: UpstreamCall[];

  beforeAll(async () => {
    direct = await upstreamOfDirectCall(request.body, serves);
    expect(direct).toHaveLength(1);
  }, 60_000);

  it.each(RUN)(
    "$id runs and makes the same upstream request as a direct call",
    async ({ id, language }) => {
      const code = codeOf(snippetsFor(request.body, gateway.url), id);
      gateway.fake.reset();
      gateway.fake.addRule({ scenario: { type: "fixture", fixture: serves } });

      const run = await runSnippet(id, language, code, slugOf(id));

      expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
      expect(upstreamCalls(gateway.fake.requests)).toEqual(direct);
      for (const recorded of gateway.fake.requests) {
        expect(recorded.headers["x-api-key"]).toBe(PROVIDER_SECRET);
        expect(JSON.stringify(recorded.headers)).not.toContain(gateway.apiKey);
      }
      const answer = fixtureAnswerText(serves);
      if (language === "bash") {
        expect(answerTextOf(run.stdout)).toBe(answer);
      } else {
        expect(run.exchanges.map((exchange) => [exchange.url, exchange.status])).toEqual([
          [`${gateway.url}/v3/router/${id === "anthropic-typescript" ? "v1/messages" : "chat/completions"}`, 200],
        ]);
        expect(run.stdout).toContain(answer);
      }
    },
    90_000,
  );
});

describe("the snippets as files a user saves", () => {
  const everyRequest = Object.values(viewCodeTestRequests) as ViewCodeTestRequest[];

  it("every TypeScript snippet type-checks against the installed openai and @anthropic-ai/sdk (strict)", () => {
    rmSync(TYPECHECK_DIRECTORY, { recursive: true, force: true });
    mkdirSync(TYPECHECK_DIRECTORY, { recursive: true });
    const files: string[] = [];
    for (const request of everyRequest) {
      for (const includeFullBase64 of [true, false]) {
        const result = generateViewCode(request.body, { baseUrl: "http://localhost:3000", includeFullBase64 });
        if (!result.ok) throw new Error(result.error);
        for (const snippet of result.snippets) {
          if (snippet.language !== "typescript" || snippet.code === null) continue;
          const file = path.join(TYPECHECK_DIRECTORY, `${files.length}-${snippet.id}.mts`);
          writeFileSync(file, snippet.code);
          files.push(file);
        }
      }
    }
    const flags = [
      "--noEmit",
      "--strict",
      "--skipLibCheck",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--target",
      "es2022",
      "--types",
      "node",
    ];
    const check = spawnSync("npx", ["--no-install", "tsc", ...flags, ...files], { cwd: ROOT, encoding: "utf8" });
    try {
      expect(check.stdout + check.stderr.replace(/^npm warn .*\n/gm, "")).toBe("");
      expect(check.status).toBe(0);
    } finally {
      // `tsc -p .` globs **/*.mts: the files must not outlive this test.
      rmSync(TYPECHECK_DIRECTORY, { recursive: true, force: true });
    }
  }, 180_000);

  it("every Python snippet compiles (python3 -m py_compile; the openai package is not installed to run them)", () => {
    mkdirSync(SAMPLE_DIRECTORY, { recursive: true });
    for (const request of everyRequest) {
      for (const includeFullBase64 of [true, false]) {
        const result = generateViewCode(request.body, { baseUrl: "http://localhost:3000", includeFullBase64 });
        if (!result.ok) throw new Error(result.error);
        const file = path.join(SAMPLE_DIRECTORY, "view-code-snippet.py");
        writeFileSync(file, codeOf(result.snippets, "openai-python"));
        const compile = spawnSync("python3", ["-m", "py_compile", file], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        expect(compile.stderr, request.name).toBe("");
        expect(compile.status).toBe(0);
      }
    }
  });
});
