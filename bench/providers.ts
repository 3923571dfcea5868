// The three providers measured on the same Hydra: ours (`next start` of the production build),
// the reference from npm and the null provider; their start-up times and OAuth2 clients.
import { join } from "node:path";
import { request } from "undici";
import { appEnvironment, randomSecret } from "../e2e/harness/app";
import { createClient } from "../e2e/harness/clients";
import { baseEnv, logDir, repoRoot, sleep, spawnLogged, stopProcess, tail, type LoggedProcess } from "../e2e/harness/process";
import { defaultUser } from "../e2e/harness/users";
import type { CookieJar } from "./cookies";
import { agent, type FlowPath, type FlowTarget } from "./flows";
import type { BenchStack } from "./stack";
import type { ProviderId } from "./types";

export const providerIds: ProviderId[] = ["ours", "reference", "null"];

const labels: Record<ProviderId, string> = {
  ours: "ours (next start)",
  reference: "reference (hydra-login-consent-logout)",
  null: "null (accept at once)",
};

export interface Provider {
  id: ProviderId;
  label: string;
  port: number;
  proc: LoggedProcess;
  /** ms from spawn to the first 200. */
  startupMs: number;
  subject: string;
  clients: Record<FlowPath, FlowTarget["client"]>;
  /** One warm browser per virtual user for the remembered path (filled by warm-up.ts). */
  jars: CookieJar[];
}

interface Started {
  proc: LoggedProcess;
  startupMs: number;
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

async function startOurs(stack: BenchStack, port: number, oursEnv: Record<string, string>, profileDir?: string): Promise<Started> {
  const env = appEnvironment({
    port,
    hydra: stack.hydra,
    databasePath: stack.databasePath,
    sessionSecret: stack.sessionSecret,
    env: oursEnv,
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

async function startReference(stack: BenchStack, port: number): Promise<Started> {
  const started = performance.now();
  const proc = spawnLogged(process.execPath, [join(repoRoot, "node_modules", "hydra-login-consent-logout", "lib", "app.js")], {
    env: { ...baseEnv(), NODE_ENV: "production", PORT: String(port), HYDRA_ADMIN_URL: stack.hydra.adminUrl },
    logFile: join(logDir, `bench-reference-${port}.log`),
  });
  const startupMs = await waitFor200(`http://127.0.0.1:${port}/`, proc, started);
  return { proc, startupMs };
}

async function startNull(stack: BenchStack, port: number): Promise<Started> {
  const started = performance.now();
  const proc = spawnLogged(process.execPath, [join(repoRoot, "bench", "null-provider.mjs")], {
    env: { ...baseEnv(), PORT: String(port), HYDRA_ADMIN_URL: stack.hydra.adminUrl },
    logFile: join(logDir, `bench-null-${port}.log`),
  });
  const startupMs = await waitFor200(`http://127.0.0.1:${port}/health`, proc, started);
  return { proc, startupMs };
}

/** Each provider and path has its own client, so remembered consents never leak into first sign-in. */
async function createClients(stack: BenchStack, id: ProviderId): Promise<Provider["clients"]> {
  const clients = {} as Provider["clients"];
  for (const path of ["first", "remembered"] as const) {
    const client = await createClient(stack.hydra.adminUrl, {
      client_id: `bench-${id}-${path}`,
      client_secret: randomSecret(),
      client_name: `Benchmark ${id} ${path}`,
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      scope: "openid offline_access offline profile email",
      redirect_uris: [`${stack.callbackOrigin}/callback`],
      token_endpoint_auth_method: "client_secret_basic",
      metadata: { bench_path: path },
    });
    clients[path] = { client_id: client.client_id, client_secret: client.client_secret!, redirect_uri: `${stack.callbackOrigin}/callback` };
  }
  return clients;
}

/**
 * Starts the given providers in order, each pushed to `running` as soon as it runs (the caller
 * stops them). Ours is first started `startupProbes` extra times and stopped, to time `next start`
 * on fresh starts; the start that serves the load is the last sample.
 */
export async function startProviders(options: {
  stack: BenchStack;
  ids: ProviderId[];
  ports: Record<ProviderId, number>;
  startupProbes: number;
  profileDir: string | undefined;
  oursEnv: Record<string, string>;
  running: LoggedProcess[];
}): Promise<{ providers: Provider[]; oursStartupSamples: number[] }> {
  const { stack, ports, running } = options;
  const oursStartupSamples: number[] = [];
  const providers: Provider[] = [];
  for (const id of options.ids) {
    let started: Started;
    if (id === "ours") {
      for (let i = 0; i < options.startupProbes; i++) {
        const probe = await startOurs(stack, ports.ours, options.oursEnv);
        oursStartupSamples.push(probe.startupMs);
        await stopProcess(probe.proc);
      }
      started = await startOurs(stack, ports.ours, options.oursEnv, options.profileDir);
      oursStartupSamples.push(started.startupMs);
    } else {
      started = id === "reference" ? await startReference(stack, ports.reference) : await startNull(stack, ports.null);
    }
    running.push(started.proc);
    providers.push({ id, label: labels[id], port: ports[id], ...started, subject: id, clients: {} as Provider["clients"], jars: [] });
  }
  for (const provider of providers) provider.clients = await createClients(stack, provider.id);
  return { providers, oursStartupSamples };
}

/** The flow `provider` is measured on for `path`. */
export function flowTarget(stack: BenchStack, provider: Provider, path: FlowPath, scope: string, rememberLogin = true): FlowTarget {
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
