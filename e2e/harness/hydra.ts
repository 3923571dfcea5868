import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePorts } from "./ports";
import {
  answers,
  baseEnv,
  logDir,
  repoRoot,
  spawnLogged,
  stopProcess,
  tail,
  waitUntil,
  type Env,
  type LoggedProcess,
} from "./process";

export const hydraBinary = join(repoRoot, ".bin", "hydra");
const hydraConfig = join(repoRoot, "hydra", "hydra.yml");
const READY_TIMEOUT_MS = 60_000;

export interface HydraTtl {
  /** ttl.login_consent_request: challenge lifetime, e.g. "30m" or "5s". */
  loginConsentRequest?: string;
  accessToken?: string;
  refreshToken?: string;
  idToken?: string;
  authCode?: string;
}

export interface HydraUrls {
  login: string;
  consent: string;
  logout: string;
  error: string;
  postLogoutRedirect: string;
}

export interface StartHydraOptions {
  /** Base URL of the provider app, e.g. http://localhost:3000. Login/consent/logout URLs hang off it. */
  appUrl: string;
  /**
   * "memory" (default; lost on restart), a path to a SQLite file, or a postgres:// URL (both
   * migrated first and kept across restarts).
   */
  dsn?: "memory" | string;
  /** Global strategies.access_token. Clients can still override it per client. */
  accessTokenStrategy?: "opaque" | "jwt";
  ttl?: HydraTtl;
  /** Override single provider URLs; defaults are <appUrl>/login, /consent, /logout, /error, /logged-out. */
  urls?: Partial<HydraUrls>;
  /** Fixed ports (the demo); free ports are picked when omitted. */
  publicPort?: number;
  adminPort?: number;
  /** secrets.system. Must stay the same across restarts of a file DSN: it encrypts the signing keys. */
  systemSecret?: string;
  logFile?: string;
  /** Extra Hydra environment variables (any config key in env form). */
  env?: Record<string, string>;
}

export interface Hydra {
  /** Public API as the browser sees it: http://localhost:<public>. */
  publicUrl: string;
  /** Admin API: http://127.0.0.1:<admin>. */
  adminUrl: string;
  /** urls.self.issuer, with the trailing slash Hydra puts in `iss`. */
  issuer: string;
  publicPort: number;
  adminPort: number;
  urls: HydraUrls;
  /** The DSN Hydra was started with. */
  dsn: string;
  logFile: string;
  stop(): Promise<void>;
  /** Stops and starts Hydra on the same ports with the same secret (memory DSN: data is gone). */
  restart(): Promise<void>;
}

async function twoFreePorts(): Promise<{ publicPort: number; adminPort: number }> {
  const [publicPort, adminPort] = await freePorts(2);
  return { publicPort: publicPort!, adminPort: adminPort! };
}

function hydraDsn(option: string | undefined): string {
  if (option === undefined || option === "memory") return "memory";
  // Hydra's pool on PostgreSQL: enough connections for concurrent flows, few kept idle.
  if (/^postgres(ql)?:\/\//.test(option)) return `${option}${option.includes("?") ? "&" : "?"}sslmode=disable&max_conns=20&max_idle_conns=4`;
  return `sqlite://${resolve(option)}?_fk=true&mode=rwc`;
}

async function runMigrations(dsn: string, logFile: string): Promise<void> {
  // `memory` is migrated by `serve` itself; a separate process would get its own empty database.
  if (dsn === "memory") return;
  const proc = spawnLogged(hydraBinary, ["migrate", "sql", "up", "--yes", dsn], { env: baseEnv(), logFile });
  const code = await proc.exited;
  if (code !== 0) throw new Error(`hydra migrate failed (${code}). Log ${logFile}:\n${tail(logFile)}`);
}

export async function startHydra(options: StartHydraOptions): Promise<Hydra> {
  if (!existsSync(hydraBinary)) {
    throw new Error(`${hydraBinary} is missing: run \`node scripts/bootstrap.mjs\` (or \`npm test\`) first`);
  }
  const appUrl = options.appUrl.replace(/\/+$/, "");
  const urls: HydraUrls = {
    login: `${appUrl}/login`,
    consent: `${appUrl}/consent`,
    logout: `${appUrl}/logout`,
    error: `${appUrl}/error`,
    postLogoutRedirect: `${appUrl}/logged-out`,
    ...options.urls,
  };
  const dsn = hydraDsn(options.dsn);
  const systemSecret = options.systemSecret ?? randomBytes(24).toString("base64url");
  const fixedPorts = options.publicPort !== undefined && options.adminPort !== undefined;
  let { publicPort, adminPort } = fixedPorts
    ? { publicPort: options.publicPort!, adminPort: options.adminPort! }
    : await twoFreePorts();
  const logFile = options.logFile ?? join(logDir, `hydra-${publicPort}.log`);

  await runMigrations(dsn, logFile);

  const environment = (): Env => {
    const env: Env = {
      ...baseEnv(),
      DSN: dsn,
      SECRETS_SYSTEM: systemSecret,
      SERVE_PUBLIC_HOST: "127.0.0.1",
      SERVE_PUBLIC_PORT: String(publicPort),
      SERVE_ADMIN_HOST: "127.0.0.1",
      SERVE_ADMIN_PORT: String(adminPort),
      // One host name for the browser everywhere: Hydra's CSRF cookie lives on the host the browser used.
      URLS_SELF_ISSUER: `http://localhost:${publicPort}/`,
      URLS_LOGIN: urls.login,
      URLS_CONSENT: urls.consent,
      URLS_LOGOUT: urls.logout,
      URLS_ERROR: urls.error,
      URLS_POST_LOGOUT_REDIRECT: urls.postLogoutRedirect,
      STRATEGIES_ACCESS_TOKEN: options.accessTokenStrategy ?? "opaque",
      TTL_LOGIN_CONSENT_REQUEST: options.ttl?.loginConsentRequest ?? "30m",
    };
    if (options.ttl?.accessToken) env.TTL_ACCESS_TOKEN = options.ttl.accessToken;
    if (options.ttl?.refreshToken) env.TTL_REFRESH_TOKEN = options.ttl.refreshToken;
    if (options.ttl?.idToken) env.TTL_ID_TOKEN = options.ttl.idToken;
    if (options.ttl?.authCode) env.TTL_AUTH_CODE = options.ttl.authCode;
    // Hydra drops pairwise with a warning under JWT access tokens; say so up front, as Hydra's own e2e does.
    if (options.accessTokenStrategy === "jwt") env.OIDC_SUBJECT_IDENTIFIERS_SUPPORTED_TYPES = "public";
    return { ...env, ...options.env };
  };

  let proc: LoggedProcess;

  const launch = async (): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      proc = spawnLogged(hydraBinary, ["serve", "all", "--dev", "--sqa-opt-out", "-c", hydraConfig], {
        env: environment(),
        logFile,
      });
      try {
        await waitUntil(
          `Hydra (public ${publicPort}, admin ${adminPort})`,
          proc,
          async () =>
            (await answers(`http://127.0.0.1:${publicPort}/health/ready`)) &&
            (await answers(`http://127.0.0.1:${adminPort}/health/ready`)),
          READY_TIMEOUT_MS,
        );
        break;
      } catch (error) {
        await stopProcess(proc);
        // Someone took a port between freePorts() and Hydra's bind: pick new ones.
        if (!fixedPorts && attempt < 3 && /address already in use/i.test(tail(logFile))) {
          ({ publicPort, adminPort } = await twoFreePorts());
          hydra.publicUrl = `http://localhost:${publicPort}`;
          hydra.adminUrl = `http://127.0.0.1:${adminPort}`;
          hydra.issuer = `http://localhost:${publicPort}/`;
          hydra.publicPort = publicPort;
          hydra.adminPort = adminPort;
          continue;
        }
        throw error;
      }
    }
    // Hydra generates the ID token signing key on first use (RSA, takes seconds): pay that here,
    // not inside the first test's timeout. Under load Hydra may drop the connection while it
    // generates (its write timeout), so ask again until the key is there.
    await waitUntil(
      "Hydra's signing key",
      proc,
      async () => {
        const jwks = await fetch(`http://127.0.0.1:${publicPort}/.well-known/jwks.json`, {
          signal: AbortSignal.timeout(20_000),
        });
        return jwks.ok;
      },
      READY_TIMEOUT_MS,
    );
  };

  const hydra: Hydra = {
    publicUrl: `http://localhost:${publicPort}`,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    issuer: `http://localhost:${publicPort}/`,
    publicPort,
    adminPort,
    urls,
    dsn,
    logFile,
    stop: () => stopProcess(proc),
    restart: async () => {
      await stopProcess(proc);
      await launch();
    },
  };
  await launch();
  return hydra;
}

/** Runs the Hydra CLI (e.g. `hydra version`), returning its output. */
export function hydraCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(hydraBinary, args, { env: baseEnv() as NodeJS.ProcessEnv });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolveRun({ code, output }));
  });
}
