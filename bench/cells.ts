// The comparison: every provider, path and concurrency in rounds, and the medians over them.
import { CookieJar } from "./cookies";
import { runCell, type FlowPath, type FlowResult } from "./flows";
import type { HydraConnectionMonitor } from "./hydra-connections";
import { descendants, rssSampler, treeCpuMs } from "./processes";
import { flowTarget, type Provider } from "./providers";
import type { BenchStack } from "./stack";
import { median, percentiles, round } from "./stats";
import type { Cell, CellSample, HydraConnections, ProviderId } from "./types";

/** Hop times of the successful flows, one entry per request the provider answered. */
export const providerHops = (flows: FlowResult[]) => flows.filter((f) => f.ok).flatMap((f) => f.providerHops);

export const firstErrors = (flows: FlowResult[]) => [...new Set(flows.filter((f) => !f.ok).map((f) => f.error ?? "?"))].slice(0, 3);

function summarize(round_: number, provider: ProviderId, path: FlowPath, concurrency: number, flows: FlowResult[], wallMs: number, peakRss: number, cpuMs: number): CellSample {
  const ok = flows.filter((f) => f.ok);
  const hops = providerHops(flows);
  const perFlow = ok.map((f) => f.providerHops.reduce((a, b) => a + b, 0));
  const posted: Record<string, number> = {};
  for (const f of ok) for (const kind of f.posted) posted[kind] = (posted[kind] ?? 0) + 1;
  return {
    round: round_,
    provider,
    path,
    concurrency,
    flows: flows.length,
    errors: flows.length - ok.length,
    firstErrors: firstErrors(flows),
    flowsPerSecond: round((ok.length / wallMs) * 1000, 2),
    hop: { ...percentiles(hops), count: hops.length },
    providerTimePerFlow: percentiles(perFlow),
    flowTotal: percentiles(ok.map((f) => f.totalMs)),
    peakRssMB: round(peakRss / 2 ** 20, 1),
    cpuMsPerFlow: ok.length > 0 ? round(cpuMs / ok.length, 2) : 0,
    posted,
  };
}

/** Runs every cell `rounds` times and returns one sample per cell and round. */
export async function runRounds(options: {
  stack: BenchStack;
  providers: Provider[];
  paths: FlowPath[];
  flowsByConcurrency: Map<number, number>;
  rounds: number;
  scope: string;
  /** PostgreSQL only: samples Hydra's connections during each cell. */
  hydraConnections?: HydraConnectionMonitor;
  log: (message: string) => void;
}): Promise<CellSample[]> {
  const { stack, providers, log } = options;
  const samples: CellSample[] = [];
  for (let r = 0; r < options.rounds; r++) {
    // A B C D, B C D A, C D A B …: machine noise and position in the round hit every provider alike.
    const order = providers.map((_, i) => providers[(i + r) % providers.length]!);
    for (const path of options.paths) {
      for (const [concurrency, flows] of options.flowsByConcurrency) {
        for (const provider of order) {
          // Every process of the provider: ours × N is its instances and nginx.
          const sampler = rssSampler(provider.pids);
          const pids = descendants(provider.pids);
          const cpuBefore = treeCpuMs(pids);
          const connections = options.hydraConnections?.start();
          const jarFor = path === "first" ? () => new CookieJar() : (i: number) => provider.jars[i]!;
          const run = await runCell(flowTarget(stack, provider, path, options.scope), flows, concurrency, jarFor, path);
          const sample = summarize(r + 1, provider.id, path, concurrency, run.flows, run.wallMs, sampler.stop(), treeCpuMs(pids) - cpuBefore);
          if (connections) sample.hydraConnections = await connections.stop();
          samples.push(sample);
          const pool = sample.hydraConnections;
          log(
            `round ${r + 1} ${path.padEnd(10)} c=${String(concurrency).padEnd(2)} ${provider.id.padEnd(14)} ` +
              `${sample.flowsPerSecond.toFixed(1).padStart(6)} flows/s  hop p50 ${sample.hop.p50} p99 ${sample.hop.p99} ms  ` +
              `cpu ${sample.cpuMsPerFlow} ms/flow  rss ${sample.peakRssMB} MB` +
              `${pool ? `  hydra conns peak ${pool.peakOpen}/${pool.max} (busy ${pool.peakBusy}, at cap ${pool.atCapPercent} %, opened ${pool.opened})` : ""}` +
              `  errors ${sample.errors}${sample.errors ? ` (${sample.firstErrors[0]})` : ""}`,
          );
        }
      }
    }
  }
  return samples;
}

/** Medians over the rounds for each (path, concurrency, provider); errors and flows are summed, RSS is the maximum. */
export function aggregate(samples: CellSample[], order: { paths: FlowPath[]; concurrencies: number[]; providers: ProviderId[] }): Cell[] {
  const cells: Cell[] = [];
  for (const path of order.paths) {
    for (const concurrency of order.concurrencies) {
      for (const provider of order.providers) {
        const mine = samples.filter((s) => s.path === path && s.concurrency === concurrency && s.provider === provider);
        if (mine.length === 0) continue;
        const m = (pick: (s: CellSample) => number) => round(median(mine.map(pick)), 2);
        cells.push({
          path,
          concurrency,
          provider,
          flowsPerSecond: m((s) => s.flowsPerSecond),
          hop: { p50: m((s) => s.hop.p50), p95: m((s) => s.hop.p95), p99: m((s) => s.hop.p99) },
          providerTimePerFlow: {
            p50: m((s) => s.providerTimePerFlow.p50),
            p95: m((s) => s.providerTimePerFlow.p95),
            p99: m((s) => s.providerTimePerFlow.p99),
          },
          errors: mine.reduce((sum, s) => sum + s.errors, 0),
          flows: mine.reduce((sum, s) => sum + s.flows, 0),
          peakRssMB: Math.max(...mine.map((s) => s.peakRssMB)),
          cpuMsPerFlow: m((s) => s.cpuMsPerFlow),
          hydraConnections: aggregateConnections(mine.flatMap((s) => (s.hydraConnections ? [s.hydraConnections] : []))),
        });
      }
    }
  }
  return cells;
}

function aggregateConnections(rounds: HydraConnections[]): HydraConnections | undefined {
  if (rounds.length === 0) return undefined;
  return {
    max: rounds[0]!.max,
    peakOpen: Math.max(...rounds.map((x) => x.peakOpen)),
    peakBusy: Math.max(...rounds.map((x) => x.peakBusy)),
    atCapPercent: round(median(rounds.map((x) => x.atCapPercent)), 1),
    opened: median(rounds.map((x) => x.opened)),
    samples: rounds.reduce((sum, x) => sum + x.samples, 0),
  };
}
