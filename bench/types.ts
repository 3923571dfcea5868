// The shape of a benchmark result: the JSON written to bench/results/ and what report.ts renders.
// Types only, so that every bench module can depend on it and it depends on nothing that runs.
import type { FlowPath } from "./flows";
import type { ProfileSummary } from "./profile";

export type ProviderId = "ours" | "reference" | "null";

/** "soak" runs only ours, three times over the same process, and no comparison cells. */
export type BenchMode = "smoke" | "full" | "soak";

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  hydra: string;
  next: string;
  reference: string;
  loadAverageAtStart: number[];
}

/** The `<script src>` files a first visit of a page loads, as `next start` serves them. */
export interface FirstLoadJs {
  /** Distinct same-origin script files. */
  scripts: number;
  gzipBytes: number;
  rawBytes: number;
  inlineScriptGzipBytes: number;
  htmlGzipBytes: number;
}

/** The page itself: the document as served and the scripts it carries. */
export interface PageWeight {
  /** The HTML with Accept-Encoding: gzip, inline scripts (today's RSC payload) included. */
  documentGzipBytes: number;
  documentBytes: number;
  /** False when the server sent it uncompressed; the gzip figure is then computed here at the default level. */
  servedGzipped: boolean;
  scriptElements: { src: number; inline: number };
  /** Text inside the inline `<script>` elements, UTF-8. */
  inlineScriptBytes: number;
  inlineScriptGzipBytes: number;
}

export type PageName = "login" | "consent";

export interface PasswordHashCost {
  algorithm: string;
  parameters: Record<string, number>;
  verifyMsMedian: number;
}

/** One provider, path and concurrency in one round. */
export interface CellSample {
  round: number;
  provider: ProviderId;
  path: FlowPath;
  concurrency: number;
  flows: number;
  errors: number;
  firstErrors: string[];
  flowsPerSecond: number;
  hop: Percentiles & { count: number };
  providerTimePerFlow: Percentiles;
  flowTotal: Percentiles;
  peakRssMB: number;
  /** CPU time of the provider's process tree during the cell, per successful flow. */
  cpuMsPerFlow: number;
  posted: Record<string, number>;
}

/** Medians over the rounds of one provider, path and concurrency. */
export interface Cell {
  path: FlowPath;
  concurrency: number;
  provider: ProviderId;
  flowsPerSecond: number;
  hop: Percentiles;
  providerTimePerFlow: Percentiles;
  errors: number;
  flows: number;
  peakRssMB: number;
  cpuMsPerFlow: number;
}

export interface SoakRun {
  run: number;
  flows: number;
  errors: number;
  firstErrors: string[];
  flowsPerSecond: number;
  hop: Percentiles;
  peakRssMB: number;
  /** RSS of the process tree after the run and the idle settle. */
  settledRssMB: number;
}

export interface SoakResult {
  provider: ProviderId;
  path: FlowPath;
  concurrency: number;
  flowsPerRun: number;
  settleMs: number;
  /** RSS after warm-up, before run 1. */
  rssBeforeMB: number;
  runs: SoakRun[];
  /** Settled RSS after the last run against after the first, in percent. */
  growthPercent: number;
  limitPercent: number;
  withinLimit: boolean;
}

export interface BenchSettings {
  rounds: number;
  flowsPerCell: Record<string, number>;
  scope: string;
  client: string;
  hydraDatabase: string;
  routing: string;
  build: { distDir: string; buildMs: number | undefined };
  soak?: { flowsPerRun: number; concurrency: number; settleMs: number };
  /** Extra environment ours ran with (--ours-env). */
  oursEnv?: Record<string, string>;
}

export interface BenchResult {
  date: string;
  mode: BenchMode;
  machine: Machine;
  settings: BenchSettings;
  providers: Partial<Record<ProviderId, { label: string; startupMs: number }>>;
  oursStartupMs: { samples: number[]; median: number };
  firstLoadJs: Record<PageName, FirstLoadJs>;
  pageWeight: Record<PageName, PageWeight>;
  passwordHash: PasswordHashCost;
  cells: Cell[];
  samples: CellSample[];
  soak?: SoakResult;
  warmErrors: string[];
  profile?: ProfileSummary;
  errors: number;
}
