import { readFileSync, statSync } from "node:fs";

/** What a V8 .cpuprofile (node --cpu-prof) says about where the time went. */
export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by area: idle, GC, Next's server, React rendering, our code, argon2, Node internals… */
  byArea: { area: string; ms: number; share: number }[];
  /** Share of busy (non-idle) samples whose stack contains such frames (inclusive time; they overlap). */
  inclusive: { what: string; ms: number; shareOfBusy: number }[];
  /** The functions with the most self time, idle excluded. */
  topFunctions: { fn: string; where: string; ms: number; share: number }[];
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

function area(url: string, fn: string): string {
  if (fn === "(idle)") return "idle";
  if (fn === "(garbage collector)") return "garbage collector";
  if (fn === "(program)") return "program (V8, native)";
  if (/argon2/i.test(url) || /argon2/i.test(fn)) return "argon2";
  if (/node_modules\/next\/dist\/compiled\/(react|react-dom|react-server-dom)/.test(url) || /react-dom|react-server/.test(url)) return "React rendering";
  if (/node_modules\/next\//.test(url)) return "Next.js server";
  if (/\.next[^/]*\/server\//.test(url)) return "app bundle (ours + bundled deps)";
  if (/node_modules\/(zod|iron-session|kysely|better-sqlite3|@ory)/.test(url)) return "app dependencies";
  if (/node_modules\/undici|internal\/deps\/undici/.test(url)) return "undici (fetch)";
  if (url.startsWith("node:") || /^internal\//.test(url) || url === "") return "Node internals";
  return "other";
}

/** Summarises the largest of the given profiles (the server process; `next start`'s parent does little). */
export function summarizeProfiles(files: string[]): ProfileSummary | undefined {
  if (files.length === 0) return undefined;
  const file = [...files].sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i]!;
      selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0));
    }
  } else {
    const total = profile.endTime - profile.startTime;
    const hits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
    for (const n of profile.nodes) selfUs.set(n.id, ((n.hitCount ?? 0) / hits) * total);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const areas = new Map<string, number>();
  const functions = new Map<string, { fn: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
    if (a === "idle") continue;
    const where = `${url.replace(/^.*?(node_modules\/|\.next[^/]*\/)/, "$1").replace(/^file:\/\//, "")}:${lineNumber + 1}`;
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { fn: functionName || "(anonymous)", where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  // Inclusive time: walk each sampled node's stack once and tag it.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const tags: [string, (url: string, fn: string) => boolean][] = [
    ["Node crypto (PBKDF2, AES, HMAC; WebCrypto jobs)", (url) => url.startsWith("node:internal/crypto") || /webcrypto/.test(url)],
    ["React / Next page rendering (pages runtime)", (url) => /pages[^/]*runtime|react-dom|react-server-dom/.test(url)],
    ["outgoing HTTP (undici fetch to Hydra's admin API)", (url) => /undici/.test(url)],
    ["module loading (require/compile)", (url) => url.startsWith("node:internal/modules")],
    ["app bundle frames (.next*/server)", (url) => /\.next[^/]*\/server\//.test(url)],
    ["Next.js server frames", (url) => /node_modules\/next\//.test(url)],
  ];
  const tagUs = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id);
    if (!leaf || leaf.callFrame.functionName === "(idle)") continue;
    busyUs += us;
    const found = new Set<string>();
    for (let cursor: number | undefined = id, depth = 0; cursor !== undefined && depth < 500; cursor = parent.get(cursor), depth++) {
      const frame = byId.get(cursor)?.callFrame;
      if (!frame) break;
      for (const [name, test] of tags) if (test(frame.url, frame.functionName)) found.add(name);
    }
    for (const name of found) tagUs.set(name, (tagUs.get(name) ?? 0) + us);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / totalUs) * 1000) / 10;
  return {
    file: file.replace(/^.*\//, ""),
    totalMs: ms(totalUs),
    byArea: [...areas].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ area: name, ms: ms(us), share: share(us) })),
    inclusive: tags.map(([name]) => ({
      what: name,
      ms: ms(tagUs.get(name) ?? 0),
      shareOfBusy: Math.round(((tagUs.get(name) ?? 0) / (busyUs || 1)) * 1000) / 10,
    })),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 15)
      .map((f) => ({ fn: f.fn, where: f.where, ms: ms(f.us), share: share(f.us) })),
  };
}
