// Hydra's binary and the production build of ours, made before anything is measured.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../e2e/harness/process";
import type { BenchOptions } from "./options";

/** Builds what is missing; the build time in ms, or undefined when the existing build was used. */
export async function ensureBuild(options: Pick<BenchOptions, "distDir" | "noBuild" | "smoke">): Promise<number | undefined> {
  // scripts/bootstrap.mjs reads NEXT_DIST_DIR when it loads: bench.ts sets it before this import.
  const bootstrap = await import("../scripts/bootstrap.mjs");
  bootstrap.ensureHydra();
  const buildId = join(repoRoot, options.distDir, "BUILD_ID");
  if (options.noBuild || (options.smoke && existsSync(buildId))) {
    if (!existsSync(buildId)) throw new Error(`no build in ${options.distDir} and --no-build given`);
    return undefined;
  }
  // next build adds its dist dir's type folders to tsconfig.json; undo that side effect.
  const tsconfig = join(repoRoot, "tsconfig.json");
  const before = existsSync(tsconfig) ? readFileSync(tsconfig) : undefined;
  const started = Date.now();
  try {
    bootstrap.ensureAppBuild();
  } finally {
    if (before && !readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
  }
  return Date.now() - started;
}
