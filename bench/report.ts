import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { BenchResult, Cell } from "./bench";

const BEGIN = "<!-- bench:results:begin (written by npm run bench) -->";
const END = "<!-- bench:results:end -->";

const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function cell(result: BenchResult, path: string, concurrency: number, provider: string): Cell | undefined {
  return result.cells.find((c) => c.path === path && c.concurrency === concurrency && c.provider === provider);
}

function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
}

const verdict = (ok: boolean | undefined) => (ok === undefined ? "–" : ok ? "met" : "**not met**");

/** The generated part of BENCHMARKS.md: machine, tables, targets, profile. */
export function renderMarkdown(result: BenchResult): string {
  const m = result.machine;
  const concurrencies = [...new Set(result.cells.map((c) => c.concurrency))].sort((a, b) => a - b);
  const paths = ["first", "remembered"] as const;
  const pathLabel = { first: "first sign-in", remembered: "remembered" };
  const hash = result.passwordHash;
  const hashLabel = `argon2id m=${hash.parameters.memoryCost} KiB, t=${hash.parameters.timeCost}, p=${hash.parameters.parallelism}`;
  const lines: string[] = [];

  lines.push(`### Run of ${result.date.slice(0, 16).replace("T", " ")} UTC (${result.mode})`, "");
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; Hydra ${m.hydra}; ` +
      `Next.js ${m.next}; ${m.reference}. Load average at start: ${m.loadAverageAtStart.join(" / ")}. ` +
      `The load generator, Hydra and all three providers share these cores.`,
    "",
  );
  const flowsPerCell = Object.entries(result.settings.flowsPerCell as Record<string, number>)
    .map(([c, n]) => `${n} at c=${c}`)
    .join(", ");
  lines.push(
    `Settings: ${result.settings.rounds} rounds (A B C, B C A, …), flows per cell ${flowsPerCell}; scope \`${result.settings.scope}\`; ` +
      `${result.settings.client}; Hydra DSN ${result.settings.hydraDatabase}. ` +
      `Every figure is the median over the rounds. Our first sign-in includes one password verification with the ` +
      `production parameters (${hashLabel}: ${fmt(hash.verifyMsMedian)} ms per verify on this machine, measured alone).`,
    "",
  );

  lines.push("#### Flows per second", "");
  lines.push("| path | concurrency | ours | reference | null | ours / null | ours / reference |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const path of paths) {
    for (const c of concurrencies) {
      const o = cell(result, path, c, "ours");
      const r = cell(result, path, c, "reference");
      const n = cell(result, path, c, "null");
      const suffix = path === "first" ? " ¹" : "";
      lines.push(
        `| ${pathLabel[path]} | ${c} | ${fmt(o?.flowsPerSecond ?? NaN)}${suffix} | ${fmt(r?.flowsPerSecond ?? NaN)} | ${fmt(n?.flowsPerSecond ?? NaN)} | ` +
          `${fmt(ratio(o?.flowsPerSecond, n?.flowsPerSecond), 2)} | ${fmt(ratio(o?.flowsPerSecond, r?.flowsPerSecond), 2)} |`,
      );
    }
  }
  lines.push("", `¹ with argon2id at production parameters (${hashLabel}); the reference compares a string.`, "");

  lines.push("#### Time in the provider's hops (ms), errors, peak RSS", "");
  lines.push(
    "A hop is one request the provider answers (GET of the login or consent URL, POST of a form). " +
      "Per flow = the sum of a flow's hops (first sign-in: 4 hops, remembered: 2).",
    "",
  );
  lines.push("| path | c | provider | flows/s | hop p50 | hop p95 | hop p99 | per flow p50 | per flow p95 | per flow p99 | errors / flows | peak RSS MB |");
  lines.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const path of paths) {
    for (const c of concurrencies) {
      for (const provider of ["ours", "reference", "null"]) {
        const x = cell(result, path, c, provider);
        if (!x) continue;
        lines.push(
          `| ${pathLabel[path]} | ${c} | ${provider} | ${fmt(x.flowsPerSecond)} | ${fmt(x.hop.p50)} | ${fmt(x.hop.p95)} | ${fmt(x.hop.p99)} | ` +
            `${fmt(x.providerTimePerFlow.p50)} | ${fmt(x.providerTimePerFlow.p95)} | ${fmt(x.providerTimePerFlow.p99)} | ${x.errors} / ${x.flows} | ${fmt(x.peakRssMB, 0)} |`,
        );
      }
    }
  }
  lines.push("");

  const js = result.firstLoadJs;
  lines.push("#### Pages and start-up", "");
  lines.push("| what | value |", "|---|---:|");
  lines.push(`| login page, first-load JS (gzip, ${js.login.scripts} scripts) | ${kb(js.login.gzipBytes)} (${kb(js.login.rawBytes)} raw) |`);
  lines.push(`| consent page, first-load JS (gzip, ${js.consent.scripts} scripts) | ${kb(js.consent.gzipBytes)} (${kb(js.consent.rawBytes)} raw) |`);
  lines.push(`| login page, inline scripts (RSC payload, gzip) | ${kb(js.login.inlineScriptGzipBytes)} |`);
  lines.push(`| login page, HTML document (gzip) | ${kb(js.login.htmlGzipBytes)} |`);
  lines.push(
    `| \`next start\` to first 200 (median of ${result.oursStartupMs.samples.length}: ${result.oursStartupMs.samples.join(", ")} ms) | ${result.oursStartupMs.median} ms |`,
  );
  lines.push(`| reference provider start to first 200 | ${result.providers.reference?.startupMs} ms |`);
  lines.push(`| null provider start to first 200 | ${result.providers.null?.startupMs} ms |`);
  lines.push("");

  // Targets
  const cMid = concurrencies.includes(8) ? 8 : concurrencies[Math.floor(concurrencies.length / 2)]!;
  const rememberedRatios = concurrencies.map((c) => ratio(cell(result, "remembered", c, "ours")?.flowsPerSecond, cell(result, "remembered", c, "null")?.flowsPerSecond));
  const firstNoHash = concurrencies.map((c) => {
    const o = cell(result, "first", c, "ours");
    const r = cell(result, "first", c, "reference");
    return { c, ours: (o?.providerTimePerFlow.p50 ?? NaN) - hash.verifyMsMedian, reference: r?.providerTimePerFlow.p50 ?? NaN };
  });
  const firstFlowsRatio = concurrencies.map((c) => ratio(cell(result, "first", c, "ours")?.flowsPerSecond, cell(result, "first", c, "reference")?.flowsPerSecond));
  const added = paths.map((path) => {
    const o = cell(result, path, cMid, "ours");
    const n = cell(result, path, cMid, "null");
    return { path, p99: o?.hop.p99 ?? NaN, added: (o?.hop.p99 ?? NaN) - (n?.hop.p99 ?? NaN) };
  });
  const peakRss = Math.max(...result.cells.filter((c) => c.provider === "ours").map((c) => c.peakRssMB));

  lines.push("#### Targets", "");
  lines.push("| target | this run | |", "|---|---|---|");
  lines.push(
    `| remembered ≥ 0.95 × null flows/s | ours/null ${rememberedRatios.map((r, i) => `${fmt(r, 2)} (c=${concurrencies[i]})`).join(", ")} | ${verdict(rememberedRatios.every((r) => r >= 0.95))} |`,
  );
  lines.push(
    `| first sign-in ≥ reference, apart from hash cost | provider time per flow p50 less one verify (${fmt(hash.verifyMsMedian)} ms): ` +
      `${firstNoHash.map((x) => `${fmt(x.ours)} vs ${fmt(x.reference)} ms (c=${x.c})`).join(", ")}; flows/s ours/reference with the hash ` +
      `${firstFlowsRatio.map((r, i) => `${fmt(r, 2)} (c=${concurrencies[i]})`).join(", ")} | ${verdict(firstNoHash.every((x) => x.ours <= x.reference))} |`,
  );
  lines.push(
    `| p99 added per hop ≤ 10 ms at c=${cMid} | ${added.map((a) => `${pathLabel[a.path]}: ours p99 ${fmt(a.p99)} ms, ${fmt(a.added)} ms over null`).join("; ")} | ${verdict(added.every((a) => a.added <= 10))} |`,
  );
  lines.push(`| peak RSS ≤ 250 MB | ${fmt(peakRss, 0)} MB (ours, whole process tree) | ${verdict(peakRss <= 250)} |`);
  lines.push(`| login page ≤ 100 KB first-load JS (gzip) | ${kb(js.login.gzipBytes)} | ${verdict(js.login.gzipBytes <= 100 * 1024)} |`);
  lines.push("");

  if (result.profile) {
    const p = result.profile;
    lines.push(`#### CPU profile of ours (\`--cpu-prof\`, ${fmt(p.totalMs / 1000)} s sampled, ${p.file})`, "");
    lines.push("| area (self time) | ms | share |", "|---|---:|---:|");
    for (const a of p.byArea.slice(0, 10)) lines.push(`| ${a.area} | ${fmt(a.ms, 0)} | ${fmt(a.share)} % |`);
    lines.push("", "| stacks containing (inclusive, overlapping) | ms | share of busy time |", "|---|---:|---:|");
    for (const x of p.inclusive ?? []) lines.push(`| ${x.what} | ${fmt(x.ms, 0)} | ${fmt(x.shareOfBusy)} % |`);
    lines.push("", "| function (self time, idle excluded) | where | ms | share |", "|---|---|---:|---:|");
    for (const f of p.topFunctions.slice(0, 12)) lines.push(`| \`${f.fn}\` | \`${f.where}\` | ${fmt(f.ms, 0)} | ${fmt(f.share)} % |`);
    lines.push("");
  }
  if (result.errors > 0 || result.warmErrors.length > 0) {
    lines.push(`Errors: ${result.errors} in measured flows, ${result.warmErrors.length} in warm-up. First messages:`, "");
    for (const s of result.samples.filter((x) => x.errors > 0).slice(0, 5)) lines.push(`- ${s.provider} ${s.path} c=${s.concurrency}: ${s.firstErrors.join(" | ")}`);
    for (const e of result.warmErrors.slice(0, 3)) lines.push(`- ${e}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** Replaces the generated block of BENCHMARKS.md (or appends one). */
export function updateBenchmarksFile(file: string, markdown: string): void {
  const block = `${BEGIN}\n\n${markdown}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
