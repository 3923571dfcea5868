// Report sections about ours alone: page weight beside first-load JS, start-up times, the soak.
import { fmt, kb } from "./report-format";
import type { BenchResult, PageName } from "./types";

export function renderPages(result: BenchResult): string[] {
  const lines = ["#### Pages and start-up", ""];
  lines.push(
    "| page | first-load JS, gzip (raw) | `<script>` elements: src / inline | inline script content: raw / gzip | document, gzip as served (raw) |",
    "|---|---:|---:|---:|---:|",
  );
  let computedGzip = false;
  for (const page of ["login", "consent"] as PageName[]) {
    const js = result.firstLoadJs[page];
    const w = result.pageWeight[page];
    computedGzip ||= !w.servedGzipped;
    lines.push(
      `| ${page} | ${kb(js.gzipBytes)} (${kb(js.rawBytes)} raw), ${js.scripts} files | ${w.scriptElements.src} / ${w.scriptElements.inline} | ` +
        `${kb(w.inlineScriptBytes)} / ${kb(w.inlineScriptGzipBytes)} | ${kb(w.documentGzipBytes)}${w.servedGzipped ? "" : " ²"} (${kb(w.documentBytes)} raw) |`,
    );
  }
  lines.push("");
  lines.push("The document is the HTML of the page, inline scripts (the RSC payload, where there is one) included.");
  if (result.pagesMeasuredOn === "ours-instances") lines.push("Measured through nginx on ours × N (ours alone did not run).");
  if (computedGzip) lines.push("² the server sent it uncompressed; gzipped here at the default level.");
  lines.push("");
  return lines;
}

export function renderStartup(result: BenchResult): string[] {
  const startup = result.oursStartupMs;
  const lines = ["| start-up | value |", "|---|---:|"];
  if (startup.samples.length > 0) {
    lines.push(`| \`next start\` to first 200 (median of ${startup.samples.length}: ${startup.samples.join(", ")} ms) | ${startup.median} ms |`);
  }
  if (result.providers.reference) lines.push(`| reference provider start to first 200 | ${result.providers.reference.startupMs} ms |`);
  if (result.providers.null) lines.push(`| null provider start to first 200 | ${result.providers.null.startupMs} ms |`);
  const many = result.providers["ours-instances"];
  if (many) {
    lines.push(
      `| ours × ${many.instanceStartupMs?.length ?? "N"}: instances started one after another (each \`next start\` to first 200: ` +
        `${many.instanceStartupMs?.join(", ") ?? "–"} ms), then nginx, to the first 200 through nginx | ${many.startupMs} ms |`,
    );
  }
  lines.push("");
  return lines;
}

export function renderSoak(result: BenchResult): string[] {
  const soak = result.soak;
  if (!soak) return [];
  const lines = [`#### Soak: ${soak.runs.length} runs of ours on one process`, ""];
  lines.push(
    `First sign-in, ${soak.flowsPerRun} flows per run at c=${soak.concurrency}, back to back on one \`next start\`. ` +
      `The RSS of its process tree is read after each run and ${fmt(soak.settleMs / 1000)} s idle; after warm-up it was ${fmt(soak.rssBeforeMB, 0)} MB.`,
    "",
  );
  lines.push("| run | flows/s | hop p50 | hop p99 | errors / flows | peak RSS MB | RSS after settle MB |", "|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of soak.runs) {
    lines.push(
      `| ${r.run} | ${fmt(r.flowsPerSecond)} | ${fmt(r.hop.p50)} | ${fmt(r.hop.p99)} | ${r.errors} / ${r.flows} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.settledRssMB, 0)} |`,
    );
  }
  const sign = soak.growthPercent > 0 ? "+" : "";
  lines.push(
    "",
    `Growth from run 1 to run ${soak.runs.length} (settled RSS): ${sign}${fmt(soak.growthPercent)} %, ` +
      `${soak.withinLimit ? "within" : "**over**"} the ${soak.limitPercent} % limit.`,
    "",
  );
  return lines;
}
