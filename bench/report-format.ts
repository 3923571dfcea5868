// Number formatting and cell look-ups shared by the report and the target checks.
import type { BenchResult, Cell, ProviderId } from "./types";

export const fmt = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function findCell(result: BenchResult, path: string, concurrency: number, provider: string): Cell | undefined {
  return result.cells.find((c) => c.path === path && c.concurrency === concurrency && c.provider === provider);
}

export function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN;
}

/** The concurrencies of the comparison cells, ascending. */
export const concurrenciesOf = (result: BenchResult) => [...new Set(result.cells.map((c) => c.concurrency))].sort((a, b) => a - b);

export const pathLabel = { first: "first sign-in", remembered: "remembered" } as const;

/** The providers a run measured, in round order (runs before --providers had the first three). */
export const providersOf = (result: BenchResult): ProviderId[] =>
  result.settings.providers ?? (["ours", "reference", "null"] as ProviderId[]).filter((id) => result.providers[id]);

/** How a provider is named in the tables: ours × N for the instances behind nginx. */
export const providerName = (result: BenchResult, id: ProviderId): string =>
  id === "ours-instances" ? `ours × ${result.settings.instances ?? "N"}` : id;

/** The paths of the comparison cells, in the usual order. */
export const pathsOf = (result: BenchResult) => (["first", "remembered"] as const).filter((path) => result.cells.some((c) => c.path === path));
