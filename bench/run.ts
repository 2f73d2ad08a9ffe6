/**
 * `npm run bench`: the gateway against the same fake Anthropic upstream called directly, through
 * a bare Node.js proxy (the floor) and through Portkey's gateway, in one run (issues 5 and the
 * data-plane issue). Measures added latency (sequential, non-streaming), time-to-first-token
 * overhead on streams, the cost of 1 MB request bodies, throughput at 64 concurrent streams
 * (Switchyard, the floor, Portkey), errors at 256 concurrent, and memory with 500 slow streams
 * open (`switchyard start`, `switchyard gateway`, Portkey), prints the tables and writes
 * bench/results.md.
 *
 * `npm run bench -- --quick`: short phases and small samples, for development; prints the
 * tables and leaves bench/results.md alone.
 *
 * `npm run bench -- --profile` also records two CPU profiles of the server (the sequential
 * non-streaming phase, and chat/completions streams at 64 concurrent) and prints where the
 * time goes; it does not overwrite results.md (the profiler slows the server).
 *
 * Environment: BENCH_REQUESTS (sequential non-streaming requests per path, default 3000; 200
 * with --quick), BENCH_STREAMS (sequential streams per path, 1000; 100), BENCH_BIG_REQUESTS
 * (1 MB requests per path, 300; 20), BENCH_SECONDS (per throughput run, 8; 2),
 * BENCH_SLOW_STREAMS (streams held open for the memory phase, 500), TEST_PORT_OFFSET (added to
 * the ports 3490–3493, as in the test suites; the fake upstream listens on a free port),
 * WORKERS (passed through to the servers; printed in the header).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../tests/helpers/run-cli";
import { closeConnections, countSseEvents, timedPost, type Target } from "./http-client";
import { largestRssMiB, rssMiB, treeCpuMs, treePssMiB, treeRssMiB, watchPeak, watchPeakRss } from "./process-stats";
import { renderProfile, renderResults, type SlowStreamMemory, type Throughput } from "./render-results";
import { holdSlowStreams, SLOW_STREAM_MARKER } from "./slow-streams";
import { BENCH_PROVIDER_KEY, startBenchInstall, type BenchInstall } from "./start-bench-install";
import { summarize } from "./stats";

const PORT = 3490;
const QUICK = process.argv.includes("--quick");
const SETTINGS = {
  quick: QUICK,
  requests: Number(process.env.BENCH_REQUESTS ?? (QUICK ? 200 : 3000)),
  streams: Number(process.env.BENCH_STREAMS ?? (QUICK ? 100 : 1000)),
  bigRequests: Number(process.env.BENCH_BIG_REQUESTS ?? (QUICK ? 20 : 300)),
  seconds: Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 8)),
  warmupSeconds: QUICK ? 1 : 2,
  concurrency: 64,
  highConcurrency: 256,
  slowStreams: Number(process.env.BENCH_SLOW_STREAMS ?? 500),
  /** How long the slow streams stay open while memory is sampled (they send an event a second). */
  holdSeconds: QUICK ? 3 : 10,
};
const QUESTION = "Explain quantum computing in simple terms";
/** The first text delta of the `anthropic-text` fixture (the fake's default answer), in every protocol. */
const FIRST_TOKEN = "Quantum";
/** The user message of the 1 MB requests: prose with line breaks and quotes (escaped in JSON), ~1 MB. */
const BIG_MESSAGE = (() => {
  const paragraph =
    'Quantum computers use "qubits", which can hold 0 and 1 at once; entanglement links them.\n' +
    "Summarize the notes above, keep the numbers, and answer in the language of the question.\n";
  return paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)).slice(0, 1_000_000);
})();

type PathName =
  | "direct"
  | "floor"
  | "chat"
  | "messages"
  | "chatGzip"
  | "chatNoLog"
  | "messagesNoLog"
  | "portkey"
  | "direct1MB"
  | "floor1MB"
  | "chat1MB";

/**
 * The same question several ways; `direct` is exactly what the gateway sends upstream for `chat`,
 * `floor` the same through a bare Node.js proxy (the least any proxy adds on this machine),
 * `portkey` the chat/completions request through Portkey's gateway to the same fake.
 */
function targetsFor(
  install: BenchInstall,
  stream: boolean,
  question = QUESTION,
): Record<"direct" | "floor" | "chat" | "messages" | "chatGzip" | "portkey", Target> {
  const gatewayAuth = { authorization: `Bearer ${install.gatewayKey}` };
  const anthropicMessages = [{ role: "user", content: [{ type: "text", text: question }] }];
  const chatMessages = [{ role: "user", content: question }];
  const chatBody = JSON.stringify({
    model: "anthropic/claude-sonnet-4-6",
    max_tokens: 1024,
    messages: chatMessages,
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
    // Portkey's provider header plus a custom host: its Anthropic provider posts to <host>/messages.
    portkey: {
      url: `${install.portkey.url}/v1/chat/completions`,
      headers: {
        "x-portkey-provider": "anthropic",
        "x-portkey-custom-host": `${install.fakeUrl}/v1`,
        authorization: `Bearer ${BENCH_PROVIDER_KEY}`,
      },
      body: JSON.stringify({ model: "claude-sonnet-4-6", max_tokens: 1024, messages: chatMessages, stream }),
    },
  };
}

/** The same chat and messages requests to the server with the request log on and to its twin with REQUEST_LOG=off. */
function logTargetsFor(install: BenchInstall, stream: boolean): Partial<Record<PathName, Target>> {
  const { chat, messages } = targetsFor(install, stream);
  const onTwin = (target: Target) => ({ ...target, url: target.url.replace(install.appUrl, install.noLogUrl) });
  return { chat, chatNoLog: onTwin(chat), messages, messagesNoLog: onTwin(messages) };
}

/** Non-streaming requests with a ~1 MB user message: direct, through the floor, through chat/completions. */
function bigTargetsFor(install: BenchInstall): Partial<Record<PathName, Target>> {
  const { direct, floor, chat } = targetsFor(install, false, BIG_MESSAGE);
  return { direct1MB: direct, floor1MB: floor, chat1MB: chat };
}

/** One request; a stream must carry the first token and its end, else it is an error (a broken proxy is not fast). */
async function post(target: Target, stream: boolean) {
  const timing = await timedPost(target, stream ? FIRST_TOKEN : undefined);
  const complete =
    !stream ||
    (timing.firstTokenMs !== undefined && (timing.body.includes("[DONE]") || timing.body.includes("message_stop")));
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

/**
 * `concurrency` clients each streaming back to back for `seconds`, with the CPU time of the
 * server's process tree when `pid` is given. A failed stream throws, unless `countErrors`: then
 * it is counted (with the first few messages) and the client goes on.
 */
async function throughput(
  target: Target,
  seconds: number,
  options: { pid?: number; concurrency?: number; countErrors?: boolean } = {},
): Promise<Throughput> {
  const { pid, concurrency = SETTINGS.concurrency, countErrors = false } = options;
  const cpuBefore = pid ? treeCpuMs(pid) : 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const latencies: number[] = [];
  let events = 0;
  let errors = 0;
  const errorSamples = new Set<string>();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        try {
          const timing = await post(target, true);
          latencies.push(timing.totalMs);
          events += countSseEvents(timing.body);
        } catch (error) {
          if (!countErrors) throw error;
          errors++;
          if (errorSamples.size < 3) errorSamples.add(String((error as Error).message).slice(0, 200));
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const result: Throughput = {
    streamsPerSecond: (latencies.length * 1000) / elapsedMs,
    latency: summarize(latencies),
    eventsPerStream: latencies.length ? events / latencies.length : 0,
    ...(countErrors ? { errors: { count: errors, samples: [...errorSamples] } } : {}),
  };
  if (!pid) return result;
  const cpu = treeCpuMs(pid) - cpuBefore;
  return { ...result, serverCpu: { coreShare: cpu / elapsedMs, msPerCall: cpu / Math.max(1, latencies.length) } };
}

/**
 * Memory of a server with SETTINGS.slowStreams chat/completions streams open (the fake sends an
 * event a second): just before, then the peak while they are held, of its whole process tree
 * (`treePid` and all below: RSS, and PSS, which counts shared pages once) and of the largest
 * process in it (for `switchyard start`, the worker that runs Next.js; not the small supervisor).
 */
async function slowStreamMemory(target: Target, treePid: number): Promise<SlowStreamMemory> {
  const before = { tree: treeRssMiB(treePid), main: largestRssMiB(treePid), pss: treePssMiB(treePid) };
  const slowTarget = {
    ...target,
    body: JSON.stringify({ ...JSON.parse(target.body), messages: [{ role: "user", content: SLOW_STREAM_MARKER }] }),
  };
  const held = await holdSlowStreams(slowTarget, SETTINGS.slowStreams, SETTINGS.holdSeconds * 1000, async (holding) => {
    const tree = watchPeakRss(treePid, { tree: true, everyMs: 250 });
    const main = watchPeak(() => largestRssMiB(treePid), 250);
    const pss = watchPeak(() => treePssMiB(treePid), 500);
    await holding;
    return { tree: tree.stop(), main: main.stop(), pss: pss.stop() };
  });
  // Let the server notice the closed streams before the next one is measured.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const { measured, ...hold } = held;
  return { before, held: measured, hold };
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

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const benchStarted = performance.now();
  const profileDirectory = process.argv.includes("--profile")
    ? mkdtempSync(path.join(os.tmpdir(), "switchyard-cpu-prof-"))
    : undefined;
  say(
    `${QUICK ? "Quick run (--quick): short phases, small samples; bench/results.md is left alone.\n" : ""}` +
      `WORKERS=${process.env.WORKERS ?? `unset (the servers' default: one per core, ${os.cpus().length})`}\n` +
      "Starting the fake upstream, the floor, Portkey and the app (production build)…",
  );
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
  const treePid = install.serverTreePid;
  const profile = profiler(pid, profileDirectory);
  try {
    const idleRss = rssMiB(pid);
    const { portkey: _noPortkeySequential, ...plain } = targetsFor(install, false);
    const { chatGzip: _noGzipStreams, portkey: portkeyStream, ...streaming } = targetsFor(install, true);

    say("Warming up…");
    await sequential(plain, QUICK ? 50 : 300, false);
    await sequential(streaming, QUICK ? 20 : 100, true);
    const warmRss = rssMiB(pid);

    say(`Sequential non-streaming requests: ${SETTINGS.requests} per path…`);
    profile.start();
    const cpuBefore = treeCpuMs(treePid);
    const floorCpuBefore = treeCpuMs(install.floorPid);
    const nonStream = await sequential(plain, SETTINGS.requests, false);
    const serverCpuPerRequestMs = (treeCpuMs(treePid) - cpuBefore) / (SETTINGS.requests * 3);
    const floorCpuPerRequestMs = (treeCpuMs(install.floorPid) - floorCpuBefore) / SETTINGS.requests;
    await profile.stop();

    say(`Sequential streams: ${SETTINGS.streams} per path…`);
    const streams = await sequential(streaming, SETTINGS.streams, true);

    say(`1 MB request bodies (non-streaming, interleaved): ${SETTINGS.bigRequests} per path…`);
    const bigTargets = bigTargetsFor(install);
    await sequential(bigTargets, Math.min(20, SETTINGS.bigRequests), false);
    const bigBodies = await sequential(bigTargets, SETTINGS.bigRequests, false);

    say(`Request log on vs off (same build, same database, interleaved): ${SETTINGS.requests} per path…`);
    await sequential(logTargetsFor(install, false), QUICK ? 50 : 200, false);
    const logNonStream = await sequential(logTargetsFor(install, false), SETTINGS.requests, false);
    const logStreams = await sequential(logTargetsFor(install, true), SETTINGS.streams, true);

    say(`Throughput: ${SETTINGS.concurrency} concurrent streams, ${SETTINGS.seconds} s per path…`);
    // The first seconds at this concurrency grow the heap and JIT new paths: not steady state.
    for (const target of [streaming.floor, portkeyStream, streaming.chat, streaming.messages]) {
      await throughput(target, SETTINGS.warmupSeconds, { countErrors: true });
    }
    const peak = watchPeakRss(pid);
    const direct = await throughput(streaming.direct, SETTINGS.seconds);
    const floor = await throughput(streaming.floor, SETTINGS.seconds, { pid: install.floorPid });
    // Portkey's failed streams are counted, not thrown: the report shows them and voids the comparison.
    const portkey = await throughput(portkeyStream, SETTINGS.seconds, { pid: install.portkey.pid, countErrors: true });
    profile.start();
    const chat = await throughput(streaming.chat, SETTINGS.seconds, { pid: treePid });
    await profile.stop();
    const messages = await throughput(streaming.messages, SETTINGS.seconds, { pid: treePid });
    const peakRss = peak.stop();

    say(`${SETTINGS.highConcurrency} concurrent streams, ${SETTINGS.seconds} s per path, errors counted…`);
    const high = { concurrency: SETTINGS.highConcurrency, countErrors: true };
    const highConcurrency = {
      chat: await throughput(streaming.chat, SETTINGS.seconds, { ...high, pid: treePid }),
      messages: await throughput(streaming.messages, SETTINGS.seconds, { ...high, pid: treePid }),
    };
    const afterRss = rssMiB(pid);

    say(`Memory with ${SETTINGS.slowStreams} slow streams open (${SETTINGS.holdSeconds} s each)…`);
    const startMemory = await slowStreamMemory(streaming.chat, treePid);
    const portkeyMemory = await slowStreamMemory(portkeyStream, install.portkey.pid);
    const gateway = await install.startGateway();
    let gatewayMemory: SlowStreamMemory | "not available" = "not available";
    if (gateway !== "not available") {
      const gatewayChat = { ...streaming.chat, url: streaming.chat.url.replace(install.appUrl, gateway.url) };
      // Warm it as the others were: sequential streams, then a short concurrent run.
      await sequential({ chat: gatewayChat }, QUICK ? 20 : 100, true);
      await throughput(gatewayChat, SETTINGS.warmupSeconds);
      gatewayMemory = await slowStreamMemory(gatewayChat, gateway.pid);
      await gateway.stop();
    }

    const report = renderResults({
      root: ROOT,
      settings: SETTINGS,
      workers: process.env.WORKERS,
      portkeyVersion: install.portkey.version,
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
      bigBodies: {
        bytes: Buffer.byteLength(bigTargets.chat1MB!.body),
        direct: bigBodies.total("direct1MB"),
        floor: bigBodies.total("floor1MB"),
        chat: bigBodies.total("chat1MB"),
      },
      throughput: { direct, floor, portkey, chat, messages },
      highConcurrency,
      rssMiB: { idle: idleRss, warm: warmRss, peak: peakRss, after: afterRss },
      slowStreams: { start: startMemory, gateway: gatewayMemory, portkey: portkeyMemory },
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
    say(`\n${report}`);
    if (!profileDirectory && !QUICK) {
      // Formatted as the repository's check wants it (npm run format:check in the tests).
      const prettier = await import("prettier");
      const file = path.join(ROOT, "bench/results.md");
      const options = (await prettier.resolveConfig(file)) ?? {};
      writeFileSync(file, await prettier.format(report, { ...options, filepath: file }));
      say("Wrote bench/results.md");
    }
  } finally {
    closeConnections();
    await install.stop();
  }

  if (profileDirectory) {
    say(
      `\n${renderProfile(path.join(profileDirectory, `CPU.${pid}.1.cpuprofile`), "sequential non-streaming requests, all gateway paths")}`,
    );
    say(
      `\n${renderProfile(path.join(profileDirectory, `CPU.${pid}.2.cpuprofile`), `chat/completions streams, ${SETTINGS.concurrency} concurrent`)}`,
    );
  }
}

await main();
