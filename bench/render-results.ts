import { execSync } from "node:child_process";
import os from "node:os";
import { summarizeCpuProfile, type ProfileLine } from "./cpu-profile-summary";
import type { SlowStreamHold } from "./slow-streams";
import { ms, type Summary } from "./stats";

/**
 * The data-plane issue's targets. Latency targets are over the floor (a bare Node.js proxy on the
 * same hop, measured in the same run) except p99, which is over the fake called directly.
 */
const TARGETS = {
  /** Added p50 (non-streaming) beyond the floor's, ms. */
  p50BeyondFloor: 0.3,
  /** Added p99 (non-streaming) over the fake called directly, ms. */
  p99: 5,
  /** TTFT overhead (p50) beyond the floor's, ms. */
  ttftBeyondFloor: 0.5,
  /** chat/completions streams/s at 64 concurrent, as a multiple of Portkey's. */
  streamsVsPortkey: 2,
  /** Streams/s at 64 concurrent, as a share of the floor's. */
  streamsVsFloor: 0.5,
  /** p50 of a 1 MB chat/completions request beyond the floor's for the same body, ms. */
  bigBodyBeyondFloor: 3,
  /** RSS with the slow streams open, MiB. */
  gatewayTreeMiB: 150,
  startMainMiB: 250,
  startTreeMiB: 400,
} as const;

export type Throughput = {
  streamsPerSecond: number;
  latency: Summary;
  /** SSE events per completed stream: a proxy whose streams carry nothing shows here. */
  eventsPerStream: number;
  /** Failed streams, when counted (the 256-concurrent phase): errors are thrown elsewhere. */
  errors?: { count: number; samples: string[] };
  serverCpu?: { coreShare: number; msPerCall: number };
};

/**
 * A server's memory just before the slow streams and at its peak while they were open: RSS of
 * its process tree, RSS of its largest process (`main`), PSS of its tree (shared pages once).
 */
export type SlowStreamMemory = {
  before: { tree: number; main?: number; pss?: number };
  held: { tree: number; main?: number; pss?: number };
  hold: SlowStreamHold;
};

export type BenchResults = {
  root: string;
  settings: {
    quick: boolean;
    requests: number;
    streams: number;
    bigRequests: number;
    seconds: number;
    concurrency: number;
    highConcurrency: number;
    slowStreams: number;
    holdSeconds: number;
  };
  /** WORKERS as the bench passed it to the servers (undefined: unset, the servers' default). */
  workers: string | undefined;
  portkeyVersion: string;
  nonStream: { direct: Summary; floor: Summary; chat: Summary; messages: Summary; chatGzip: Summary };
  serverCpuPerRequestMs: number;
  /** CPU of the bare proxy per request it forwarded: what the same hop costs with no work done. */
  floorCpuPerRequestMs: number;
  firstToken: { direct: Summary; floor: Summary; chat: Summary; messages: Summary };
  /** The same ~1 MB user message, non-streaming: to the fake, through the floor, through chat/completions. */
  bigBodies: { bytes: number; direct: Summary; floor: Summary; chat: Summary };
  throughput: { direct: Throughput; floor: Throughput; portkey: Throughput; chat: Throughput; messages: Throughput };
  highConcurrency: { chat: Throughput; messages: Throughput };
  rssMiB: { idle: number; warm: number; peak: number; after: number };
  slowStreams: { start: SlowStreamMemory; gateway: SlowStreamMemory | "not available"; portkey: SlowStreamMemory };
  /** The same requests to the app with the request log on and to a twin with REQUEST_LOG=off. */
  requestLog: {
    nonStream: { chat: Summary; chatNoLog: Summary; messages: Summary; messagesNoLog: Summary };
    firstToken: { chat: Summary; chatNoLog: Summary; messages: Summary; messagesNoLog: Summary };
  };
  totalSeconds: number;
};

const labels = {
  direct: "fake upstream, called directly (POST /v1/messages)",
  floor: "floor: a bare Node.js proxy in front of it (bench/bare-proxy-process.ts)",
  chat: "gateway POST /v3/router/chat/completions",
  messages: "gateway POST /v3/router/v1/messages",
  chatGzip: "gateway chat/completions, accept-encoding: gzip (as the SDKs send)",
  portkey: "Portkey's gateway POST /v1/chat/completions (same fake)",
};

/** bench/results.md: the machine, the targets at a glance, then one table per measurement. */
export function renderResults(results: BenchResults): string {
  const { nonStream, firstToken, throughput, rssMiB, settings } = results;
  const overhead = (name: string, gateway: Summary) => {
    const p50 = gateway.p50 - nonStream.direct.p50;
    const p99 = gateway.p99 - nonStream.direct.p99;
    const beyond = gateway.p50 - nonStream.floor.p50;
    return `| ${name} | ${ms(p50)} | ${ms(beyond)} ${tick(beyond <= TARGETS.p50BeyondFloor)} | ${ms(p99)} ${tick(p99 <= TARGETS.p99)} | ${ms(gateway.p99 - nonStream.floor.p99)} |`;
  };
  const ttftOverhead = (gateway: Summary) => gateway.p50 - firstToken.direct.p50;
  const ttftBeyondFloor = (gateway: Summary) => gateway.p50 - firstToken.floor.p50;
  const floorOverhead = {
    p50: nonStream.floor.p50 - nonStream.direct.p50,
    p99: nonStream.floor.p99 - nonStream.direct.p99,
  };
  const throughputRow = (name: keyof typeof throughput) => {
    const { streamsPerSecond, latency, serverCpu, eventsPerStream, errors } = throughput[name];
    const cpu = serverCpu ? `${(serverCpu.coreShare * 100).toFixed(0)} % | ${ms(serverCpu.msPerCall)}` : "– | –";
    const failed = errors?.count ? ` (${errors.count} failed: \`${errors.samples[0]?.replace(/[|\n]/g, " ")}\`)` : "";
    return `| ${labels[name]} | ${streamsPerSecond.toFixed(0)}${failed} | ${eventsPerStream.toFixed(1)} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${cpu} |`;
  };
  const highRow = (name: keyof BenchResults["highConcurrency"]) => {
    const { streamsPerSecond, latency, errors, serverCpu } = results.highConcurrency[name];
    const count = errors?.count ?? 0;
    const samples = errors?.samples.length
      ? ` (${errors.samples.map((sample) => `\`${sample.replace(/[|\n]/g, " ")}\``).join("; ")})`
      : "";
    const cpu = serverCpu ? `${(serverCpu.coreShare * 100).toFixed(0)} %` : "–";
    return `| ${labels[name]} | ${streamsPerSecond.toFixed(0)} | ${ms(latency.p50)} | ${ms(latency.p99)} | ${cpu} | ${count} ${tick(count === 0)}${samples} |`;
  };

  return [
    "# Gateway benchmark",
    "",
    "Generated by `npm run bench` (bench/run.ts). The gateway is compared with the same fake Anthropic upstream called",
    "directly (the difference is what Switchyard adds), with a bare Node.js proxy in front of it (the floor: what any",
    "Node.js proxy adds on this machine) and with Portkey's gateway in front of it, all in the same run.",
    "",
    machine(results),
    "",
    ...renderTargets(results),
    `## Added latency, non-streaming (sequential, ${settings.requests} requests per path, interleaved)`,
    "",
    latencyTable([
      [labels.direct, nonStream.direct],
      [labels.floor, nonStream.floor],
      [labels.chat, nonStream.chat],
      [labels.messages, nonStream.messages],
      [labels.chatGzip, nonStream.chatGzip],
    ]),
    "",
    `| overhead | p50 vs direct | p50 beyond the floor (target ≤ ${TARGETS.p50BeyondFloor} ms) | p99 vs direct (target ≤ ${TARGETS.p99} ms) | p99 beyond the floor |`,
    "| --- | ---: | ---: | ---: | ---: |",
    overhead("chat/completions", nonStream.chat),
    overhead("v1/messages", nonStream.messages),
    overhead("chat/completions + gzip", nonStream.chatGzip),
    "",
    `Server CPU per gateway request (sequential phase, the server's process tree): ${ms(results.serverCpuPerRequestMs)}. ` +
      `The floor — a bare Node.js proxy that only forwards bytes on the same loopback hop — adds ${ms(floorOverhead.p50)} at p50 and ` +
      `${ms(floorOverhead.p99)} at p99 on this machine and burns ${ms(results.floorCpuPerRequestMs)} of CPU per request: no proxy ` +
      'written in Node.js can add less here, so "beyond the floor" is what Switchyard\'s own work costs.',
    "",
    `## Time to first token, streaming (sequential, ${settings.streams} streams per path)`,
    "",
    latencyTable([
      [labels.direct, firstToken.direct],
      [labels.floor, firstToken.floor],
      [labels.chat, firstToken.chat],
      [labels.messages, firstToken.messages],
    ]),
    "",
    `TTFT overhead (p50) vs direct: chat/completions ${ms(ttftOverhead(firstToken.chat))}, v1/messages ${ms(ttftOverhead(firstToken.messages))}; ` +
      `the floor's: ${ms(firstToken.floor.p50 - firstToken.direct.p50)}. Beyond the floor (target ≤ ${TARGETS.ttftBeyondFloor} ms): ` +
      `chat/completions ${ms(ttftBeyondFloor(firstToken.chat))} ${tick(ttftBeyondFloor(firstToken.chat) <= TARGETS.ttftBeyondFloor)}, ` +
      `v1/messages ${ms(ttftBeyondFloor(firstToken.messages))} ${tick(ttftBeyondFloor(firstToken.messages) <= TARGETS.ttftBeyondFloor)}. ` +
      `p99 vs direct: chat/completions ${ms(firstToken.chat.p99 - firstToken.direct.p99)}, v1/messages ${ms(firstToken.messages.p99 - firstToken.direct.p99)}.`,
    "",
    ...renderBigBodies(results),
    `## Throughput, ${settings.concurrency} concurrent streams (${settings.seconds} s per path, after a warm-up)`,
    "",
    "Every stream must carry the answer's first token and its end (`[DONE]` / `message_stop`), else the run stops —",
    "a proxy whose streams break cannot look fast; Portkey's failures are counted instead (only complete streams count",
    "as streams/s) and any fails the comparison with it. CPU is the server's whole process tree.",
    "",
    "| path | streams/s | SSE events per stream | p50 latency | p99 latency | server CPU (share of one core) | server CPU per stream |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    throughputRow("direct"),
    throughputRow("floor"),
    throughputRow("portkey"),
    throughputRow("chat"),
    throughputRow("messages"),
    "",
    `chat/completions: ${ratio(throughput.chat, throughput.portkey)} Portkey's streams/s (target ≥ ${TARGETS.streamsVsPortkey}×) ` +
      `${tick(beatsPortkey(throughput))}, ` +
      `${percentOf(throughput.chat, throughput.floor)} of the floor's (target ≥ ${TARGETS.streamsVsFloor * 100} %) ` +
      `${tick(throughput.chat.streamsPerSecond >= TARGETS.streamsVsFloor * throughput.floor.streamsPerSecond)}; ` +
      `v1/messages: ${percentOf(throughput.messages, throughput.floor)} of the floor's ` +
      `${tick(throughput.messages.streamsPerSecond >= TARGETS.streamsVsFloor * throughput.floor.streamsPerSecond)}.`,
    "",
    `## ${settings.highConcurrency} concurrent streams (${settings.seconds} s per path): errors`,
    "",
    "A stream is an error if it fails, answers non-200 or lacks its first token or end. Target: none.",
    "",
    "| path | streams/s | p50 latency | p99 latency | server CPU (share of one core) | errors |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    highRow("chat"),
    highRow("messages"),
    "",
    "## Server memory (switchyard-server RSS, main process)",
    "",
    `| idle after start | after warm-up | peak under ${settings.concurrency} streams | after the ${settings.highConcurrency}-stream phase |`,
    "| ---: | ---: | ---: | ---: |",
    `| ${rssMiB.idle.toFixed(0)} MiB | ${rssMiB.warm.toFixed(0)} MiB | ${rssMiB.peak.toFixed(0)} MiB | ${rssMiB.after.toFixed(0)} MiB |`,
    "",
    ...renderSlowStreamMemory(results),
    ...renderRequestLogOverhead(results),
    `Total bench time: ${results.totalSeconds.toFixed(0)} s.`,
    "",
  ].join("\n");
}

/** Every target of the data-plane issue with this run's value and ✅/❌, in one table. */
function renderTargets(results: BenchResults): string[] {
  const { nonStream, firstToken, throughput, highConcurrency, bigBodies, slowStreams, settings } = results;
  const rows: Array<[string, string, boolean | undefined]> = [];
  const latency = (label: string, value: number, target: number) =>
    rows.push([label, `${ms(value)} (target ≤ ${target} ms)`, value <= target]);
  latency(
    "p50 added beyond the floor, chat/completions",
    nonStream.chat.p50 - nonStream.floor.p50,
    TARGETS.p50BeyondFloor,
  );
  latency(
    "p50 added beyond the floor, v1/messages",
    nonStream.messages.p50 - nonStream.floor.p50,
    TARGETS.p50BeyondFloor,
  );
  latency("p99 added, chat/completions", nonStream.chat.p99 - nonStream.direct.p99, TARGETS.p99);
  latency("p99 added, v1/messages", nonStream.messages.p99 - nonStream.direct.p99, TARGETS.p99);
  latency(
    "TTFT overhead beyond the floor, chat/completions",
    firstToken.chat.p50 - firstToken.floor.p50,
    TARGETS.ttftBeyondFloor,
  );
  latency(
    "TTFT overhead beyond the floor, v1/messages",
    firstToken.messages.p50 - firstToken.floor.p50,
    TARGETS.ttftBeyondFloor,
  );
  rows.push([
    `streams/s at ${settings.concurrency} concurrent, chat/completions vs Portkey`,
    `${throughput.chat.streamsPerSecond.toFixed(0)} vs ${throughput.portkey.streamsPerSecond.toFixed(0)}: ${ratio(throughput.chat, throughput.portkey)} (target ≥ ${TARGETS.streamsVsPortkey}×)` +
      (throughput.portkey.errors?.count ? `; Portkey failed ${throughput.portkey.errors.count} streams` : ""),
    beatsPortkey(throughput),
  ]);
  for (const name of ["chat", "messages"] as const) {
    rows.push([
      `streams/s at ${settings.concurrency} concurrent, ${name === "chat" ? "chat/completions" : "v1/messages"} vs the floor`,
      `${throughput[name].streamsPerSecond.toFixed(0)} vs ${throughput.floor.streamsPerSecond.toFixed(0)}: ${percentOf(throughput[name], throughput.floor)} (target ≥ ${TARGETS.streamsVsFloor * 100} %)`,
      throughput[name].streamsPerSecond >= TARGETS.streamsVsFloor * throughput.floor.streamsPerSecond,
    ]);
  }
  for (const name of ["chat", "messages"] as const) {
    const errors = highConcurrency[name].errors?.count ?? 0;
    rows.push([
      `errors at ${settings.highConcurrency} concurrent, ${name === "chat" ? "chat/completions" : "v1/messages"}`,
      `${errors} (target 0)`,
      errors === 0,
    ]);
  }
  const gateway = slowStreams.gateway;
  const memory = (label: string, server: SlowStreamMemory | "not available", part: "tree" | "main", target: number) => {
    if (server === "not available") return rows.push([label, "not available", undefined]);
    const all = server.hold.opened === server.hold.requested && server.hold.openAtEnd === server.hold.requested;
    const value = server.held[part] ?? Number.NaN;
    const open = all ? "" : `; only ${server.hold.openAtEnd} of ${server.hold.requested} streams open`;
    return rows.push([label, `${mib(value)} (target ≤ ${target} MiB${open})`, all && value <= target]);
  };
  memory(
    `RSS, \`switchyard gateway\` process tree, ${settings.slowStreams} slow streams`,
    gateway,
    "tree",
    TARGETS.gatewayTreeMiB,
  );
  memory(
    `RSS, \`switchyard start\` largest process (the worker running Next.js), ${settings.slowStreams} slow streams`,
    slowStreams.start,
    "main",
    TARGETS.startMainMiB,
  );
  memory(
    `RSS, \`switchyard start\` process tree, ${settings.slowStreams} slow streams`,
    slowStreams.start,
    "tree",
    TARGETS.startTreeMiB,
  );
  latency(
    `1 MB request body: p50 beyond the floor, chat/completions`,
    bigBodies.chat.p50 - bigBodies.floor.p50,
    TARGETS.bigBodyBeyondFloor,
  );
  return [
    "## Targets (data-plane issue)",
    "",
    ...(settings.quick
      ? ["**Quick run (`--quick`): small samples and short phases — the verdicts are indicative only.**", ""]
      : []),
    "| target | this run | |",
    "| --- | --- | --- |",
    ...rows.map(([label, value, ok]) => `| ${label} | ${value} | ${ok === undefined ? "–" : tick(ok)} |`),
    "",
  ];
}

/** The cost of a ~1 MB request body, against the floor carrying the same body. */
function renderBigBodies({ bigBodies, settings }: BenchResults): string[] {
  const beyond = bigBodies.chat.p50 - bigBodies.floor.p50;
  return [
    `## 1 MB request bodies (non-streaming, sequential, ${settings.bigRequests} requests per path, interleaved)`,
    "",
    `The same user message of ${(bigBodies.bytes / 1e6).toFixed(2)} MB (a chat/completions body of ${bigBodies.bytes.toLocaleString("en-US")} bytes) to the fake,`,
    "through the floor (as an Anthropic body), and through chat/completions.",
    "",
    latencyTable([
      [labels.direct, bigBodies.direct],
      [labels.floor, bigBodies.floor],
      [labels.chat, bigBodies.chat],
    ]),
    "",
    `chat/completions p50 beyond the floor's for the same body: ${ms(beyond)} ${tick(beyond <= TARGETS.bigBodyBeyondFloor)} ` +
      `(target ≤ ${TARGETS.bigBodyBeyondFloor} ms); p99 beyond the floor's: ${ms(bigBodies.chat.p99 - bigBodies.floor.p99)}.`,
    "",
  ];
}

/** RSS with the slow streams open: each server's process tree, and the main process where it has one. */
function renderSlowStreamMemory({ slowStreams, settings }: BenchResults): string[] {
  const row = (
    label: string,
    server: SlowStreamMemory | "not available",
    targets: { tree?: number; main?: number },
  ) => {
    if (server === "not available") return `| ${label} | not available | | | | | |`;
    const { before, held, hold } = server;
    const all = hold.opened === hold.requested && hold.openAtEnd === hold.requested;
    const verdict = (value: number | undefined, target: number | undefined) =>
      value === undefined
        ? "–"
        : `${mib(value)}${target === undefined ? "" : ` ${tick(all && value <= target)} ≤ ${target}`}`;
    const errors = hold.errors.length
      ? `; ${hold.errors.length} errors: \`${hold.errors[0]!.replace(/[|\n]/g, " ")}\``
      : "";
    return (
      `| ${label} | ${mib(before.tree)} / ${before.main === undefined ? "–" : mib(before.main)} | ${verdict(held.tree, targets.tree)} | ` +
      `${verdict(held.main, targets.main)} | ${held.pss === undefined ? "–" : mib(held.pss)} | ${hold.opened} / ${hold.openAtEnd} of ${hold.requested}${errors} | ${hold.deltasPerStreamDuringHold.toFixed(1)} |`
    );
  };
  return [
    `## Memory with ${settings.slowStreams} slow streams open (chat/completions; ${settings.holdSeconds} s hold)`,
    "",
    `The fake upstream holds each stream open, sending an event a second. All ${settings.slowStreams} are opened at once; once`,
    `each carried its first delta, memory is sampled every 250 ms (PSS every 500 ms) for ${settings.holdSeconds} s and the peak reported.`,
    "Process tree: the process the bench launched and all below it, summed from /proc. RSS counts a page shared between",
    "processes (the Node binary's text, libraries) once per process; PSS (smaps_rollup) shares it out, so it is what the",
    "tree costs the machine. Largest process: for `switchyard start`, the worker that runs Next.js. MiB.",
    "",
    "| server | before the streams: tree / largest process (RSS) | streams open: tree RSS | streams open: largest process RSS | streams open: tree PSS | streams open at start / end of hold | deltas per stream during hold |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row("`switchyard gateway`", slowStreams.gateway, { tree: TARGETS.gatewayTreeMiB }),
    row("`switchyard start`", slowStreams.start, { tree: TARGETS.startTreeMiB, main: TARGETS.startMainMiB }),
    row("Portkey's gateway", slowStreams.portkey, {}),
    "",
  ];
}

/** Issue 10: the request log's cost, on vs off in the same run; target ≤ 0.2 ms at p50. */
function renderRequestLogOverhead({ requestLog, settings }: BenchResults): string[] {
  const row = (label: string, on: Summary, off: Summary) => {
    const added = on.p50 - off.p50;
    return `| ${label} | ${ms(off.p50)} | ${ms(on.p50)} | ${ms(added)} ${added <= 0.2 ? "✅" : "❌"} | ${ms(off.p99)} | ${ms(on.p99)} |`;
  };
  return [
    `## Request log overhead (sequential, interleaved; ${settings.requests} requests / ${settings.streams} streams per path)`,
    "",
    "Two servers from the same build on the same SQLite database, one started with `REQUEST_LOG=off`; the same requests",
    "alternate between them. Target (issue 10): logging adds ≤ 0.2 ms at p50. A negative difference means the effect",
    "is below this run's noise (see the load average above).",
    "",
    "| path | p50 log off | p50 log on | added at p50 | p99 log off | p99 log on |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    row("chat/completions, non-streaming (total)", requestLog.nonStream.chat, requestLog.nonStream.chatNoLog),
    row("v1/messages, non-streaming (total)", requestLog.nonStream.messages, requestLog.nonStream.messagesNoLog),
    row("chat/completions, stream (first token)", requestLog.firstToken.chat, requestLog.firstToken.chatNoLog),
    row("v1/messages, stream (first token)", requestLog.firstToken.messages, requestLog.firstToken.messagesNoLog),
    "",
  ];
}

/** A `--profile` capture as markdown tables: self time by area, inclusive time by area, hottest functions. */
export function renderProfile(file: string, phase: string): string {
  const summary = summarizeCpuProfile(file);
  const table = (title: string, lines: ProfileLine[]) => [
    `| ${title} | ms | share of busy CPU |`,
    "| --- | ---: | ---: |",
    ...lines.map(({ name, ms: total, share }) => `| ${name} | ${total.toFixed(0)} | ${(share * 100).toFixed(1)} % |`),
    "",
  ];
  return [
    `## Server CPU profile: ${phase} (${file}; ${summary.busyMs.toFixed(0)} ms busy)`,
    "",
    ...table("where CPU is burnt (self time by area)", summary.selfByArea.slice(0, 20)),
    ...table("what CPU runs under (inclusive time by area)", summary.inclusiveByArea),
    ...table("hottest functions (self time)", summary.selfByFunction),
  ].join("\n");
}

function machine({ root, workers, portkeyVersion }: BenchResults): string {
  const cpus = os.cpus();
  const commit = execSync("git rev-parse --short HEAD", { cwd: root }).toString().trim();
  const modified = execSync("git status --porcelain -- lib app cli bin", { cwd: root }).toString().trim();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${commit}${modified ? " (with uncommitted changes under lib/, app/, cli/ or bin/)" : ""}`,
    `- CPU: ${cpus[0]?.model ?? "unknown"} × ${cpus.length} logical cores; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()}; Node ${process.version}; load average at start ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}`,
    `- WORKERS: ${workers === undefined ? `unset (the servers' default: one per core, ${cpus.length})` : workers} (passed to \`switchyard start\` and \`switchyard gateway\`)`,
    "- Server: `switchyard start` (production build: Next.js behind the gateway fast path, lib/server/serve-app.ts), SQLite; the fake upstream and the load generator run in separate processes on the same machine; HTTP/1.1 keep-alive",
    `- Portkey: @portkey-ai/gateway ${portkeyVersion}, its Node server (\`build/start-server.js --headless\`, NODE_ENV=production) in its own process, provider \`anthropic\` with \`x-portkey-custom-host\` pointing at the same fake; one expression patched as it loads (bench/portkey-loader.mjs: on Node 20 its streams otherwise all fail)`,
    "- The machine may be shared with other work (see the load average): expect run-to-run variation of a few tenths of a millisecond at p50, more at p99.",
  ].join("\n");
}

/** chat/completions at ≥ 2× Portkey's streams/s, Portkey's streams all complete (else the comparison is void). */
function beatsPortkey(throughput: BenchResults["throughput"]): boolean {
  return (
    !throughput.portkey.errors?.count &&
    throughput.chat.streamsPerSecond >= TARGETS.streamsVsPortkey * throughput.portkey.streamsPerSecond
  );
}

function tick(ok: boolean): string {
  return ok ? "✅" : "❌";
}

function ratio(a: Throughput, b: Throughput): string {
  return `${(a.streamsPerSecond / b.streamsPerSecond).toFixed(2)}×`;
}

function percentOf(a: Throughput, b: Throughput): string {
  return `${((a.streamsPerSecond / b.streamsPerSecond) * 100).toFixed(0)} %`;
}

function mib(value: number): string {
  return `${value.toFixed(0)} MiB`;
}

function latencyTable(rows: Array<[string, Summary]>): string {
  return [
    "| path | n | p50 | p90 | p99 | mean |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      ([label, summary]) =>
        `| ${label} | ${summary.count} | ${ms(summary.p50)} | ${ms(summary.p90)} | ${ms(summary.p99)} | ${ms(summary.mean)} |`,
    ),
  ].join("\n");
}
