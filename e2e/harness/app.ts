import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Hydra } from "./hydra";
import { baseEnv, logDir, repoRoot, spawnLogged, stopProcess, waitUntil, type Env } from "./process";

const READY_TIMEOUT_MS = 60_000;
// next.config.mjs reads NEXT_DIST_DIR, so a separate build (e.g. .next-e2e) can be tested
// while another one is in use.
const nextDistDir = process.env.NEXT_DIST_DIR || ".next";

export interface StartAppOptions {
  port: number;
  hydra: Pick<Hydra, "adminUrl" | "publicUrl">;
  /** SQLite file of the app's user store. */
  databasePath: string;
  /** Defaults to 48 random characters. */
  sessionSecret?: string;
  /** Extra or overriding environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  logFile?: string;
  /**
   * "next-start" (default): `next start` in the repository. "standalone": the self-contained
   * server the build leaves in <dist>/standalone (`node server.js`), which the image runs.
   */
  server?: "next-start" | "standalone";
}

export interface App {
  /** http://localhost:<port> */
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/** An app this harness started: its `next start` process, for tests that signal it themselves. */
export interface AppProcess extends App {
  pid: number;
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
}

/** 48 random URL-safe characters. */
export function randomSecret(): string {
  return randomBytes(36).toString("base64url");
}

/** The environment the provider app is configured with (see the README's configuration table). */
export function appEnvironment(options: StartAppOptions): Env {
  const env: Env = {
    // Built from scratch so that settings exported in the shell running the tests do not leak in.
    ...baseEnv(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The memory settings `npm start` applies (package.json, README "Running in production").
    MALLOC_ARENA_MAX: "2",
    MALLOC_MMAP_THRESHOLD_: "131072",
    NODE_OPTIONS: "--max-semi-space-size=4",
    PORT: String(options.port),
    APP_URL: `http://localhost:${options.port}`,
    HYDRA_ADMIN_URL: options.hydra.adminUrl,
    HYDRA_PUBLIC_URL: options.hydra.publicUrl,
    SESSION_SECRET: options.sessionSecret ?? randomSecret(),
    DATABASE_PATH: options.databasePath,
    // Off by default in production; the tests (and the demo) have it.
    ADMIN_CONSOLE: "on",
  };
  if (process.env.NEXT_DIST_DIR) env.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts the production build (`next start`, or its standalone server), which bootstrap has built. */
export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  if (!existsSync(join(repoRoot, nextDistDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${nextDistDir}: run \`node scripts/bootstrap.mjs\` (or \`npm test\`) first`);
  }
  const url = `http://localhost:${options.port}`;
  const logFile = options.logFile ?? join(logDir, `app-${options.port}.log`);
  const standalone = join(repoRoot, nextDistDir, "standalone");
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const proc =
    options.server === "standalone"
      ? spawnLogged(process.execPath, [join(standalone, "server.js")], {
          // server.js reads PORT and HOSTNAME; "::" answers on IPv6 and IPv4 like `next start`.
          env: { ...appEnvironment(options), HOSTNAME: "::" },
          logFile,
          cwd: standalone,
        })
      : spawnLogged(join(repoRoot, "node_modules", ".bin", "next"), ["start", "-p", String(options.port)], {
          env: appEnvironment(options),
          logFile,
        });
  try {
    await waitUntil(`the app on port ${options.port}`, proc, async () => {
      const alive = await fetch(`${url}/health/alive`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await alive.body?.cancel();
      if (alive.status === 200) return true;
      if (alive.status !== 404) return false;
      // Before the app has its health route, any answer from "/" means Next is serving.
      const home = await fetch(`${url}/`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await home.body?.cancel();
      return home.status < 500;
    }, READY_TIMEOUT_MS);
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  await accountRegistrationSettled(logFile, logStart, appEnvironment(options).ACCOUNT_PAGE !== "off");
  return {
    url,
    port: options.port,
    logFile,
    pid: proc.child.pid ?? 0,
    signal: (signal) => void proc.child.kill(signal),
    exited: proc.exited,
    stop: () => stopProcess(proc),
  };
}

/**
 * The app registers its account client at start, in the background (lib/server/account/registration.ts).
 * Tests begin once that is over, so its admin calls never land in a test's counts. A registration
 * that does not settle in time is left to the test that cares.
 */
async function accountRegistrationSettled(logFile: string, from: number, accountPage: boolean): Promise<void> {
  if (!accountPage) return;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const text = readFileSync(logFile).subarray(from).toString("utf8");
    if (text.includes("the account client is registered") || text.includes("the account client could not be registered")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
