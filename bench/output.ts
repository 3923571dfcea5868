// Where a run's result goes: the JSON file, stdout and, for a full run, BENCHMARKS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../e2e/harness/process";
import type { BenchOptions } from "./options";
import { renderMarkdown, updateBenchmarksFile } from "./report";
import type { BenchResult } from "./types";

/** Writes the result; smoke runs keep everything out of the repository (a temp dir under `dataDir`). */
export function writeResult(result: BenchResult, options: BenchOptions, dataDir: string, log: (message: string) => void): void {
  const outDir = options.out ?? (options.smoke ? join(dataDir, "results") : join(repoRoot, "bench", "results"));
  mkdirSync(outDir, { recursive: true });
  const suffix = result.mode === "soak" ? "-soak" : "";
  const outFile = join(outDir, `${result.date.slice(0, 19).replace(/:/g, "-")}Z${suffix}.json`);
  writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderMarkdown(result);
  console.log(`\n${markdown}`);
  // Only a full run has the comparison the results block of BENCHMARKS.md is about.
  if (result.mode === "full" && options.writeMarkdown) {
    updateBenchmarksFile(join(repoRoot, "BENCHMARKS.md"), markdown);
    log("BENCHMARKS.md updated");
  }
  log(`results: ${outFile}`);
}
