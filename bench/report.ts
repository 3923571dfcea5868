// The generated part of BENCHMARKS.md (also printed on stdout): machine and settings, the
// comparison tables, pages and start-up, the soak, the targets, the profile and any errors.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { concurrenciesOf, findCell, fmt, pathLabel, pathsOf, providerName, providersOf, ratio } from "./report-format";
import { renderHydraConnections, renderInstances } from "./report-instances";
import { renderPages, renderSoak, renderStartup } from "./report-pages";
import { checkTargets } from "./targets";
import type { BenchResult } from "./types";

/** BENCHMARKS.md keeps one generated block per Hydra database: each full run replaces its own. */
export const blockName = (result: BenchResult) => (result.settings.hydraDb === "postgres" ? "results-postgres" : "results");
const markers = (name: string) => ({ begin: `<!-- bench:${name}:begin (written by npm run bench) -->`, end: `<!-- bench:${name}:end -->` });

const hashLabel = (result: BenchResult) => {
  const p = result.passwordHash.parameters;
  return `argon2id m=${p.memoryCost} KiB, t=${p.timeCost}, p=${p.parallelism}`;
};

const countWords = ["no", "one", "two", "three", "four", "five", "six"];

/** "A B C D, B C D A, …" for the run's number of providers. */
function rotation(count: number): string {
  const letters = "ABCDEFG".slice(0, Math.max(1, count)).split("");
  if (letters.length === 1) return "one provider";
  const second = [...letters.slice(1), letters[0]!];
  return `${letters.join(" ")}, ${second.join(" ")}, …`;
}

function renderHeader(result: BenchResult): string[] {
  const m = result.machine;
  const s = result.settings;
  const providers = providersOf(result);
  const lines = [`### Run of ${result.date.slice(0, 16).replace("T", " ")} UTC (${result.mode})`, ""];
  const named = providers.map((id) => providerName(result, id));
  const sharing =
    result.cells.length === 0
      ? "The load generator, Hydra and ours share these cores."
      : providers.length === 3 && !providers.includes("ours-instances")
        ? "The load generator, Hydra and all three providers share these cores."
        : `The load generator, Hydra${s.hydraDb === "postgres" ? ", PostgreSQL" : ""} and ${
            providers.length === 1 ? named[0] : `the ${countWords[providers.length] ?? providers.length} providers (${named.join(", ")})`
          } share these cores.`;
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; Hydra ${m.hydra}; ` +
      `Next.js ${m.next}; ${m.reference}. Load average at start: ${m.loadAverageAtStart.join(" / ")}. ${sharing}`,
    "",
  );
  const variant = Object.entries(s.oursEnv ?? {}).map(([name, value]) => `\`${name}=${value}\``);
  const instances =
    (s.instances ?? 1) > 1
      ? `; ours × ${s.instances}: ${s.instances} instances of ours (\`next start\` each, one session secret, one database) behind nginx ` +
        `(round robin, one worker process) on the provider's port, \`TRUST_PROXY_HOPS=1\``
      : "; one instance of ours";
  const common =
    `scope \`${s.scope}\`; ${s.client}; Hydra's database: ${s.hydraDatabase}${instances}` +
    `${variant.length ? `; ours with ${variant.join(", ")}` : ""}.`;
  const hash = `(${hashLabel(result)}: ${fmt(result.passwordHash.verifyMsMedian)} ms per verify on this machine, measured alone)`;
  if (result.cells.length > 0) {
    const flowsPerCell = Object.entries(s.flowsPerCell)
      .map(([c, n]) => `${n} at c=${c}`)
      .join(", ");
    const only = providers.length < (s.instances && s.instances > 1 ? 4 : 3) ? `, only ${named.join(", ")}` : "";
    lines.push(
      `Settings: ${s.rounds} round${s.rounds === 1 ? "" : "s"} (${rotation(providers.length)})${only}, flows per cell ${flowsPerCell}; ${common} ` +
        `Every figure is the median over the rounds. Our first sign-in includes one password verification with the ` +
        `production parameters ${hash}.`,
      "",
    );
  } else if (s.soak) {
    lines.push(
      `Settings: soak of ours only, 3 runs of ${s.soak.flowsPerRun} first sign-in flows at c=${s.soak.concurrency}; ${common} ` +
        `Each first sign-in includes one password verification with the production parameters ${hash}.`,
      "",
    );
  }
  return lines;
}

function renderComparison(result: BenchResult): string[] {
  const concurrencies = concurrenciesOf(result);
  const providers = providersOf(result);
  const hashed = (id: string) => id === "ours" || id === "ours-instances";
  const lines = ["#### Flows per second", ""];
  lines.push(`| path | concurrency | ${providers.map((id) => providerName(result, id)).join(" | ")} | ours / null | ours / reference |`);
  lines.push(`|---|---:|${providers.map(() => "---:|").join("")}---:|---:|`);
  for (const path of pathsOf(result)) {
    for (const c of concurrencies) {
      const o = findCell(result, path, c, "ours");
      const r = findCell(result, path, c, "reference");
      const n = findCell(result, path, c, "null");
      const suffix = path === "first" ? " ¹" : "";
      const figures = providers.map((id) => `${fmt(findCell(result, path, c, id)?.flowsPerSecond ?? NaN)}${hashed(id) ? suffix : ""}`);
      lines.push(
        `| ${pathLabel[path]} | ${c} | ${figures.join(" | ")} | ` +
          `${fmt(ratio(o?.flowsPerSecond, n?.flowsPerSecond), 2)} | ${fmt(ratio(o?.flowsPerSecond, r?.flowsPerSecond), 2)} |`,
      );
    }
  }
  lines.push("", `¹ with argon2id at production parameters (${hashLabel(result)}); the reference compares a string.`, "");

  lines.push("#### Time in the provider's hops (ms), CPU, errors, peak RSS", "");
  lines.push(
    "A hop is one request the provider answers (GET of the login or consent URL, POST of a form). " +
      "Per flow = the sum of a flow's hops (first sign-in: 4 hops, remembered: 2). CPU = user and system time " +
      "of the provider's process tree over the cell, per flow: what the provider itself burned, steadier than " +
      "wall time on a shared machine (ours includes the password hash)." +
      (providers.includes("ours-instances")
        ? ` For ${providerName(result, "ours-instances")}, RSS and CPU are the sums over its instances and nginx, and its hops include the pass through nginx.`
        : ""),
    "",
  );
  lines.push("| path | c | provider | flows/s | hop p50 | hop p95 | hop p99 | per flow p50 | per flow p95 | per flow p99 | CPU ms per flow | errors / flows | peak RSS MB |");
  lines.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const path of pathsOf(result)) {
    for (const c of concurrencies) {
      for (const provider of providers) {
        const x = findCell(result, path, c, provider);
        if (!x) continue;
        lines.push(
          `| ${pathLabel[path]} | ${c} | ${providerName(result, provider)} | ${fmt(x.flowsPerSecond)} | ${fmt(x.hop.p50)} | ${fmt(x.hop.p95)} | ${fmt(x.hop.p99)} | ` +
            `${fmt(x.providerTimePerFlow.p50)} | ${fmt(x.providerTimePerFlow.p95)} | ${fmt(x.providerTimePerFlow.p99)} | ` +
            `${x.cpuMsPerFlow === undefined ? "–" : fmt(x.cpuMsPerFlow)} | ${x.errors} / ${x.flows} | ${fmt(x.peakRssMB, 0)} |`,
        );
      }
    }
  }
  lines.push("");
  return lines;
}

function renderTargets(result: BenchResult): string[] {
  const lines = ["#### Targets", "", "| target | measured | met? |", "|---|---|---|"];
  for (const check of checkTargets(result)) lines.push(`| ${check.target} | ${check.measured} | ${check.met ? "met" : "**not met**"} |`);
  lines.push("");
  return lines;
}

function renderProfile(result: BenchResult): string[] {
  const p = result.profile;
  if (!p) return [];
  const lines = [`#### CPU profile of ours (\`--cpu-prof\`, ${fmt(p.totalMs / 1000)} s sampled, ${p.file})`, ""];
  lines.push("| area (self time) | ms | share |", "|---|---:|---:|");
  for (const a of p.byArea.slice(0, 10)) lines.push(`| ${a.area} | ${fmt(a.ms, 0)} | ${fmt(a.share)} % |`);
  lines.push("", "| stacks containing (inclusive, overlapping) | ms | share of busy time |", "|---|---:|---:|");
  for (const x of p.inclusive ?? []) lines.push(`| ${x.what} | ${fmt(x.ms, 0)} | ${fmt(x.shareOfBusy)} % |`);
  lines.push("", "| function (self time, idle excluded) | where | ms | share |", "|---|---|---:|---:|");
  for (const f of p.topFunctions.slice(0, 12)) lines.push(`| \`${f.fn}\` | \`${f.where}\` | ${fmt(f.ms, 0)} | ${fmt(f.share)} % |`);
  lines.push("");
  return lines;
}

function renderErrors(result: BenchResult): string[] {
  if (result.errors === 0 && result.warmErrors.length === 0) return [];
  const lines = [`Errors: ${result.errors} in measured flows, ${result.warmErrors.length} in warm-up. First messages:`, ""];
  for (const s of result.samples.filter((x) => x.errors > 0).slice(0, 5)) lines.push(`- ${s.provider} ${s.path} c=${s.concurrency}: ${s.firstErrors.join(" | ")}`);
  for (const r of result.soak?.runs.filter((x) => x.errors > 0) ?? []) lines.push(`- soak run ${r.run}: ${r.firstErrors.join(" | ")}`);
  for (const e of result.warmErrors.slice(0, 3)) lines.push(`- ${e}`);
  lines.push("");
  return lines;
}

/** The generated part of BENCHMARKS.md. */
export function renderMarkdown(result: BenchResult): string {
  return [
    ...renderHeader(result),
    ...(result.cells.length > 0 ? [...renderComparison(result), ...renderInstances(result), ...renderHydraConnections(result)] : []),
    ...renderPages(result),
    ...renderStartup(result),
    ...renderSoak(result),
    ...renderTargets(result),
    ...renderProfile(result),
    ...renderErrors(result),
  ].join("\n");
}

/** Replaces the named generated block of BENCHMARKS.md (or appends one). */
export function updateBenchmarksFile(file: string, markdown: string, name: string): void {
  const { begin, end: endMarker } = markers(name);
  const block = `${begin}\n\n${markdown}\n${endMarker}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(begin);
  const end = current.indexOf(endMarker);
  const next = start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + endMarker.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
