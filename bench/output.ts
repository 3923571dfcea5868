// Where a run's result goes: the JSON file, stdout and, for a full run, BENCHMARKS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../e2e/harness/process";
import type { BenchOptions } from "./options";
import { blockName, renderMarkdown, updateBenchmarksFile } from "./report";
import type { BenchResult } from "./types";

/**
 * The file name's tail says what kind of run it was: `-soak`; `-load` for a run of some providers
 * alone (--providers); `-<N>x` with N instances of ours; `-postgres` when Hydra ran on PostgreSQL.
 */
function fileSuffix(result: BenchResult, options: BenchOptions): string {
  const parts = [
    result.mode === "soak" ? "soak" : "",
    options.restricted ? "load" : "",
    options.instances > 1 ? `${options.instances}x` : "",
    options.hydraDb === "postgres" ? "postgres" : "",
  ].filter(Boolean);
  return parts.map((part) => `-${part}`).join("");
}

/** Writes the result; smoke runs keep everything out of the repository (a temp dir under `dataDir`). */
export function writeResult(result: BenchResult, options: BenchOptions, dataDir: string, log: (message: string) => void): void {
  const outDir = options.out ?? (options.smoke ? join(dataDir, "results") : join(repoRoot, "bench", "results"));
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, `${result.date.slice(0, 19).replace(/:/g, "-")}Z${fileSuffix(result, options)}.json`);
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderMarkdown(result);
  console.log(`\n${markdown}`);
  // Only a full run of every provider has the comparison the results block of BENCHMARKS.md is about.
  if (result.mode === "full" && !options.restricted && options.writeMarkdown) {
    updateBenchmarksFile(join(repoRoot, "BENCHMARKS.md"), markdown, blockName(result));
    log("BENCHMARKS.md updated");
  }
  log(`results: ${outFile}`);
}
