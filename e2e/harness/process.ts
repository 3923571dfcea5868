import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, resolve } from "node:path";

function findRepoRoot(): string {
  // __filename is set when this file runs as CommonJS (Playwright, tsx's tsImport, which
  // sets __dirname to "."); in any other loader, start from the working directory.
  let dir = typeof __filename === "string" && isAbsolute(__filename) ? dirname(__filename) : process.cwd();
  for (;;) {
    if (existsSync(join(dir, "hydra", "hydra.yml")) && existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("could not find the repository root (no hydra/hydra.yml above)");
    dir = parent;
  }
}

export const repoRoot = findRepoRoot();

/** Where the harness writes process logs; kept out of Playwright's per-test folders. */
export const logDir = resolve(repoRoot, process.env.E2E_LOG_DIR ?? "test-results/logs");

/** A child's environment. (NodeJS.ProcessEnv is augmented by Next's types to require NODE_ENV.) */
export type Env = Record<string, string | undefined>;

export interface LoggedProcess {
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  hasExited(): boolean;
}

const running = new Set<ChildProcess>();

// A Playwright worker or the demo that ends without tearing down must not leave
// Hydra or Next running on a port.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Spawns a process with stdout and stderr appended to `logFile`. */
export function spawnLogged(
  command: string,
  args: string[],
  options: { env: Env; logFile: string; cwd?: string },
): LoggedProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const fd = openSync(options.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd ?? repoRoot,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ["ignore", fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  running.add(child);
  let ended = false;
  const exited = new Promise<number | string>((resolveExit) => {
    child.once("error", (error) => {
      ended = true;
      running.delete(child);
      resolveExit(`spawn error: ${error.message}`);
    });
    child.once("exit", (code, signal) => {
      ended = true;
      running.delete(child);
      resolveExit(code ?? signal ?? "unknown");
    });
  });
  return { child, logFile: options.logFile, exited, hasExited: () => ended };
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
export async function stopProcess(proc: LoggedProcess, graceMs = 5_000): Promise<void> {
  if (proc.hasExited()) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), graceMs);
  try {
    await proc.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The last `lines` lines of a log file, for error messages. */
export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return "(no log written)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns true. Fails early when the process exits, and
 * after `timeoutMs`; both errors carry the end of the process log.
 */
export async function waitUntil(
  what: string,
  proc: LoggedProcess,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.hasExited()) {
      const code = await proc.exited;
      throw new Error(`${what} exited (${code}) before it was ready. Log ${proc.logFile}:\n${tail(proc.logFile)}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s. Log ${proc.logFile}:\n${tail(proc.logFile)}`);
}

/** GET `url` and report whether it answered with `status`. */
export async function answers(url: string, status = 200): Promise<boolean> {
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === status;
}

/** The environment a child needs to run, without whatever the caller's shell exported. */
export function baseEnv(): Env {
  const env: Env = {};
  for (const key of ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "SYSTEMROOT"]) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  return env;
}

/**
 * A temp folder for what a harness starts, and the stops of what it started:
 * `stop` runs them newest first, then removes the folder (kept with E2E_KEEP_DATA).
 */
export async function scratch(prefix: string): Promise<{ dataDir: string; stoppers: Array<() => Promise<void>>; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    stoppers.length = 0;
    if (!process.env.E2E_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
  };
  return { dataDir, stoppers, stop };
}
