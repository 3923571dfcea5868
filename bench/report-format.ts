// Number formatting and cell look-ups shared by the report and the target checks.
import type { BenchResult, Cell } from "./types";

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
