/**
 * `npm run bench`: authorization-code flows per second through one real Hydra,
 * with the providers in turn: ours (production build), the reference provider
 * from npm, a null provider (the limit) and, with --instances N, N instances of
 * ours behind nginx. See BENCHMARKS.md.
 *
 *   npm run bench                       full run: writes bench/results/<date>.json and BENCHMARKS.md
 *   npm run bench -- --smoke            a handful of flows per provider (concurrency 1 and 2) and a small
 *                                       soak of ours; writes nothing into the repository; exit code 1 on
 *                                       any failed flow
 *   npm run bench -- --soak             ours only: three identical runs of first sign-in on one process,
 *                                       RSS after each; writes bench/results/<date>-soak.json, leaves
 *                                       BENCHMARKS.md alone
 *   options: --flows 1:30,8:60,32:96    flows per cell, by concurrency
 *            --rounds 3                 A B C rounds (medians are taken over them)
 *            --hydra-db sqlite          Hydra's database: sqlite (a file, its public port called one request
 *                                       at a time) or postgres (its own database on a throwaway cluster,
 *                                       nothing queued; ours keeps its accounts and sign-in throttle in
 *                                       PostgreSQL too)
 *            --instances 1              N > 1 adds the provider ours-instances: N `next start` of ours
 *                                       behind nginx (round robin), sharing the session secret and the
 *                                       database; needs --hydra-db postgres
 *            --providers a,b            measure only these (ours, reference, null, ours-instances): a load
 *                                       run, named <date>-load….json, which leaves BENCHMARKS.md alone
 *            --paths first,remembered   the paths measured
 *            --soak-flows 300           flows per soak run (at concurrency 8; smoke: 4 at 2)
 *            --profile                  run ours under --cpu-prof; summary in the JSON and on stdout
 *            --no-build                 use the existing build as it is
 *            --out DIR                  where the JSON goes (smoke: a temp dir)
 *            --no-markdown              do not rewrite BENCHMARKS.md
 *            --ours-env NAME=value      run ours with this setting too (repeatable), e.g. CONSENT_HISTORY=0
 *   The JSON's name ends in -<N>x with --instances N and in -postgres on PostgreSQL.
 *
 * Modules: options.ts (this command line), build.ts, stack.ts (Hydra, the user), providers.ts,
 * pages.ts (first-load JS, page weight), machine.ts (machine, hash cost), warm-up.ts, cells.ts
 * (rounds, medians), hydra-connections.ts (Hydra's PostgreSQL pool during a cell), soak.ts,
 * flows.ts (the load generator), output.ts, report*.ts, targets.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePorts } from "../e2e/harness/ports";
import { ensureBuild } from "./build";
import { aggregate, runRounds } from "./cells";
import { agent } from "./flows";
import { hydraConnectionMonitor, type HydraConnectionMonitor } from "./hydra-connections";
import { describeMachine, measureHashCost } from "./machine";
import { parseBenchOptions } from "./options";
import { writeResult } from "./output";
import { measurePages } from "./pages";
import { summarizeProfiles } from "./profile";
import { startProviders, type Stopper } from "./providers";
import { runSoak } from "./soak";
import { HYDRA_POOL, startBenchStack, type BenchStack } from "./stack";
import { median, round } from "./stats";
import type { BenchResult } from "./types";
import { warmUp } from "./warm-up";

const options = parseBenchOptions();
// scripts/bootstrap.mjs (imported in ensureBuild) and `next start` read the build folder from here.
process.env.NEXT_DIST_DIR = options.distDir;

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<number> {
  const startedAt = new Date();
  const buildMs = await ensureBuild(options);
  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), "hydra-provider-bench-"));
  const instancesRun = options.providers.includes("ours-instances");
  const [slotPort, callbackPort, oursPort, referencePort, nullPort, proxyPort, ...instancePorts] = await freePorts(
    6 + (instancesRun ? options.instances : 0),
  );
  const profileDir = options.profile ? join(dataDir, "profiles") : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const stoppers: Stopper[] = [];
  let stack: BenchStack | undefined;
  let connections: HydraConnectionMonitor | undefined;

  try {
    log(`Hydra on ${options.hydraDb} (${options.mode} run, build ${options.distDir})`);
    stack = await startBenchStack({ dataDir, slotPort: slotPort!, callbackPort: callbackPort!, hydraDb: options.hydraDb, log });
    const { providers, oursStartupSamples } = await startProviders({
      stack,
      ids: options.providers,
      ports: { ours: oursPort!, reference: referencePort!, null: nullPort!, "ours-instances": proxyPort! },
      instancePorts,
      startupProbes: options.startupProbes,
      profileDir,
      oursEnv: options.oursEnv,
      stoppers,
    });
    log(`providers up: ${providers.map((p) => `${p.id} ${Math.round(p.startupMs)} ms`).join(", ")}`);

    // The soak and the page figures are ours' (one instance); a load run of ours × N alone takes
    // the pages from there: the same build, through nginx.
    const ours = providers.find((p) => p.id === "ours") ?? providers.find((p) => p.id === "ours-instances")!;
    const pages = await measurePages(stack, ours, options.scope);
    log(`first-load JS (gzip): login ${pages.firstLoadJs.login.gzipBytes} B, consent ${pages.firstLoadJs.consent.gzipBytes} B`);
    for (const [page, w] of Object.entries(pages.pageWeight)) {
      log(
        `${page} page: document ${w.documentGzipBytes} B gzip, scripts ${w.scriptElements.src} src + ${w.scriptElements.inline} inline ` +
          `(${w.inlineScriptBytes} B inline)`,
      );
    }
    const hash = await measureHashCost();
    log(`argon2id ${JSON.stringify(hash.parameters)}: verify ${hash.verifyMsMedian} ms`);

    const warmErrors = await warmUp({
      stack,
      providers,
      // The soak measures first sign-in only: no remembered browsers to prepare.
      paths: options.mode === "soak" ? ["first"] : options.paths,
      browsers: options.maxConcurrency,
      scope: options.scope,
      smoke: options.smoke,
    });
    if (warmErrors.length > 0) log(`warm-up errors:\n  ${warmErrors.slice(0, 5).join("\n  ")}`);

    if (stack.hydraDatabaseUrl) connections = await hydraConnectionMonitor(stack.hydraDatabaseUrl, HYDRA_POOL.maxConns);
    const samples = await runRounds({
      stack,
      providers,
      paths: options.paths,
      flowsByConcurrency: options.flowsByConcurrency,
      rounds: options.rounds,
      scope: options.scope,
      hydraConnections: connections,
      log,
    });
    const soak = options.soak ? await runSoak({ stack, ours, scope: options.scope, soak: options.soak, log }) : undefined;

    // Stop ours gracefully so that --cpu-prof writes its profiles.
    for (const stop of stoppers) await stop(10_000);
    stoppers.length = 0;
    const profile = profileDir
      ? summarizeProfiles(readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(profileDir, f)))
      : undefined;

    const result: BenchResult = {
      date: startedAt.toISOString(),
      mode: options.mode,
      machine,
      settings: {
        rounds: options.rounds,
        flowsPerCell: Object.fromEntries(options.flowsByConcurrency),
        scope: options.scope,
        client: "confidential, client_secret_basic, PKCE S256",
        hydraDatabase: describeHydraDatabase(stack),
        hydraDb: options.hydraDb,
        hydraPool: stack.hydraDb === "postgres" ? { ...HYDRA_POOL } : undefined,
        hydraPublicSerial: stack.hydraPublicSerial,
        instances: instancesRun ? options.instances : 1,
        providers: options.providers,
        routing:
          "one slot origin for Hydra's login/consent URLs, mapped by the load generator to the active provider (no proxy)" +
          (instancesRun ? `; ours × ${options.instances}: nginx (round robin, one worker) on its port in front of the instances, TRUST_PROXY_HOPS=1` : ""),
        build: { distDir: options.distDir, buildMs },
        soak: options.soak,
        oursEnv: options.oursEnv,
      },
      providers: Object.fromEntries(
        providers.map((p) => [
          p.id,
          {
            label: p.label,
            startupMs: round(p.startupMs, 0),
            ...(p.instanceStartupMs ? { instanceStartupMs: p.instanceStartupMs.map((v) => round(v, 0)) } : {}),
          },
        ]),
      ),
      oursStartupMs: { samples: oursStartupSamples.map((v) => round(v, 0)), median: round(median(oursStartupSamples), 0) },
      pagesMeasuredOn: ours.id,
      firstLoadJs: pages.firstLoadJs,
      pageWeight: pages.pageWeight,
      passwordHash: hash,
      cells: aggregate(samples, { paths: options.paths, concurrencies: options.concurrencies, providers: options.providers }),
      samples,
      soak,
      warmErrors,
      profile,
      errors: samples.reduce((sum, s) => sum + s.errors, 0) + (soak?.runs.reduce((sum, r) => sum + r.errors, 0) ?? 0),
    };
    writeResult(result, options, dataDir, log);
    log(`errors: ${result.errors}`);
    return result.errors === 0 && warmErrors.length === 0 ? 0 : 1;
  } finally {
    for (const stop of stoppers) await stop();
    await connections?.close().catch(() => undefined);
    await stack?.hydra.stop();
    await agent.close().catch(() => undefined);
    if (!process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
}

function describeHydraDatabase(stack: BenchStack): string {
  if (stack.hydraDb === "sqlite") return "SQLite file (WAL); requests to Hydra's public port queued one at a time (SQLite takes no concurrent writes)";
  return (
    `PostgreSQL ${stack.postgresVersion ?? ""} (its own database on a throwaway local cluster, fsync off; pool max_conns=${HYDRA_POOL.maxConns}, ` +
    `max_idle_conns=${HYDRA_POOL.maxIdleConns}); requests to Hydra's public port sent concurrently; ours' accounts and sign-in throttle in ` +
    "a second database of the cluster (DATABASE_URL, RATE_LIMIT_STORE=database)"
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
