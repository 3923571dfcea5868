// Keeps the benchmark from rotting: `npm run bench -- --smoke` runs a handful of complete
// flows through real Hydra with each of the three providers (ours, the reference, the null
// provider) and must finish without a single failed flow. Timings are not asserted here.
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./harness/process";

test("the benchmark's smoke mode completes every flow", async () => {
  test.setTimeout(300_000);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(join(repoRoot, "node_modules", ".bin", "tsx"), ["bench/bench.ts", "--smoke"], {
      cwd: repoRoot,
      // The suite's own build (NEXT_DIST_DIR or .next), which `npm test` has just made.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => output.push(String(chunk)));
    child.stderr.on("data", (chunk) => output.push(String(chunk)));
    const timer = setTimeout(() => child.kill("SIGTERM"), 280_000);
    child.once("error", reject);
    child.once("close", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const text = output.join("");
  expect(text, text.slice(-4000)).toMatch(/\[bench\] errors: 0\b/);
  expect(code, text.slice(-4000)).toBe(0);
  // Every provider ran both paths at every concurrency.
  for (const provider of ["ours", "reference", "null"]) {
    expect(text).toMatch(new RegExp(`first\\s+c=1\\s+${provider}\\b`));
    expect(text).toMatch(new RegExp(`remembered\\s+c=2\\s+${provider}\\b`));
  }
});
