// The shape of a benchmark result: the JSON written to bench/results/ and what report.ts renders.
// Types only, so that every bench module can depend on it and it depends on nothing that runs.
import type { FlowPath } from "./flows";
import type { ProfileSummary } from "./profile";

/** "ours-instances" is several instances of ours behind nginx (--instances N). */
export type ProviderId = "ours" | "reference" | "null" | "ours-instances";

/** Where Hydra keeps its data; on PostgreSQL ours keeps its accounts there too. */
export type HydraDb = "sqlite" | "postgres";

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
  /** Hydra's PostgreSQL connections during the cell (absent on SQLite). */
  hydraConnections?: HydraConnections;
}

/** Hydra's connections to its PostgreSQL database, sampled from pg_stat_activity during a cell. */
export interface HydraConnections {
  /** The pool's cap (max_conns in Hydra's DSN). */
  max: number;
  peakOpen: number;
  /** Connections running a statement or inside a transaction. */
  peakBusy: number;
  /** Share of the samples in which the pool was at its cap, in percent. */
  atCapPercent: number;
  /** Connections Hydra opened during the cell (pg_stat_database.sessions): churn past max_idle_conns. */
  opened: number;
  samples: number;
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
  /** Peaks are the maximum over the rounds, the rest medians. */
  hydraConnections?: HydraConnections;
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
  /** Hydra's database (and, on PostgreSQL, ours' accounts), described for the report. */
  hydraDatabase: string;
  /** Absent in runs made before PostgreSQL could be chosen: those ran on SQLite. */
  hydraDb?: HydraDb;
  /** Hydra's PostgreSQL pool (its DSN's max_conns and max_idle_conns). */
  hydraPool?: { maxConns: number; maxIdleConns: number };
  /** Whether the load generator queued the requests to Hydra's public port one at a time. */
  hydraPublicSerial?: boolean;
  /** Instances of ours behind nginx in the "ours-instances" provider (1: no such provider). */
  instances?: number;
  /** The providers this run measured, in their round order. */
  providers?: ProviderId[];
  routing: string;
  build: { distDir: string; buildMs: number | undefined };
  soak?: { flowsPerRun: number; concurrency: number; settleMs: number };
  /** Extra environment ours ran with (--ours-env). */
  oursEnv?: Record<string, string>;
}

export interface ProviderInfo {
  label: string;
  /** ms from the first spawn to the first 200 (for ours × N: through nginx, after every instance). */
  startupMs: number;
  /** ours × N: `next start` to first 200 of each instance, started one after another. */
  instanceStartupMs?: number[];
}

export interface BenchResult {
  date: string;
  mode: BenchMode;
  machine: Machine;
  settings: BenchSettings;
  providers: Partial<Record<ProviderId, ProviderInfo>>;
  /** Fresh starts of the one-instance ours; no samples when it did not run (--providers). */
  oursStartupMs: { samples: number[]; median: number };
  /** The provider the page figures come from: ours, or ours × N when ours did not run. */
  pagesMeasuredOn?: ProviderId;
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
