import { readdirSync, readFileSync } from "node:fs";

/** Resident set size in bytes of `pid` and all its descendants (Linux /proc); 0 when unreadable. */
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

/** `root` and every process below it. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [root];
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
  const result: number[] = [];
  const queue = [root];
  while (queue.length > 0 && result.length < 1000) {
    const pid = queue.shift()!;
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** Samples the RSS of a process tree every `intervalMs` until stopped; returns the peak. */
export function rssSampler(root: number, intervalMs = 100): { stop(): number } {
  const pids = descendants(root);
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
