/**
 * `npm run bench`: authorization-code flows per second through one real Hydra,
 * with three providers in turn: ours (production build), the reference
 * provider from npm and a null provider (the limit). See BENCHMARKS.md.
 *
 *   npm run bench                       full run: writes bench/results/<date>.json and BENCHMARKS.md
 *   npm run bench -- --smoke            a handful of flows per provider (concurrency 1 and 2); writes nothing
 *                                       into the repository; exit code 1 on any failed flow
 *   options: --flows 1:30,8:60,32:96    flows per cell, by concurrency
 *            --rounds 3                 A B C rounds (medians are taken over them)
 *            --profile                  run ours under --cpu-prof; summary in the JSON and on stdout
 *            --no-build                 use the existing build as it is
 *            --out DIR                  where the JSON goes (smoke: a temp dir)
 *            --no-markdown              do not rewrite BENCHMARKS.md
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { request } from "undici";
import { appEnvironment, randomSecret } from "../e2e/harness/app";
import { createClient } from "../e2e/harness/clients";
import { startHydra } from "../e2e/harness/hydra";
import { freePorts } from "../e2e/harness/ports";
import { baseEnv, logDir, repoRoot, sleep, spawnLogged, stopProcess, tail, type LoggedProcess } from "../e2e/harness/process";
import { defaultUser, seedUser } from "../e2e/harness/users";
import { CookieJar } from "./cookies";
import { agent, fillForm, runCell, runFlow, type FlowPath, type FlowResult, type FlowTarget } from "./flows";
import { rssSampler } from "./processes";
import { summarizeProfiles, type ProfileSummary } from "./profile";
import { renderMarkdown, updateBenchmarksFile } from "./report";
import { median, percentile, round } from "./stats";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    flows: { type: "string" },
    rounds: { type: "string" },
    profile: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    out: { type: "string" },
    "no-markdown": { type: "boolean", default: false },
  },
});

const smoke = args.smoke!;
// Smoke runs inside the e2e suite, which has built NEXT_DIST_DIR (or .next) already; a full run
// builds its own copy in .next-bench so it never collides with another build.
process.env.NEXT_DIST_DIR ||= smoke ? ".next" : ".next-bench";
const distDir = process.env.NEXT_DIST_DIR;

const flowsByConcurrency: Map<number, number> = new Map(
  (args.flows ?? (smoke ? "1:3,2:4" : "1:30,8:60,32:96")).split(",").map((pair) => {
    const [c, n] = pair.split(":").map(Number);
    if (!Number.isInteger(c) || !Number.isInteger(n) || c! < 1 || n! < 1) throw new Error(`bad --flows entry ${pair}`);
    return [c!, n!] as [number, number];
  }),
);
const rounds = Number(args.rounds ?? (smoke ? 1 : 3));
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error("--rounds must be 1..20");
const concurrencies = [...flowsByConcurrency.keys()];
const maxConcurrency = Math.max(...concurrencies);
const paths: FlowPath[] = ["first", "remembered"];
const scope = "openid offline_access profile email";

const log = (message: string) => console.log(`[bench] ${message}`);

// scripts/bootstrap.mjs reads NEXT_DIST_DIR when it loads: it is imported (in ensureBuild) after that is set.

// ---------------------------------------------------------------------------------------------
// Build

async function ensureBuild(): Promise<number | undefined> {
  const bootstrap = await import("../scripts/bootstrap.mjs");
  bootstrap.ensureHydra();
  const buildId = join(repoRoot, distDir, "BUILD_ID");
  if (args["no-build"] || (smoke && existsSync(buildId))) {
    if (!existsSync(buildId)) throw new Error(`no build in ${distDir} and --no-build given`);
    return undefined;
  }
  // next build adds its dist dir's type folders to tsconfig.json; undo that side effect.
  const tsconfig = join(repoRoot, "tsconfig.json");
  const before = existsSync(tsconfig) ? readFileSync(tsconfig) : undefined;
  const started = Date.now();
  try {
    bootstrap.ensureAppBuild();
  } finally {
    if (before && !readFileSync(tsconfig).equals(before)) writeFileSync(tsconfig, before);
  }
  return Date.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Providers

type ProviderId = "ours" | "reference" | "null";
const providerIds: ProviderId[] = ["ours", "reference", "null"];

interface Provider {
  id: ProviderId;
  label: string;
  port: number;
  proc: LoggedProcess;
  /** ms from spawn to the first 200. */
  startupMs: number;
  subject: string;
  clients: Record<FlowPath, FlowTarget["client"]>;
  jars: CookieJar[];
}

async function waitFor200(url: string, proc: LoggedProcess, started: number, timeoutMs = 90_000): Promise<number> {
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (proc.hasExited()) throw new Error(`${url}: process exited (${await proc.exited}). Log ${proc.logFile}:\n${tail(proc.logFile)}`);
    try {
      const response = await request(url, { dispatcher: agent, signal: AbortSignal.timeout(2_000) });
      await response.body.dump();
      if (response.statusCode === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms. Log ${proc.logFile}:\n${tail(proc.logFile)}`);
}

interface Stack {
  hydra: Awaited<ReturnType<typeof startHydra>>;
  slotOrigin: string;
  callbackOrigin: string;
  databasePath: string;
  sessionSecret: string;
  dataDir: string;
}

async function startOurs(stack: Stack, port: number, profileDir?: string): Promise<{ proc: LoggedProcess; startupMs: number }> {
  const env = appEnvironment({
    port,
    hydra: stack.hydra,
    databasePath: stack.databasePath,
    sessionSecret: stack.sessionSecret,
  });
  // The app is deployed at the slot origin (see flows.ts): its URLs and Origin checks use it.
  env.APP_URL = stack.slotOrigin;
  const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
  // --cpu-prof is refused in NODE_OPTIONS: run Next's CLI under node with the flag (same process).
  const command = profileDir ? process.execPath : join(repoRoot, "node_modules", ".bin", "next");
  const commandArgs = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, nextBin, "start", "-p", String(port)]
    : ["start", "-p", String(port)];
  const started = performance.now();
  const proc = spawnLogged(command, commandArgs, {
    env,
    logFile: join(logDir, `bench-ours-${port}.log`),
  });
  const startupMs = await waitFor200(`http://127.0.0.1:${port}/health/alive`, proc, started);
  return { proc, startupMs };
}

async function startReference(stack: Stack, port: number) {
  const started = performance.now();
  const proc = spawnLogged(process.execPath, [join(repoRoot, "node_modules", "hydra-login-consent-logout", "lib", "app.js")], {
    env: { ...baseEnv(), NODE_ENV: "production", PORT: String(port), HYDRA_ADMIN_URL: stack.hydra.adminUrl },
    logFile: join(logDir, `bench-reference-${port}.log`),
  });
  const startupMs = await waitFor200(`http://127.0.0.1:${port}/`, proc, started);
  return { proc, startupMs };
}

async function startNull(stack: Stack, port: number) {
  const started = performance.now();
  const proc = spawnLogged(process.execPath, [join(repoRoot, "bench", "null-provider.mjs")], {
    env: { ...baseEnv(), PORT: String(port), HYDRA_ADMIN_URL: stack.hydra.adminUrl },
    logFile: join(logDir, `bench-null-${port}.log`),
  });
  const startupMs = await waitFor200(`http://127.0.0.1:${port}/health`, proc, started);
  return { proc, startupMs };
}

function target(stack: Stack, provider: Provider, path: FlowPath, rememberLogin = true): FlowTarget {
  return {
    hydraPublicUrl: stack.hydra.publicUrl,
    slotOrigin: stack.slotOrigin,
    providerPort: provider.port,
    client: provider.clients[path],
    scope,
    user: { email: defaultUser.email, password: defaultUser.password },
    rememberLogin,
    // First sign-in leaves "do not ask again" unticked so every flow shows consent; the remembered
    // path's warm-up ticks it so later flows skip both screens.
    rememberConsent: path === "remembered",
    hasForms: provider.id !== "null",
  };
}

// ---------------------------------------------------------------------------------------------
// One-off measurements

/** Gzip bytes of the JavaScript a first visit of a page loads, as `next start` serves it. */
async function firstLoadJs(appPort: number, html: string) {
  const sources = [
    ...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, "&"))),
  ].filter((src) => src.startsWith("/"));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of sources) {
    const response = await request(`http://127.0.0.1:${appPort}${src}`, {
      headers: { "accept-encoding": "gzip" },
      dispatcher: agent,
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    const encoded = response.headers["content-encoding"] === "gzip";
    gzipBytes += encoded ? body.length : gzipSync(body).length;
    rawBytes += encoded ? gunzipSync(body).length : body.length;
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!).join("");
  return {
    scripts: sources.length,
    gzipBytes,
    rawBytes,
    inlineScriptGzipBytes: gzipSync(inline).length,
    htmlGzipBytes: gzipSync(html).length,
  };
}

/** Walks one first sign-in flow on ours, keeping the login and consent pages' HTML. */
async function capturePages(stack: Stack, ours: Provider): Promise<{ login: string; consent: string }> {
  const t = target(stack, ours, "first");
  const jar = new CookieJar();
  const pages: string[] = [];
  const hydraPort = stack.hydra.publicPort;
  const slotHost = new URL(stack.slotOrigin).host;
  const authorize = new URL("/oauth2/auth", stack.hydra.publicUrl);
  authorize.search = new URLSearchParams({
    client_id: t.client.client_id,
    response_type: "code",
    scope,
    redirect_uri: t.client.redirect_uri,
    state: "capture-state-0001",
    nonce: "capture-nonce-0001",
  }).toString();
  let url = authorize;
  for (let hop = 0; hop < 24 && pages.length < 2; hop++) {
    const port = url.host === slotHost ? ours.port : hydraPort;
    const response = await request(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {
      headers: { host: url.host, cookie: jar.header(url.pathname) ?? "" },
      dispatcher: agent,
    });
    jar.store(response.headers["set-cookie"], url.pathname);
    const body = await response.body.text();
    const location = response.headers.location as string | undefined;
    if (location) {
      url = new URL(location, url);
      continue;
    }
    if (response.statusCode !== 200) throw new Error(`capture: ${url.pathname} answered ${response.statusCode}`);
    pages.push(body);
    const form = fillForm(body, { email: t.user.email, password: t.user.password, remember: false });
    if (!form) throw new Error(`capture: no form on ${url.pathname}`);
    const action = new URL(form.action, url);
    const posted = await request(`http://127.0.0.1:${ours.port}${action.pathname}${action.search}`, {
      method: "POST",
      headers: {
        host: action.host,
        cookie: jar.header(action.pathname) ?? "",
        origin: stack.slotOrigin,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.fields.toString(),
      dispatcher: agent,
    });
    jar.store(posted.headers["set-cookie"], action.pathname);
    await posted.body.dump();
    if (!posted.headers.location) throw new Error(`capture: POST ${action.pathname} answered ${posted.statusCode}`);
    url = new URL(posted.headers.location as string, action);
  }
  if (pages.length < 2) throw new Error("capture: did not reach both the login and the consent page");
  return { login: pages[0]!, consent: pages[1]! };
}

/** Time of one argon2id verification at the app's production parameters (what first sign-in pays per flow). */
async function hashCost(): Promise<{ parameters: Record<string, number>; verifyMsMedian: number }> {
  const { hashParameters } = await import("../lib/identity/passwords");
  const argon2 = await import("@node-rs/argon2");
  const hash = await argon2.hash("benchmark password", hashParameters);
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await argon2.verify(hash, "benchmark password");
    times.push(performance.now() - t0);
  }
  return { parameters: { ...hashParameters }, verifyMsMedian: round(median(times), 2) };
}

function machine() {
  const cpuList = cpus();
  let hydraVersion = "";
  try {
    hydraVersion = /Version:\s+(\S+)/.exec(execFileSync(join(repoRoot, ".bin", "hydra"), ["version"]).toString())?.[1] ?? "";
  } catch {
    hydraVersion = "unknown";
  }
  let nextVersion = "";
  let referenceVersion = "";
  try {
    nextVersion = JSON.parse(readFileSync(join(repoRoot, "node_modules", "next", "package.json"), "utf8")).version;
    referenceVersion = JSON.parse(
      readFileSync(join(repoRoot, "node_modules", "hydra-login-consent-logout", "package.json"), "utf8"),
    ).version;
  } catch {
    // Reported as empty.
  }
  return {
    cpu: cpuList[0]?.model ?? "unknown",
    cores: cpuList.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    hydra: hydraVersion,
    next: nextVersion,
    reference: `hydra-login-consent-logout@${referenceVersion}`,
    loadAverageAtStart: loadavg().map((v) => round(v, 2)),
  };
}

// ---------------------------------------------------------------------------------------------
// The run

interface CellSample {
  round: number;
  provider: ProviderId;
  path: FlowPath;
  concurrency: number;
  flows: number;
  errors: number;
  firstErrors: string[];
  flowsPerSecond: number;
  hop: { p50: number; p95: number; p99: number; count: number };
  providerTimePerFlow: { p50: number; p95: number; p99: number };
  flowTotal: { p50: number; p95: number; p99: number };
  peakRssMB: number;
  posted: Record<string, number>;
}

function summarize(round_: number, provider: Provider, path: FlowPath, concurrency: number, flows: FlowResult[], wallMs: number, peakRss: number): CellSample {
  const ok = flows.filter((f) => f.ok);
  const hops = ok.flatMap((f) => f.providerHops);
  const perFlow = ok.map((f) => f.providerHops.reduce((a, b) => a + b, 0));
  const totals = ok.map((f) => f.totalMs);
  const posted: Record<string, number> = {};
  for (const f of ok) for (const kind of f.posted) posted[kind] = (posted[kind] ?? 0) + 1;
  const errors = flows.filter((f) => !f.ok);
  return {
    round: round_,
    provider: provider.id,
    path,
    concurrency,
    flows: flows.length,
    errors: errors.length,
    firstErrors: [...new Set(errors.map((f) => f.error ?? "?"))].slice(0, 3),
    flowsPerSecond: round((ok.length / wallMs) * 1000, 2),
    hop: { p50: round(percentile(hops, 50), 2), p95: round(percentile(hops, 95), 2), p99: round(percentile(hops, 99), 2), count: hops.length },
    providerTimePerFlow: { p50: round(percentile(perFlow, 50), 2), p95: round(percentile(perFlow, 95), 2), p99: round(percentile(perFlow, 99), 2) },
    flowTotal: { p50: round(percentile(totals, 50), 2), p95: round(percentile(totals, 95), 2), p99: round(percentile(totals, 99), 2) },
    peakRssMB: round(peakRss / 2 ** 20, 1),
    posted,
  };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const buildMs = await ensureBuild();
  const dataDir = mkdtempSync(join(tmpdir(), "hydra-provider-bench-"));
  const [slotPort, callbackPort, oursPort, referencePort, nullPort] = await freePorts(5);
  const slotOrigin = `http://localhost:${slotPort}`;
  const callbackOrigin = `http://localhost:${callbackPort}`;
  const profileDir = args.profile ? join(dataDir, "profiles") : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const running: LoggedProcess[] = [];
  let hydra: Stack["hydra"] | undefined;

  try {
    log(`Hydra (${smoke ? "smoke" : "full"} run, build ${distDir})`);
    // SQLite in a file (WAL), not the tests' memory DSN: Hydra generates its RSA signing keys on
    // the first JWKS request, which on a busy machine can outlast the wait in startHydra; in a file
    // the keys survive, so the second start below is quick. See hydraQueue in flows.ts for why
    // Hydra's public calls are queued.
    const hydraDb = join(dataDir, "hydra.sqlite");
    const hydraOptions = {
      appUrl: slotOrigin,
      dsn: hydraDb,
      env: {
        DSN: `sqlite://${hydraDb}?_fk=true&mode=rwc&_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=10000`,
        // One log line per request would be written for every hop of every flow; the same for all providers.
        LOG_LEVEL: "warn",
      },
      logFile: join(logDir, `bench-hydra-${slotPort}.log`),
    };
    hydra = await startHydra(hydraOptions).catch(async (error: unknown) => {
      log(`Hydra did not start (${error instanceof Error ? error.message.split("\n")[0] : error}); once more`);
      return startHydra(hydraOptions);
    });
    const stack: Stack = {
      hydra,
      slotOrigin,
      callbackOrigin,
      databasePath: join(dataDir, "accounts.sqlite"),
      sessionSecret: randomSecret(),
      dataDir,
    };
    await seedUser({ databasePath: stack.databasePath, email: defaultUser.email, password: defaultUser.password, name: defaultUser.name });

    // Time from `next start` to the first 200: measured on fresh starts before the one that serves the load.
    const startupSamples: number[] = [];
    for (let i = 0; i < (smoke ? 0 : 2); i++) {
      const probe = await startOurs(stack, oursPort!);
      startupSamples.push(probe.startupMs);
      await stopProcess(probe.proc);
    }
    const oursStart = await startOurs(stack, oursPort!, profileDir);
    startupSamples.push(oursStart.startupMs);
    running.push(oursStart.proc);
    const referenceStart = await startReference(stack, referencePort!);
    running.push(referenceStart.proc);
    const nullStart = await startNull(stack, nullPort!);
    running.push(nullStart.proc);

    const providers: Provider[] = [];
    const starts = { ours: oursStart, reference: referenceStart, null: nullStart };
    const ports = { ours: oursPort!, reference: referencePort!, null: nullPort! };
    const labels = {
      ours: "ours (next start)",
      reference: "reference (hydra-login-consent-logout)",
      null: "null (accept at once)",
    };
    for (const id of providerIds) {
      const clients = {} as Provider["clients"];
      for (const path of paths) {
        const client = await createClient(hydra.adminUrl, {
          client_id: `bench-${id}-${path}`,
          client_secret: randomSecret(),
          client_name: `Benchmark ${id} ${path}`,
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
          scope: "openid offline_access offline profile email",
          redirect_uris: [`${callbackOrigin}/callback`],
          token_endpoint_auth_method: "client_secret_basic",
          metadata: { bench_path: path },
        });
        clients[path] = { client_id: client.client_id, client_secret: client.client_secret!, redirect_uri: `${callbackOrigin}/callback` };
      }
      providers.push({
        id,
        label: labels[id],
        port: ports[id],
        proc: starts[id].proc,
        startupMs: starts[id].startupMs,
        subject: id,
        clients,
        jars: [],
      });
    }
    log(`providers up: ${providers.map((p) => `${p.id} ${Math.round(p.startupMs)} ms`).join(", ")}`);

    const ours = providers.find((p) => p.id === "ours")!;
    const pages = await capturePages(stack, ours);
    const js = { login: await firstLoadJs(ours.port, pages.login), consent: await firstLoadJs(ours.port, pages.consent) };
    log(`first-load JS (gzip): login ${js.login.gzipBytes} B, consent ${js.consent.gzipBytes} B`);
    const hash = await hashCost();
    log(`argon2id ${JSON.stringify(hash.parameters)}: verify ${hash.verifyMsMedian} ms`);

    // Warm-up (not measured): JIT, connection pools, Next's lazily loaded routes. Then one warm
    // browser per virtual user for the remembered path: signed in and consent remembered.
    const warmErrors: string[] = [];
    const warm = new WeakSet<CookieJar>();
    for (const provider of providers) {
      for (const path of paths) {
        const run = await runCell(target(stack, provider, path), smoke ? 2 : 16, smoke ? 1 : 4, () => new CookieJar(), path === "first" ? "first" : undefined);
        for (const f of run.flows) if (!f.ok) warmErrors.push(`${provider.id} warm-up ${path}: ${f.error}`);
      }
      provider.jars = Array.from({ length: maxConcurrency }, () => new CookieJar());
      // Each warm browser signs in once (a second try if that failed), then proves it is remembered.
      const t = target(stack, provider, "remembered");
      for (let attempt = 0; attempt < 2; attempt++) {
        const cold = provider.jars.filter((jar) => !warm.has(jar));
        if (cold.length === 0) break;
        await Promise.all(
          cold.map(async (jar) => {
            const signIn = await runFlow(t, jar);
            if (!signIn.ok) return;
            if ((await runFlow(t, jar, "remembered")).ok) warm.add(jar);
          }),
        );
      }
      const notWarm = provider.jars.filter((jar) => !warm.has(jar)).length;
      if (notWarm > 0) warmErrors.push(`${provider.id}: ${notWarm} of ${provider.jars.length} browsers could not be made remembered`);
    }
    if (warmErrors.length > 0) log(`warm-up errors:\n  ${warmErrors.slice(0, 5).join("\n  ")}`);

    const samples: CellSample[] = [];
    for (let r = 0; r < rounds; r++) {
      // A B C, B C A, C A B …: machine noise and position in the round hit every provider alike.
      const order = providerIds.map((_, i) => providers[(i + r) % providers.length]!);
      for (const path of paths) {
        for (const concurrency of concurrencies) {
          const flows = flowsByConcurrency.get(concurrency)!;
          for (const provider of order) {
            const sampler = rssSampler(provider.proc.child.pid!);
            const jarFor = path === "first" ? () => new CookieJar() : (i: number) => provider.jars[i]!;
            const run = await runCell(target(stack, provider, path), flows, concurrency, jarFor, path);
            const sample = summarize(r + 1, provider, path, concurrency, run.flows, run.wallMs, sampler.stop());
            samples.push(sample);
            log(
              `round ${r + 1} ${path.padEnd(10)} c=${String(concurrency).padEnd(2)} ${provider.id.padEnd(9)} ` +
                `${sample.flowsPerSecond.toFixed(1).padStart(6)} flows/s  hop p50 ${sample.hop.p50} p99 ${sample.hop.p99} ms  ` +
                `rss ${sample.peakRssMB} MB  errors ${sample.errors}${sample.errors ? ` (${sample.firstErrors[0]})` : ""}`,
            );
          }
        }
      }
    }

    // Stop ours gracefully so that --cpu-prof writes its profiles.
    for (const proc of running) await stopProcess(proc, 10_000);
    running.length = 0;
    let profile: ProfileSummary | undefined;
    if (profileDir) {
      profile = summarizeProfiles(readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(profileDir, f)));
    }

    const cells = aggregate(samples);
    const result = {
      date: startedAt.toISOString(),
      mode: smoke ? "smoke" : "full",
      machine: machine(),
      settings: {
        rounds,
        flowsPerCell: Object.fromEntries(flowsByConcurrency),
        scope,
        client: "confidential, client_secret_basic, PKCE S256",
        hydraDatabase: "SQLite file (WAL); requests to Hydra's public port queued one at a time (SQLite takes no concurrent writes)",
        routing: "one slot origin for Hydra's login/consent URLs, mapped by the load generator to the active provider (no proxy)",
        build: { distDir, buildMs },
      },
      providers: Object.fromEntries(providers.map((p) => [p.id, { label: p.label, startupMs: round(p.startupMs, 0) }])),
      oursStartupMs: { samples: startupSamples.map((v) => round(v, 0)), median: round(median(startupSamples), 0) },
      firstLoadJs: js,
      passwordHash: { algorithm: "argon2id", ...hash },
      cells,
      samples,
      warmErrors,
      profile,
      errors: samples.reduce((sum, s) => sum + s.errors, 0),
    };

    const outDir = args.out ?? (smoke ? join(dataDir, "results") : join(repoRoot, "bench", "results"));
    mkdirSync(outDir, { recursive: true });
    const outFile = join(outDir, `${startedAt.toISOString().slice(0, 19).replace(/:/g, "-")}Z.json`);
    writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    const markdown = renderMarkdown(result);
    console.log(`\n${markdown}`);
    if (!smoke && !args["no-markdown"]) {
      updateBenchmarksFile(join(repoRoot, "BENCHMARKS.md"), markdown);
      log("BENCHMARKS.md updated");
    }
    log(`results: ${outFile}`);
    log(`errors: ${result.errors}`);
    return result.errors === 0 && warmErrors.length === 0 ? 0 : 1;
  } finally {
    for (const proc of running) await stopProcess(proc);
    await hydra?.stop();
    await agent.close().catch(() => undefined);
    if (!process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
}

export type BenchResult = {
  date: string;
  mode: string;
  machine: ReturnType<typeof machine>;
  settings: Record<string, unknown>;
  providers: Record<string, { label: string; startupMs: number }>;
  oursStartupMs: { samples: number[]; median: number };
  firstLoadJs: Record<"login" | "consent", Awaited<ReturnType<typeof firstLoadJs>>>;
  passwordHash: { algorithm: string; parameters: Record<string, number>; verifyMsMedian: number };
  cells: Cell[];
  samples: CellSample[];
  warmErrors: string[];
  profile?: ProfileSummary;
  errors: number;
};

export interface Cell {
  path: FlowPath;
  concurrency: number;
  provider: ProviderId;
  flowsPerSecond: number;
  hop: { p50: number; p95: number; p99: number };
  providerTimePerFlow: { p50: number; p95: number; p99: number };
  errors: number;
  flows: number;
  peakRssMB: number;
}

/** Medians over the rounds for each (path, concurrency, provider); errors and flows are summed, RSS is the maximum. */
function aggregate(samples: CellSample[]): Cell[] {
  const cells: Cell[] = [];
  for (const path of paths) {
    for (const concurrency of concurrencies) {
      for (const provider of providerIds) {
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
        });
      }
    }
  }
  return cells;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
