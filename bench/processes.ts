import { readdirSync, readFileSync } from "node:fs";

/** Resident set size in bytes of the given processes (Linux /proc); 0 for those that are gone. */
export function treeRss(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
      if (match) total += Number(match[1]) * 1024;
    } catch {
      // The process has gone.
    }
  }
  return total;
}

/** The processes of /proc with their parent, read in one pass. */
function childrenByParent(): Map<number, number[]> | undefined {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may contain spaces: parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // Gone meanwhile.
    }
  }
  return children;
}

/** The root (or each of several roots, e.g. the instances and the proxy of one provider) and every process below it. */
export function descendants(roots: number | number[]): number[] {
  const rootList = Array.isArray(roots) ? roots : [roots];
  const children = childrenByParent();
  if (!children) return rootList;
  const result: number[] = [];
  const queue = [...rootList];
  while (queue.length > 0 && result.length < 1000) {
    const pid = queue.shift()!;
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** The children of `parent` whose command name (/proc/<pid>/comm) is `name`. */
export function childrenNamed(parent: number, name: string): number[] {
  return (childrenByParent()?.get(parent) ?? []).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name;
    } catch {
      return false;
    }
  });
}

/** Samples the RSS of the process trees below `roots` every `intervalMs` until stopped; returns the peak of their sum. */
export function rssSampler(roots: number | number[], intervalMs = 100): { stop(): number } {
  const pids = descendants(roots);
  let peak = treeRss(pids);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pids));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(pids));
    },
  };
}

// Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every architecture Node supports.
const ticksPerSecond = 100;

/**
 * CPU time (user + system) spent so far by the given processes, in milliseconds. On a shared,
 * noisy machine this is steadier than wall time: it counts what a provider itself burned.
 */
export function treeCpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the command name: state is field 3 of stat(5), utime 14 and stime 15.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process has gone.
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}
