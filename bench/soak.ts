// The soak: identical load runs of ours back to back on one process, with the RSS read after each
// has settled. Memory that V8 keeps after warm-up levels off from the first run on; memory that
// grows run after run is held by something.
import { sleep } from "../e2e/harness/process";
import { firstErrors, providerHops } from "./cells";
import { CookieJar } from "./cookies";
import { runCell } from "./flows";
import type { SoakOptions } from "./options";
import { descendants, rssSampler, treeRss } from "./processes";
import { flowTarget, type Provider } from "./providers";
import type { BenchStack } from "./stack";
import { percentiles, round } from "./stats";
import { TARGETS } from "./targets";
import type { SoakResult, SoakRun } from "./types";

const RUNS = 3;

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

export async function runSoak(options: {
  stack: BenchStack;
  ours: Provider;
  scope: string;
  soak: SoakOptions;
  log: (message: string) => void;
}): Promise<SoakResult> {
  const { ours, soak, log } = options;
  const pids = ours.pids;
  // Re-read the tree each time: a worker process that appears later must count too.
  const settledRss = async () => {
    await sleep(soak.settleMs);
    return treeRss(descendants(pids));
  };
  const target = flowTarget(options.stack, ours, "first", options.scope);
  const rssBefore = await settledRss();
  const runs: SoakRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const sampler = rssSampler(pids);
    const cell = await runCell(target, soak.flowsPerRun, soak.concurrency, () => new CookieJar(), "first");
    const peak = sampler.stop();
    const settled = await settledRss();
    const ok = cell.flows.filter((f) => f.ok).length;
    const hop = percentiles(providerHops(cell.flows));
    runs.push({
      run,
      flows: cell.flows.length,
      errors: cell.flows.length - ok,
      firstErrors: firstErrors(cell.flows),
      flowsPerSecond: round((ok / cell.wallMs) * 1000, 2),
      hop,
      peakRssMB: mb(peak),
      settledRssMB: mb(settled),
    });
    const last = runs.at(-1)!;
    log(
      `soak run ${run}/${RUNS} first c=${soak.concurrency} ours ${last.flowsPerSecond.toFixed(1)} flows/s  hop p50 ${hop.p50} p99 ${hop.p99} ms  ` +
        `peak rss ${last.peakRssMB} MB  settled ${last.settledRssMB} MB  errors ${last.errors}${last.errors ? ` (${last.firstErrors[0]})` : ""}`,
    );
  }
  const first = runs[0]!.settledRssMB;
  const growthPercent = first > 0 ? round(((runs.at(-1)!.settledRssMB - first) / first) * 100, 1) : Number.NaN;
  return {
    provider: "ours",
    path: "first",
    concurrency: soak.concurrency,
    flowsPerRun: soak.flowsPerRun,
    settleMs: soak.settleMs,
    rssBeforeMB: mb(rssBefore),
    runs,
    growthPercent,
    limitPercent: TARGETS.soakGrowthPercent,
    withinLimit: growthPercent <= TARGETS.soakGrowthPercent,
  };
}
