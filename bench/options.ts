// The command line of `npm run bench` (the options are listed in bench.ts's header) and the
// settings derived from it.
import { parseArgs } from "node:util";
import type { FlowPath } from "./flows";
import type { BenchMode, HydraDb, ProviderId } from "./types";

export interface SoakOptions {
  flowsPerRun: number;
  concurrency: number;
  /** Idle time before the RSS after a run is read, so that in-flight work and short-lived buffers are gone. */
  settleMs: number;
}

export interface BenchOptions {
  mode: BenchMode;
  /** Smoke sizes, the suite's build, results in a temp dir (also with --soak). */
  smoke: boolean;
  distDir: string;
  flowsByConcurrency: Map<number, number>;
  concurrencies: number[];
  maxConcurrency: number;
  rounds: number;
  /** The paths measured in the comparison cells (none in soak mode). */
  paths: FlowPath[];
  scope: string;
  profile: boolean;
  noBuild: boolean;
  out: string | undefined;
  writeMarkdown: boolean;
  /** Extra fresh starts of ours, before the one that serves the load, to time `next start`. */
  startupProbes: number;
  /** The soak phase: three runs of ours on one process. Absent when the run has none. */
  soak: SoakOptions | undefined;
  /** Extra environment for ours (`--ours-env NAME=value`, repeatable): a configuration variant to measure. */
  oursEnv: Record<string, string>;
  /** Hydra's database; on PostgreSQL ours keeps its accounts there too. */
  hydraDb: HydraDb;
  /** Instances of ours behind nginx in the "ours-instances" provider; 1: no such provider. */
  instances: number;
  /** The providers measured, in round order. */
  providers: ProviderId[];
  /**
   * --providers left some out: a load run of those alone. Its file is named `-load…` and it never
   * rewrites BENCHMARKS.md, whose block compares all providers.
   */
  restricted: boolean;
}

const positiveInteger = (value: string, name: string, max: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer 1..${max}`);
  return n;
};

export function parseBenchOptions(argv: string[] = process.argv.slice(2)): BenchOptions {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      soak: { type: "boolean", default: false },
      "soak-flows": { type: "string" },
      flows: { type: "string" },
      rounds: { type: "string" },
      profile: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      out: { type: "string" },
      "no-markdown": { type: "boolean", default: false },
      "ours-env": { type: "string", multiple: true },
      "hydra-db": { type: "string" },
      instances: { type: "string" },
      providers: { type: "string" },
      paths: { type: "string" },
    },
  });
  const smoke = args.smoke!;
  const soakMode = args.soak!;
  if (soakMode && (args.flows !== undefined || args.rounds !== undefined)) {
    throw new Error("--flows and --rounds set the comparison cells, which --soak does not run");
  }
  if (args["soak-flows"] !== undefined && !soakMode && !smoke) throw new Error("--soak-flows needs --soak");

  const flowsByConcurrency: Map<number, number> = soakMode
    ? new Map()
    : new Map(
        (args.flows ?? (smoke ? "1:3,2:4" : "1:30,8:60,32:96")).split(",").map((pair) => {
          const [c, n] = pair.split(":").map(Number);
          if (!Number.isInteger(c) || !Number.isInteger(n) || c! < 1 || n! < 1) throw new Error(`bad --flows entry ${pair}`);
          return [c!, n!] as [number, number];
        }),
      );
  const rounds = soakMode ? 0 : positiveInteger(args.rounds ?? (smoke ? "1" : "3"), "--rounds", 20);
  const concurrencies = [...flowsByConcurrency.keys()];

  const hydraDb = (args["hydra-db"] ?? "sqlite") as HydraDb;
  if (hydraDb !== "sqlite" && hydraDb !== "postgres") throw new Error("--hydra-db must be sqlite or postgres");
  const instances = positiveInteger(args.instances ?? "1", "--instances", 8);
  // The instances share one accounts database and their sign-in throttle; SQLite is one machine's
  // file, which a real deployment of several instances cannot share.
  if (instances > 1 && hydraDb !== "postgres") throw new Error("--instances above 1 needs --hydra-db postgres (the instances share the accounts database)");
  if (instances > 1 && soakMode) throw new Error("--soak measures one process of ours: it takes no --instances");
  const allProviders: ProviderId[] = soakMode ? ["ours"] : ["ours", "reference", "null", ...(instances > 1 ? (["ours-instances"] as const) : [])];
  let providers = allProviders;
  if (args.providers !== undefined) {
    if (soakMode) throw new Error("--soak measures ours alone: it takes no --providers");
    const asked = args.providers.split(",").map((id) => id.trim());
    for (const id of asked) {
      if (!allProviders.includes(id as ProviderId)) {
        throw new Error(`--providers: unknown provider ${id} (this run has ${allProviders.join(", ")}; ours-instances needs --instances 2 or more)`);
      }
    }
    // The round order stays the usual one, whatever order they were listed in.
    providers = allProviders.filter((id) => asked.includes(id));
    // The page weight, first-load JS and hash cost are ours' figures: one of ours must run.
    if (!providers.includes("ours") && !providers.includes("ours-instances")) throw new Error("--providers must include ours or ours-instances");
  }
  const paths: FlowPath[] = soakMode ? [] : ((args.paths ?? "first,remembered").split(",").map((p) => p.trim()) as FlowPath[]);
  for (const path of paths) if (path !== "first" && path !== "remembered") throw new Error(`--paths: unknown path ${path} (first, remembered)`);

  // A smoke run also walks the soak phase in miniature, so that its code cannot rot unnoticed.
  const soak: SoakOptions | undefined =
    soakMode || smoke
      ? {
          flowsPerRun: positiveInteger(args["soak-flows"] ?? (smoke ? "4" : "300"), "--soak-flows", 100_000),
          concurrency: smoke ? 2 : 8,
          settleMs: smoke ? 1_000 : 2_000,
        }
      : undefined;

  return {
    mode: soakMode ? "soak" : smoke ? "smoke" : "full",
    smoke,
    // Smoke runs inside the e2e suite, which has built NEXT_DIST_DIR (or .next) already; other runs
    // build their own copy in .next-bench so they never collide with another build.
    distDir: process.env.NEXT_DIST_DIR || (smoke ? ".next" : ".next-bench"),
    flowsByConcurrency,
    concurrencies,
    maxConcurrency: Math.max(0, ...concurrencies),
    rounds,
    paths,
    scope: "openid offline_access profile email",
    profile: args.profile!,
    noBuild: args["no-build"]!,
    out: args.out,
    writeMarkdown: !args["no-markdown"],
    // The probes time `next start` of the one-instance ours; a run without it has none.
    startupProbes: smoke || soakMode || !providers.includes("ours") ? 0 : 2,
    soak,
    oursEnv: Object.fromEntries(
      (args["ours-env"] ?? []).map((pair) => {
        const at = pair.indexOf("=");
        if (at < 1) throw new Error(`bad --ours-env entry ${pair}: expected NAME=value`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    ),
    hydraDb,
    instances,
    providers,
    restricted: providers.length < allProviders.length,
  };
}
