import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` this summary reads. */
type CpuProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
};

export type ProfileLine = { name: string; ms: number; share: number };
export type ProfileSummary = {
  busyMs: number;
  /** Where CPU is burnt: self time by code area. */
  selfByArea: ProfileLine[];
  /** How much CPU runs under each area (a sample counts once per area on its stack). */
  inclusiveByArea: ProfileLine[];
  /** Hottest functions by self time, resolved through the build's source maps. */
  selfByFunction: ProfileLine[];
};

/**
 * Summarises a V8 CPU profile of the production server. Frames in `.next/server/chunks/*.js`
 * are mapped back to their sources (`lib/gateway/…`, `node_modules/zod/…`) with the build's
 * source maps, so the app's own modules can be told apart from bundled libraries and Next.js.
 * Idle time is left out.
 */
export function summarizeCpuProfile(file: string, top = 30): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodesById = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfMicros = new Map<number, number>();
  profile.samples.forEach((nodeId, index) =>
    selfMicros.set(nodeId, (selfMicros.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );

  const frames = new Map<number, { area: string; name: string }>();
  const frameOf = (nodeId: number) => {
    let frame = frames.get(nodeId);
    if (!frame) {
      frame = describeFrame(nodesById.get(nodeId)!.callFrame);
      frames.set(nodeId, frame);
    }
    return frame;
  };

  // The inspector session that records the profile shows up in it; it is not the server's work.
  const isProfilerOwnWork = (nodeId: number) => {
    for (let current: number | undefined = nodeId; current !== undefined; current = parentOf.get(current)) {
      if (nodesById.get(current)!.callFrame.url.includes("cpu-profiler-preload")) return true;
    }
    return false;
  };

  const selfByArea = new Map<string, number>();
  const inclusiveByArea = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  let busyMicros = 0;
  for (const [nodeId, micros] of selfMicros) {
    const { functionName } = nodesById.get(nodeId)!.callFrame;
    if (functionName === "(idle)" || functionName === "(program)" || isProfilerOwnWork(nodeId)) continue;
    busyMicros += micros;
    const leaf = frameOf(nodeId);
    add(selfByArea, leaf.area, micros);
    add(selfByFunction, leaf.name, micros);
    const areasOnStack = new Set<string>();
    for (let current: number | undefined = nodeId; current !== undefined; current = parentOf.get(current)) {
      if (nodesById.get(current)!.callFrame.functionName !== "(root)") areasOnStack.add(frameOf(current).area);
    }
    for (const area of areasOnStack) add(inclusiveByArea, area, micros);
  }
  const lines = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: micros / busyMicros }));
  return {
    busyMs: busyMicros / 1000,
    selfByArea: lines(selfByArea),
    inclusiveByArea: lines(inclusiveByArea).slice(0, top),
    selfByFunction: lines(selfByFunction).slice(0, top),
  };
}

function add(totals: Map<string, number>, key: string, micros: number) {
  totals.set(key, (totals.get(key) ?? 0) + micros);
}

const sourceMaps = new Map<string, SourceMap | undefined>();

function describeFrame(callFrame: CpuProfile["nodes"][number]["callFrame"]): { area: string; name: string } {
  const { functionName, url, lineNumber, columnNumber } = callFrame;
  if (functionName === "(garbage collector)") return { area: "garbage collection", name: functionName };
  if (!url) return { area: "V8 builtins / native", name: functionName || "(anonymous)" };
  if (url.startsWith("node:"))
    return {
      area: `node:${url.slice(5).split("/").slice(0, 2).join("/")}`,
      name: `${functionName || "(anonymous)"} ${url}:${lineNumber + 1}`,
    };

  let source = url.startsWith("file://") ? fileURLToPath(url) : url;
  let line = lineNumber + 1;
  let name = functionName || "(anonymous)";
  if (source.includes("/.next/server/")) {
    const entry = sourceMapFor(source)?.findEntry(lineNumber, columnNumber) as
      { originalSource?: string; originalLine?: number; name?: string } | undefined;
    if (entry?.originalSource) {
      source = entry.originalSource;
      line = (entry.originalLine ?? 0) + 1;
      if (entry.name) name = entry.name;
    }
  }
  const shortSource = decodeURIComponent(source)
    .replace(/^turbopack:\/\/\/?/, "")
    .replace(/^\[project\]\//, "")
    .replace(/^.*\/node_modules\//, "node_modules/")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^(?!node_modules\/).*?\/(lib|app)\//, "$1/");
  return { area: areaOf(shortSource), name: `${name} ${shortSource}:${line}` };
}

function sourceMapFor(file: string): SourceMap | undefined {
  if (!sourceMaps.has(file)) {
    const mapFile = `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : undefined);
  }
  return sourceMaps.get(file);
}

/**
 * An app module (`lib/gateway/handlers/chat-completions.ts`) or a Next.js server file stays a
 * file; any other package is its name.
 */
function areaOf(source: string): string {
  const packageName = source.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (packageName === "next") {
    const file = source.replace(/^node_modules\/next\/(dist\/(esm\/)?|src\/)?/, "");
    return file.startsWith("compiled/") ? `next ${file.split("/").slice(0, 2).join("/")}` : `next ${file}`;
  }
  return packageName ?? source;
}
