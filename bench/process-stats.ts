import { readdirSync, readFileSync } from "node:fs";

/**
 * The `switchyard` server process (process title `switchyard-server`) serving on `port` (its
 * environment carries `PORT=<port>`). If several match (worker processes that keep the title),
 * the topmost one: the process whose parent is not itself a match.
 */
export function findServerPid(port: number): number {
  const matches = new Set<number>();
  for (const pid of allPids()) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!command.startsWith("switchyard-server")) continue;
      const environment = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (environment.includes(`PORT=${port}`)) matches.add(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const parents = parentsByPid();
  const topmost = [...matches].find((pid) => !matches.has(parents.get(pid) ?? 0));
  if (topmost === undefined) throw new Error(`no switchyard-server process with PORT=${port}`);
  return topmost;
}

/** Resident set size in MiB, from /proc/<pid>/status (0 when the process is gone). */
export function rssMiB(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((candidate) => candidate.startsWith("VmRSS:"));
    return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return 0;
  }
}

/** User + system CPU time in milliseconds, from /proc/<pid>/stat (clock ticks of 10 ms); all its threads. */
export function cpuMs(pid: number): number {
  try {
    const fields = statFields(pid);
    // Fields after the command: state is [0]; utime is field 14 of stat, so [11]; stime [12].
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * `pid` and every process below it (children, grandchildren…): a server that forks workers
 * or re-executes itself is all of these. Read from /proc at the time of the call.
 */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentsByPid()) {
    const siblings = children.get(parent) ?? [];
    siblings.push(child);
    children.set(parent, siblings);
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

/** RSS summed over the process tree (shared pages, the Node binary's among them, count once per process). */
export function treeRssMiB(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + rssMiB(member), 0);
}

/** The RSS of the largest process in the tree: a server's heaviest process, whichever it is. */
export function largestRssMiB(pid: number): number {
  return Math.max(0, ...processTree(pid).map(rssMiB));
}

/**
 * Proportional set size summed over the tree, from /proc/<pid>/smaps_rollup: each shared page
 * (the Node binary's text, libraries) counts once across the processes that map it, not once
 * per process as in RSS. What the tree really costs the machine.
 */
export function treePssMiB(pid: number): number {
  return processTree(pid).reduce((sum, member) => {
    try {
      const line = readFileSync(`/proc/${member}/smaps_rollup`, "utf8")
        .split("\n")
        .find((candidate) => candidate.startsWith("Pss:"));
      return sum + Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024;
    } catch {
      return sum;
    }
  }, 0);
}

/** Samples `measure` every `everyMs` until stopped; returns the peak. */
export function watchPeak(measure: () => number, everyMs = 100): { stop(): number } {
  let peak = measure();
  const timer = setInterval(() => (peak = Math.max(peak, measure())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, measure());
    },
  };
}

/** CPU time summed over the process tree; a process that ended in between drops out (its time with it). */
export function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + cpuMs(member), 0);
}

/** Samples RSS (of `pid`, or summed over its tree) every `everyMs` until stopped; returns the peak. */
export function watchPeakRss(pid: number, options: { tree?: boolean; everyMs?: number } = {}): { stop(): number } {
  return watchPeak(() => (options.tree ? treeRssMiB(pid) : rssMiB(pid)), options.everyMs);
}

function allPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const pid of allPids()) {
    try {
      // Fields after the command: state [0], ppid [1].
      parents.set(pid, Number(statFields(pid)[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}
