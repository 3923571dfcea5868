// `npm test`: prepares everything (dependencies, Hydra, Chromium, the app build),
// then runs the unit tests (Vitest), the end-to-end tests (Playwright), the
// deployment checks (scripts/check-deploy.mjs) and, under Node 22 and 24, the unit
// tests and a smoke end-to-end test (scripts/other-nodes.mjs).
//
//   npm test                         every suite
//   npm test -- --unit               unit tests only
//   npm test -- --e2e [args…]        e2e tests only; other args go to `playwright test`
//                                    (e.g. npm test -- --e2e e2e/login.spec.ts --grep remember)
//
// Every suite always runs, so one report shows every failure; the exit code is non-zero
// when any test failed or a runner could not run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureAppBuild, ensureChromium, ensureHydra, ensureNodeModules, root } from "./bootstrap.mjs";
import { runOnOtherNodes } from "./other-nodes.mjs";
import { ensurePostgres } from "./postgres.mjs";

const args = process.argv.slice(2);
const unitOnly = args.includes("--unit");
const e2eOnly = args.includes("--e2e");
const playwrightArgs = args.filter((arg) => arg !== "--unit" && arg !== "--e2e");
const inCi = process.env.CI === "true" || process.env.CI === "1";

try {
  ensureNodeModules();
  // The unit tests run the account store on PostgreSQL too; so do the PostgreSQL e2e tests.
  ensurePostgres();
  if (!unitOnly) {
    ensureHydra();
    ensureChromium();
    // In CI nothing is trusted from a cache: always test a fresh build.
    ensureAppBuild({ force: inCi });
  }
} catch (error) {
  console.error(`\n[test] setup failed: ${error.message}`);
  process.exit(1);
}

/**
 * Production dependencies must have no high or critical advisory. A registry that
 * cannot answer audits is reported, not counted as a pass or a failure.
 */
function auditProductionDependencies() {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: root, encoding: "utf8" });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    console.log(`[test] npm audit: the registry gave no audit report (${report?.error?.summary || report?.message || `exit code ${result.status}`}); skipped`);
    return true;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`[test] npm audit (production dependencies): ${counts.high ?? 0} high, ${counts.critical ?? 0} critical`);
  return serious === 0;
}

const auditClean = e2eOnly || unitOnly ? true : auditProductionDependencies();

const reports = mkdtempSync(join(tmpdir(), "hydra-provider-test-"));
const bin = (name) => join(root, "node_modules", ".bin", name);

function runSuite(command, commandArgs, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return { code: result.status ?? 1, error: result.error, seconds: (Date.now() - started) / 1000 };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const suites = [];

if (!e2eOnly) {
  const report = join(reports, "vitest.json");
  const run = runSuite(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson(report);
  suites.push({
    name: "unit (vitest)",
    ...run,
    passed: json?.numPassedTests,
    failed: json?.numFailedTests,
    skipped: json ? json.numPendingTests + json.numTodoTests : undefined,
  });
}

if (!unitOnly) {
  // Process logs of Hydra and the app from the previous run would only confuse.
  rmSync(join(root, "test-results", "logs"), { recursive: true, force: true });
  const report = join(reports, "playwright.json");
  const run = runSuite(bin("playwright"), ["test", "--reporter=list,json", ...playwrightArgs], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  });
  const stats = readJson(report)?.stats;
  suites.push({
    name: "e2e (playwright)",
    ...run,
    // A test that passed on retry counts as passed; it is reported as flaky below.
    passed: stats ? stats.expected + stats.flaky : undefined,
    failed: stats?.unexpected,
    skipped: stats?.skipped,
    flaky: stats?.flaky,
  });
}

/**
 * Checks run by a script of ours that ends with a line "<name>: N passed, M failed[, K skipped]":
 * the deployment files (image, Compose, Helm chart).
 */
function runScriptSuite(name, script) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, "scripts", script)], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  process.stdout.write(result.stdout ?? "");
  const counts = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(result.stdout ?? "");
  suites.push({
    name,
    code: result.status ?? 1,
    error: result.error,
    seconds: (Date.now() - started) / 1000,
    passed: counts ? Number(counts[1]) : undefined,
    failed: counts ? Number(counts[2]) : undefined,
    skipped: counts?.[3] ? Number(counts[3]) : 0,
  });
}

if (!unitOnly && !e2eOnly) runScriptSuite("deployment (check-deploy)", "check-deploy.mjs");

if (!unitOnly && !e2eOnly) {
  for (const other of await runOnOtherNodes()) {
    suites.push({
      name: `node ${other.version} (unit + smoke e2e)`,
      code: other.ok ? 0 : 1,
      error: other.error ? new Error(other.error) : undefined,
      seconds: other.seconds,
      passed: other.unit.passed + other.e2e.passed,
      failed: other.unit.failed + other.e2e.failed,
    });
  }
}

rmSync(reports, { recursive: true, force: true });

let passed = 0;
let failed = 0;
let broken = false;
console.log("");
for (const suite of suites) {
  if (suite.passed === undefined) {
    broken = true;
    const why = suite.error ? suite.error.message : `exit code ${suite.code}`;
    console.log(`[test] ${suite.name}: no results (${why})`);
    continue;
  }
  passed += suite.passed;
  failed += suite.failed;
  if (suite.code !== 0 && suite.failed === 0) broken = true;
  const extras = [suite.skipped ? `${suite.skipped} skipped` : "", suite.flaky ? `${suite.flaky} flaky` : ""]
    .filter(Boolean)
    .join(", ");
  console.log(
    `[test] ${suite.name}: ${suite.passed} passed, ${suite.failed} failed${extras ? `, ${extras}` : ""}` +
      ` in ${suite.seconds.toFixed(1)} s${suite.code !== 0 ? ` (exit code ${suite.code})` : ""}`,
  );
}
if (!unitOnly && existsSync(join(root, "test-results", "logs"))) {
  console.log("[test] Hydra and app logs: test-results/logs/, traces of failures: test-results/playwright/");
}
console.log(`${passed} passed, ${failed} failed`);
if (!auditClean) console.log("[test] failing: production dependencies have high or critical advisories");
process.exit(failed > 0 || broken || !auditClean ? 1 : 0);
