/**
 * `npm run bench`: the gateway against the same fake Anthropic upstream called directly, in one
 * run (issue 5). Measures added latency (sequential, non-streaming), time-to-first-token
 * overhead on streams, throughput at 64 concurrent streams and the server's memory, prints the
 * tables and writes bench/results.md.
 *
 * `npm run bench -- --profile` also records two CPU profiles of the server (the sequential
 * non-streaming phase, and chat/completions streams at 64 concurrent) and prints where the
 * time goes; it does not overwrite results.md (the profiler slows the server).
 *
 * Environment: BENCH_REQUESTS (sequential non-streaming requests per path, default 3000),
 * BENCH_STREAMS (sequential streams per path, 1000), BENCH_SECONDS (per throughput run, 8),
 * TEST_PORT_OFFSET (added to the app's port 3490, as in the test suites; the fake upstream
 * listens on a free port).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../tests/helpers/run-cli";
import { closeConnections, timedPost, type Target } from "./http-client";
import { cpuMs, rssMiB, watchPeakRss } from "./process-stats";
import { renderProfile, renderResults, type Throughput } from "./render-results";
import { BENCH_PROVIDER_KEY, startBenchInstall, type BenchInstall } from "./start-bench-install";
import { summarize } from "./stats";

const PORT = 3490;
const SETTINGS = {
  requests: Number(process.env.BENCH_REQUESTS ?? 3000),
  streams: Number(process.env.BENCH_STREAMS ?? 1000),
  seconds: Number(process.env.BENCH_SECONDS ?? 8),
  concurrency: 64,
};
const QUESTION = "Explain quantum computing in simple terms";
/** The first text delta of the `anthropic-text` fixture (the fake's default answer), in every protocol. */
const FIRST_TOKEN = "Quantum";

type PathName = "direct" | "floor" | "chat" | "messages" | "chatGzip" | "chatNoLog" | "messagesNoLog";

/**
 * The same question five ways; `direct` is exactly what the gateway sends upstream for `chat`,
 * `floor` the same through a bare Node.js proxy (the least any proxy adds on this machine).
 */
function targetsFor(
  install: BenchInstall,
  stream: boolean,
): Record<"direct" | "floor" | "chat" | "messages" | "chatGzip", Target> {
  const gatewayAuth = { authorization: `Bearer ${install.gatewayKey}` };
  const anthropicMessages = [{ role: "user", content: [{ type: "text", text: QUESTION }] }];
  const chatBody = JSON.stringify({
    model: "anthropic/claude-sonnet-4-6",
    max_tokens: 1024,
    messages: [{ role: "user", content: QUESTION }],
    stream,
  });
  const direct = {
    url: `${install.fakeUrl}/v1/messages`,
    headers: { "x-api-key": BENCH_PROVIDER_KEY, "anthropic-version": "2023-06-01" },
    body: JSON.stringify({ model: "claude-sonnet-4-6", max_tokens: 1024, messages: anthropicMessages, stream }),
  };
  return {
    direct,
    floor: { ...direct, url: `${install.floorUrl}/v1/messages` },
    chat: { url: `${install.appUrl}/v3/router/chat/completions`, headers: gatewayAuth, body: chatBody },
    messages: {
      url: `${install.appUrl}/v3/router/v1/messages`,
      headers: { ...gatewayAuth, "anthropic-version": "2023-06-01" },
      body: JSON.stringify({
        model: "anthropic/claude-sonnet-4-6",
        max_tokens: 1024,
        messages: anthropicMessages,
        stream,
      }),
    },
    chatGzip: {
      url: `${install.appUrl}/v3/router/chat/completions`,
      headers: { ...gatewayAuth, "accept-encoding": "gzip, deflate" },
      body: chatBody,
    },
  };
}

/** The same chat and messages requests to the server with the request log on and to its twin with REQUEST_LOG=off. */
function logTargetsFor(install: BenchInstall, stream: boolean): Partial<Record<PathName, Target>> {
  const { chat, messages } = targetsFor(install, stream);
  const onTwin = (target: Target) => ({ ...target, url: target.url.replace(install.appUrl, install.noLogUrl) });
  return { chat, chatNoLog: onTwin(chat), messages, messagesNoLog: onTwin(messages) };
}

async function post(target: Target, stream: boolean) {
  const timing = await timedPost(target, stream ? FIRST_TOKEN : undefined);
  const complete = !stream || timing.body.includes("[DONE]") || timing.body.includes("message_stop");
  if (timing.status !== 200 || !complete)
    throw new Error(`${target.url} answered ${timing.status}: ${timing.body.slice(0, 500)}`);
  return timing;
}

/**
 * Sequential requests, the paths interleaved in a fresh shuffled order each round (seeded, so
 * runs repeat): drift hits them alike, and no path always follows the same one — a request
 * lands while the previous one's processes finish their work, and a fixed order charged one
 * path for another's tail.
 */
async function sequential(targets: Partial<Record<PathName, Target>>, iterations: number, stream: boolean) {
  const names = Object.keys(targets) as PathName[];
  const total = new Map<PathName, number[]>(names.map((name) => [name, []]));
  const firstToken = new Map<PathName, number[]>(names.map((name) => [name, []]));
  const random = seededRandom(iterations * names.length);
  for (let iteration = 0; iteration < iterations; iteration++) {
    const order = shuffled(names, random);
    for (const name of order) {
      const timing = await post(targets[name]!, stream);
      total.get(name)!.push(timing.totalMs);
      if (timing.firstTokenMs !== undefined) firstToken.get(name)!.push(timing.firstTokenMs);
    }
  }
  const summaries = (samples: Map<PathName, number[]>) => (name: PathName) => summarize(samples.get(name) ?? []);
  return { total: summaries(total), firstToken: summaries(firstToken) };
}

/** mulberry32: a small seeded PRNG, so the bench's order is the same from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

/** `concurrency` clients each streaming back to back for `seconds`; with the server's CPU time when `pid` is given. */
async function throughput(target: Target, seconds: number, pid?: number): Promise<Throughput> {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: SETTINGS.concurrency }, async () => {
      while (performance.now() < deadline) latencies.push((await post(target, true)).totalMs);
    }),
  );
  const elapsedMs = performance.now() - started;
  const result: Throughput = { streamsPerSecond: (latencies.length * 1000) / elapsedMs, latency: summarize(latencies) };
  if (!pid) return result;
  const cpu = cpuMs(pid) - cpuBefore;
  return { ...result, serverCpu: { coreShare: cpu / elapsedMs, msPerCall: cpu / latencies.length } };
}

/** Each SIGUSR2 pair makes bench/cpu-profiler-preload.mjs write CPU.<pid>.<index>.cpuprofile. */
function profiler(pid: number, directory: string | undefined) {
  let index = 0;
  return {
    start() {
      if (directory) process.kill(pid, "SIGUSR2");
    },
    async stop() {
      if (!directory) return;
      process.kill(pid, "SIGUSR2");
      const file = path.join(directory, `CPU.${pid}.${++index}.cpuprofile`);
      const deadline = Date.now() + 30_000;
      while (!existsSync(file)) {
        if (Date.now() > deadline) throw new Error(`the server wrote no CPU profile to ${file}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

async function main() {
  const benchStarted = performance.now();
  const profileDirectory = process.argv.includes("--profile")
    ? mkdtempSync(path.join(os.tmpdir(), "switchyard-cpu-prof-"))
    : undefined;
  process.stdout.write("Starting the fake upstream and the app (production build)…\n");
  const install = await startBenchInstall({
    port: PORT,
    serverEnv: profileDirectory
      ? {
          NODE_OPTIONS: `--import ${path.join(ROOT, "bench/cpu-profiler-preload.mjs")}`,
          SWITCHYARD_CPU_PROFILE_DIR: profileDirectory,
        }
      : undefined,
  });
  const pid = install.serverPid;
  const profile = profiler(pid, profileDirectory);
  try {
    const idleRss = rssMiB(pid);
    const plain = targetsFor(install, false);
    const { chatGzip: _noGzipStreams, ...streaming } = targetsFor(install, true);

    process.stdout.write("Warming up…\n");
    await sequential(plain, 300, false);
    await sequential(streaming, 100, true);
    const warmRss = rssMiB(pid);

    process.stdout.write(`Sequential non-streaming requests: ${SETTINGS.requests} per path…\n`);
    profile.start();
    const cpuBefore = cpuMs(pid);
    const floorCpuBefore = cpuMs(install.floorPid);
    const nonStream = await sequential(plain, SETTINGS.requests, false);
    const serverCpuPerRequestMs = (cpuMs(pid) - cpuBefore) / (SETTINGS.requests * 3);
    const floorCpuPerRequestMs = (cpuMs(install.floorPid) - floorCpuBefore) / SETTINGS.requests;
    await profile.stop();

    process.stdout.write(`Sequential streams: ${SETTINGS.streams} per path…\n`);
    const streams = await sequential(streaming, SETTINGS.streams, true);

    process.stdout.write(
      `Request log on vs off (same build, same database, interleaved): ${SETTINGS.requests} per path…\n`,
    );
    await sequential(logTargetsFor(install, false), 200, false);
    const logNonStream = await sequential(logTargetsFor(install, false), SETTINGS.requests, false);
    const logStreams = await sequential(logTargetsFor(install, true), SETTINGS.streams, true);

    process.stdout.write(`Throughput: ${SETTINGS.concurrency} concurrent streams, ${SETTINGS.seconds} s per path…\n`);
    // The first seconds at this concurrency grow the heap and JIT new paths: not steady state.
    await throughput(streaming.chat, 2);
    await throughput(streaming.messages, 2);
    const peak = watchPeakRss(pid);
    const direct = await throughput(streaming.direct, SETTINGS.seconds);
    profile.start();
    const chat = await throughput(streaming.chat, SETTINGS.seconds, pid);
    await profile.stop();
    const messages = await throughput(streaming.messages, SETTINGS.seconds, pid);

    const report = renderResults({
      root: ROOT,
      settings: SETTINGS,
      nonStream: {
        direct: nonStream.total("direct"),
        floor: nonStream.total("floor"),
        chat: nonStream.total("chat"),
        messages: nonStream.total("messages"),
        chatGzip: nonStream.total("chatGzip"),
      },
      serverCpuPerRequestMs,
      floorCpuPerRequestMs,
      firstToken: {
        direct: streams.firstToken("direct"),
        floor: streams.firstToken("floor"),
        chat: streams.firstToken("chat"),
        messages: streams.firstToken("messages"),
      },
      throughput: { direct, chat, messages },
      rssMiB: { idle: idleRss, warm: warmRss, peak: peak.stop(), after: rssMiB(pid) },
      requestLog: {
        nonStream: {
          chat: logNonStream.total("chat"),
          chatNoLog: logNonStream.total("chatNoLog"),
          messages: logNonStream.total("messages"),
          messagesNoLog: logNonStream.total("messagesNoLog"),
        },
        firstToken: {
          chat: logStreams.firstToken("chat"),
          chatNoLog: logStreams.firstToken("chatNoLog"),
          messages: logStreams.firstToken("messages"),
          messagesNoLog: logStreams.firstToken("messagesNoLog"),
        },
      },
      totalSeconds: (performance.now() - benchStarted) / 1000,
    });
    process.stdout.write(`\n${report}\n`);
    if (!profileDirectory) {
      writeFileSync(path.join(ROOT, "bench/results.md"), report);
      process.stdout.write("Wrote bench/results.md\n");
    }
  } finally {
    closeConnections();
    await install.stop();
  }

  if (profileDirectory) {
    process.stdout.write(
      `\n${renderProfile(path.join(profileDirectory, `CPU.${pid}.1.cpuprofile`), "sequential non-streaming requests, all gateway paths")}\n`,
    );
    process.stdout.write(
      `\n${renderProfile(path.join(profileDirectory, `CPU.${pid}.2.cpuprofile`), `chat/completions streams, ${SETTINGS.concurrency} concurrent`)}\n`,
    );
  }
}

await main();
