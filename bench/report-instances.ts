// Report sections of a PostgreSQL run: how flows/s grows from one instance of ours to N behind
// nginx, and whether Hydra's connection pool was the limit.
import { concurrenciesOf, findCell, fmt, pathLabel, pathsOf, providerName, providersOf, ratio } from "./report-format";
import type { BenchResult } from "./types";

/** ours × 1 against ours × N at each concurrency and path; nothing when the run had no ours × N. */
export function renderInstances(result: BenchResult): string[] {
  const providers = providersOf(result);
  if (!providers.includes("ours-instances")) return [];
  const n = result.settings.instances ?? 0;
  const lines = [`#### Flows per second by instances: ours × 1 and ours × ${n}`, ""];
  lines.push(
    `The same build, the same database; ours × ${n} adds nginx in front of ${n} processes. CPU ms per flow counts every process ` +
      "of the provider, so its difference is what the extra instances and the proxy burn.",
    "",
  );
  lines.push(`| path | c | ours × 1 flows/s | ours × ${n} flows/s | × ${n} ÷ × 1 | CPU ms per flow × 1 | CPU ms per flow × ${n} |`);
  lines.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const path of pathsOf(result)) {
    for (const c of concurrenciesOf(result)) {
      const one = findCell(result, path, c, "ours");
      const many = findCell(result, path, c, "ours-instances");
      if (!many) continue;
      lines.push(
        `| ${pathLabel[path]} | ${c} | ${fmt(one?.flowsPerSecond ?? NaN)} | ${fmt(many.flowsPerSecond)} | ${fmt(ratio(many.flowsPerSecond, one?.flowsPerSecond), 2)} | ` +
          `${fmt(one?.cpuMsPerFlow ?? NaN)} | ${fmt(many.cpuMsPerFlow)} |`,
      );
    }
  }
  lines.push("");
  return lines;
}

/** Hydra's PostgreSQL connections per cell: peak open of the pool's cap, share of samples at the cap, connections opened. */
export function renderHydraConnections(result: BenchResult): string[] {
  if (!result.cells.some((c) => c.hydraConnections)) return [];
  const providers = providersOf(result);
  const max = result.cells.find((c) => c.hydraConnections)!.hydraConnections!.max;
  const lines = ["#### Hydra's PostgreSQL connections", ""];
  lines.push(
    `Sampled every 100 ms from \`pg_stat_activity\` during each cell: peak open connections of the pool's ${max} ` +
      "(busy: in a statement or a transaction), the share of samples with the pool at its cap, and the connections Hydra " +
      "opened during the cell (`pg_stat_database.sessions`: it keeps only `max_idle_conns` between bursts). " +
      "Peaks are the maximum over the rounds, the rest medians.",
    "",
  );
  lines.push(`| path | c | ${providers.map((id) => providerName(result, id)).join(" | ")} |`);
  lines.push(`|---|---:|${providers.map(() => "---|").join("")}`);
  for (const path of pathsOf(result)) {
    for (const c of concurrenciesOf(result)) {
      const figures = providers.map((id) => {
        const x = findCell(result, path, c, id)?.hydraConnections;
        return x ? `${x.peakOpen} open, ${x.peakBusy} busy, ${fmt(x.atCapPercent, 0)} % at cap, ${fmt(x.opened, 0)} opened` : "–";
      });
      lines.push(`| ${pathLabel[path]} | ${c} | ${figures.join(" | ")} |`);
    }
  }
  lines.push("");
  return lines;
}
