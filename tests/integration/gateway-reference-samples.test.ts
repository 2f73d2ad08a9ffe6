/**
 * Acceptance (issue 5): every client sample of the two reference docs, run unchanged as a
 * script against the running app with an Anthropic BYOK credential whose base URL is the
 * fake upstream. The only edit is the documented one: https://api.orq.ai → the app's URL,
 * ORQ_API_KEY from the environment. Each sample must exit 0, its client must receive the
 * fixture's answer, and the fake must record exactly the Anthropic request(s) the rules imply.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../fake-upstream/fake-anthropic-server";
import { answerTextOf, fixtureAnswerText } from "../reference-samples/answer-text";
import type { MarkdownSample } from "../reference-samples/extract-markdown-samples";
import {
  invalidInTheDoc,
  notRunnable,
  responsesApiSamples,
  runnableSamples,
} from "../reference-samples/orq-anthropic-integration-cases";
import {
  notRunnableExtendedThinking,
  runnableExtendedThinking,
} from "../reference-samples/orq-extended-thinking-cases";
import type { RecordedExchange } from "../reference-samples/record-http-exchanges";
import { runCurlSample, runTypeScriptSample, SAMPLE_DIRECTORY, type SampleRun } from "../reference-samples/run-sample";
import {
  AS_SENT_BY_CLIENT,
  isSampleVariants,
  type ExpectedUpstreamCall,
  type SampleCase,
} from "../reference-samples/sample-case";
import {
  PROVIDER_SECRET,
  startGatewayUnderTest,
  type GatewayUnderTest,
} from "../reference-samples/start-gateway-under-test";
import { EXTENDED_THINKING_SAMPLE_DIRECTORY, integrationDocSamples } from "../reference-samples/reference-sample-files";

const PORT = 3430;

/** The client samples: TypeScript fences and bash fences titled cURL (not `npm install`). */
const isClientSample = (sample: MarkdownSample) =>
  sample.language === "typescript" || (sample.language === "bash" && sample.title.startsWith("cURL"));
const callsResponsesApi = (sample: MarkdownSample) => /\/v3\/router\/responses|\.responses\.create\(/.test(sample.code);

const integrationSamples = integrationDocSamples();
const clientSamples = integrationSamples.filter(isClientSample);
const pythonSamples = integrationSamples.filter((sample) => sample.language === "python");

let gateway: GatewayUnderTest;

beforeAll(async () => {
  gateway = await startGatewayUnderTest({ port: PORT });
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
  rmSync(SAMPLE_DIRECTORY, { recursive: true, force: true });
});

describe("orq-anthropic-integration.md", () => {
  it("accounts for every TypeScript and cURL sample exactly once: run or not a program", () => {
    const accountedFor = [
      ...Object.keys(runnableSamples),
      ...Object.keys(notRunnable),
      ...Object.keys(invalidInTheDoc),
    ];
    expect(accountedFor.sort()).toEqual(clientSamples.map((sample) => sample.name).sort());
  });

  it("runs every sample that calls the Responses API", () => {
    expect(clientSamples.filter(callsResponsesApi).map((sample) => sample.name)).toEqual(responsesApiSamples);
    expect(responsesApiSamples.filter((name) => !runnableSamples[name])).toEqual([]);
  });

  for (const sample of clientSamples) {
    const sampleCase = runnableSamples[sample.name];
    if (!sampleCase) continue;
    const runs = isSampleVariants(sampleCase) ? Object.entries(sampleCase.variants) : [["", sampleCase] as const];
    for (const [variant, run] of runs) {
      const title = `${sample.name} (line ${sample.line})${variant ? ` — ${variant}` : ""}`;
      it(title, () => runSample(sample.name, sample.language, sample.code, run), 60_000);
    }
  }

  for (const [name, reason] of Object.entries(invalidInTheDoc)) {
    it(`${name} cannot run as documented: ${reason}`, async () => {
      const sample = clientSamples.find((candidate) => candidate.name === name)!;
      const syntaxCheck = spawnSync("bash", ["-n", "-c", sample.code], { encoding: "utf8" });
      expect(syntaxCheck.status).not.toBe(0);
      expect(syntaxCheck.stderr).toMatch(/unexpected EOF/);
    });
  }

  it("has Python samples only in languages the TypeScript and cURL samples also cover", () => {
    // Python's openai/anthropic packages cannot be installed here (no PyPI); each Python sample
    // has a TypeScript or cURL twin in the same section, and that twin runs.
    const runnableSections = new Set(
      clientSamples.filter((sample) => runnableSamples[sample.name]).map((sample) => sample.section),
    );
    expect(
      pythonSamples.filter((sample) => !runnableSections.has(sample.section)).map((sample) => sample.name),
    ).toEqual([]);
  });
});

describe("orq-extended-thinking.md (no code fences: samples kept verbatim under tests/reference-samples/)", () => {
  const sampleFiles = readdirSync(EXTENDED_THINKING_SAMPLE_DIRECTORY).sort();
  const readSample = (file: string) =>
    readFileSync(path.join(EXTENDED_THINKING_SAMPLE_DIRECTORY, file), "utf8").trimEnd();

  it("accounts for every sample file exactly once: run or not a program", () => {
    const accountedFor = [...Object.keys(runnableExtendedThinking), ...Object.keys(notRunnableExtendedThinking)];
    expect(accountedFor.sort()).toEqual(sampleFiles);
  });

  for (const [file, sampleCase] of Object.entries(runnableExtendedThinking)) {
    const language = file.endsWith(".sh") ? "bash" : "typescript";
    it(file, () => runSample(`extended-thinking-${file}`, language, readSample(file), sampleCase), 60_000);
  }
});

async function runSample(name: string, language: string, code: string, sampleCase: SampleCase) {
  const { fake } = gateway;
  fake.reset();
  for (const rule of sampleCase.failing ?? []) fake.addRule(rule);
  fake.addRule({ scenario: { type: "fixture", fixture: sampleCase.serves } });
  const target = { gatewayUrl: gateway.url, apiKey: gateway.apiKey };

  const run =
    language === "bash"
      ? await runCurlSample(code, target)
      : await runTypeScriptSample(slug(name), `${sampleCase.prelude ?? ""}${code}`, target);

  if (sampleCase.fails) {
    expect(run.exitCode, `${run.stderr}\n${run.stdout}`).not.toBe(0);
    expect(run.exchanges.at(-1)?.status).toBe(sampleCase.fails.status);
    expect(run.stderr).toMatch(sampleCase.fails.stderr);
  } else {
    expect(run.exitCode, `${run.stderr}\n${run.stdout}`).toBe(0);
    expectClientReceivedTheAnswer(run, language, sampleCase);
  }
  expect(normalizeUpstreamCalls(fake.requests, sampleCase)).toEqual(expectedUpstreamCalls(sampleCase, run.exchanges));
  for (const request of fake.requests) {
    expect(request.headers["x-api-key"]).toBe(PROVIDER_SECRET);
    expect(JSON.stringify(request.headers)).not.toContain(gateway.apiKey);
  }
}

function expectClientReceivedTheAnswer(run: SampleRun, language: string, sampleCase: SampleCase) {
  let lastResponse: string;
  if (language === "bash") {
    // curl prints the response body.
    lastResponse = run.stdout;
  } else {
    expect(run.exchanges.length).toBeGreaterThan(0);
    expect(run.exchanges.map((exchange) => exchange.status)).toEqual(run.exchanges.map(() => 200));
    lastResponse = run.exchanges.at(-1)!.responseBody;
    expect(run.stdout).toBe(sampleCase.prints);
    for (const [header, pattern] of Object.entries(sampleCase.receivesHeaders ?? {})) {
      expect(run.exchanges.at(-1)!.responseHeaders[header]).toMatch(pattern);
    }
  }
  expect(answerTextOf(lastResponse)).toBe(fixtureAnswerText(sampleCase.serves));
  if (sampleCase.receives) expect(JSON.parse(lastResponse)).toMatchObject(sampleCase.receives);
}

type UpstreamCall = { path: string; anthropicVersion: unknown; anthropicBeta: unknown; body: unknown };

function normalizeUpstreamCalls(requests: RecordedRequest[], sampleCase: SampleCase): UpstreamCall[] {
  const calls = requests.map((request) => ({
    path: request.path,
    anthropicVersion: request.headers["anthropic-version"],
    anthropicBeta: request.headers["anthropic-beta"],
    body: request.body,
  }));
  // The issue allows a bounded retry of a failed model before the next one: one call per attempt.
  if (!sampleCase.failing) return calls;
  return calls.filter((call, index) => index === 0 || JSON.stringify(call) !== JSON.stringify(calls[index - 1]));
}

/** The expected calls, with the client's own headers filled in where they are forwarded. */
function expectedUpstreamCalls(sampleCase: SampleCase, exchanges: RecordedExchange[]): UpstreamCall[] {
  return sampleCase.upstream.map((call: ExpectedUpstreamCall, index) => {
    const sent = exchanges[index]?.requestHeaders ?? {};
    if (call.anthropicVersion === AS_SENT_BY_CLIENT)
      expect(sent["anthropic-version"], "the client's anthropic-version").toBeDefined();
    return {
      path: call.path,
      anthropicVersion: call.anthropicVersion === AS_SENT_BY_CLIENT ? sent["anthropic-version"] : call.anthropicVersion,
      anthropicBeta: call.anthropicBeta === AS_SENT_BY_CLIENT ? sent["anthropic-beta"] : call.anthropicBeta,
      body: call.body,
    };
  });
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
