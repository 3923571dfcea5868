// Brings a fresh checkout to the point where the tests and the demo can run.
// Node builtins only: this runs before `npm ci` has installed anything.
//
//   node scripts/bootstrap.mjs   runs every step below
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const hydraBinary = join(root, ".bin", "hydra");
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// next.config.mjs builds into NEXT_DIST_DIR when set, so a second build can run beside .next.
export const nextDistDir = process.env.NEXT_DIST_DIR || ".next";

const HYDRA_VERSION = "v2.3.0";

function log(message) {
  console.log(`[bootstrap] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status ?? result.signal}`);
  }
}

function mtimeMs(path) {
  return statSync(path).mtimeMs;
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureNodeModules() {
  const lock = join(root, "package-lock.json");
  // npm writes this hidden lockfile at the end of every successful install.
  const installed = join(root, "node_modules", ".package-lock.json");
  const hasLock = existsSync(lock);
  if (existsSync(installed) && !(hasLock && mtimeMs(lock) > mtimeMs(installed))) return;
  const command = hasLock ? "ci" : "install";
  log(`npm ${command}`);
  const started = Date.now();
  run("npm", [command]);
  log(`npm ${command} took ${seconds(started)}`);
}

function hydraModuleHash() {
  const hash = createHash("sha256");
  for (const file of ["go.mod", "go.sum"]) hash.update(readFileSync(join(root, "hydra", file)));
  return hash.digest("hex");
}

/** Builds .bin/hydra from the tool module in hydra/ unless a build of the same go.mod/go.sum exists. */
export function ensureHydra() {
  const stampFile = join(root, ".bin", "hydra.stamp");
  const hash = hydraModuleHash();
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (existsSync(hydraBinary) && stamp === hash) return;

  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    throw new Error("Go is needed to build Hydra (.bin/hydra) but `go` is not on PATH. Install Go >= 1.24.");
  }
  log(`building Hydra ${HYDRA_VERSION} with ${go.stdout.trim()} (several minutes on a cold cache)`);
  mkdirSync(dirname(hydraBinary), { recursive: true });
  const started = Date.now();
  run(
    "go",
    [
      "build",
      // sqlite: needed for both DSN=memory and file DSNs; it pulls in cgo's go-sqlite3.
      "-tags",
      "sqlite,sqlite_omit_load_extension",
      "-ldflags",
      `-X github.com/ory/hydra/v2/driver/config.Version=${HYDRA_VERSION}`,
      "-o",
      hydraBinary,
      "github.com/ory/hydra/v2",
    ],
    { cwd: join(root, "hydra"), env: { ...process.env, CGO_ENABLED: "1" } },
  );
  writeFileSync(stampFile, `${hash}\n`);
  log(`built .bin/hydra in ${seconds(started)}`);
}

/** Playwright drives Debian's Chromium (`npx playwright install` has no network here). */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium\`, ` +
        "or point CHROMIUM_PATH at a Chromium binary.",
    );
  }
  log("installing Chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update"], { env });
  run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env });
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium but ${chromiumPath} is still missing`);
}

// Everything `next build` reads; a change in any of them makes the build stale.
const APP_BUILD_INPUTS = [
  "pages",
  "lib",
  "components",
  "messages",
  "styles",
  "public",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "next.config.mjs",
  "next.config.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/**
 * `next build` when <NEXT_DIST_DIR or .next>/BUILD_ID is missing or older than any build input.
 * `force` (the test runner passes it when CI=true) always rebuilds.
 */
export function ensureAppBuild({ force = false } = {}) {
  const buildId = join(root, nextDistDir, "BUILD_ID");
  if (!force && existsSync(buildId)) {
    const builtAt = mtimeMs(buildId);
    const stale = APP_BUILD_INPUTS.map((input) => join(root, input))
      .filter((path) => existsSync(path))
      .some((path) => newestMtime(path) > builtAt);
    if (!stale) return;
  }
  log(force ? "next build (forced)" : "next build (sources changed since the last build)");
  const started = Date.now();
  run(join(root, "node_modules", ".bin", "next"), ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  log(`next build took ${seconds(started)}`);
}

// The deployment checks' tools (scripts/check-deploy.mjs): the Go module in deploy/tools.
const deployToolsModule = join(root, "deploy", "tools");
export const deployToolsDir = join(root, ".bin", "deploy-tools");
export const kubernetesSchemaDir = join(root, ".bin", "kubernetes-json-schema");

function goSourcesUnder(folder, prefix = "") {
  const files = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...goSourcesUnder(join(folder, entry.name), relative));
    // The generated definitions follow from go.sum; hashing them would rebuild after every generate.
    else if (entry.name.endsWith(".go") && !entry.name.startsWith("zz_generated")) files.push(relative);
  }
  return files;
}

function deployToolsHash() {
  const hash = createHash("sha256");
  for (const file of ["go.mod", "go.sum", ...goSourcesUnder(deployToolsModule)]) {
    hash.update(`${file}\0`).update(readFileSync(join(deployToolsModule, file)));
  }
  return hash.digest("hex");
}

/**
 * Builds helm, kubeconform, compose-check and dockerfile-check into .bin/deploy-tools, and kubeconform's schemas for
 * the built-in Kubernetes kinds into .bin/kubernetes-json-schema (generated from k8s.io/api, since
 * kubeconform's usual download is not possible offline), unless both exist for the same go.mod,
 * go.sum and Go sources. Returns the paths and the schemas' Kubernetes version.
 */
export function ensureGoTools() {
  const stampFile = join(root, ".bin", "deploy-tools.stamp");
  const versionFile = join(kubernetesSchemaDir, "kubernetes-version");
  const binaries = {
    helm: join(deployToolsDir, "helm"),
    kubeconform: join(deployToolsDir, "kubeconform"),
    composeCheck: join(deployToolsDir, "compose-check"),
    dockerfileCheck: join(deployToolsDir, "dockerfile-check"),
  };
  const result = () => ({ ...binaries, schemaDir: kubernetesSchemaDir, kubernetesVersion: readFileSync(versionFile, "utf8").trim() });
  const hash = deployToolsHash();
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (stamp === hash && existsSync(versionFile) && Object.values(binaries).every((path) => existsSync(path))) return result();

  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    throw new Error("Go is needed to build the deployment checks' tools but `go` is not on PATH. Install Go >= 1.26.");
  }
  log(`building helm, kubeconform and the Kubernetes schemas with ${go.stdout.trim()} (several minutes on a cold cache)`);
  const started = Date.now();
  const options = { cwd: deployToolsModule, env: { ...process.env, GOFLAGS: "-buildvcs=false" } };
  run("go", ["generate", "./k8s-schemas/openapi"], options);
  mkdirSync(deployToolsDir, { recursive: true });
  run(
    "go",
    [
      "build",
      "-trimpath",
      "-ldflags=-s -w",
      "-o",
      `${deployToolsDir}/`,
      "helm.sh/helm/v4/cmd/helm",
      "github.com/yannh/kubeconform/cmd/kubeconform",
      "./compose-check",
      "./dockerfile-check",
      "./k8s-schemas",
    ],
    options,
  );
  rmSync(kubernetesSchemaDir, { recursive: true, force: true });
  run(join(deployToolsDir, "k8s-schemas"), ["-out", kubernetesSchemaDir]);
  writeFileSync(stampFile, `${hash}\n`);
  log(`built the deployment tools in ${seconds(started)}`);
  return result();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureNodeModules();
    ensureHydra();
    ensureChromium();
    ensureAppBuild({ force: process.env.CI === "true" });
  } catch (error) {
    console.error(`[bootstrap] ${error.message}`);
    process.exit(1);
  }
}
