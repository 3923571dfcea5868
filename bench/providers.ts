// The providers measured on the same Hydra: ours (`next start` of the production build), the
// reference from npm, the null provider and, with --instances N, N instances of ours behind nginx;
// their start-up times and OAuth2 clients.
import { join } from "node:path";
import { request } from "undici";
import { appEnvironment, randomSecret } from "../e2e/harness/app";
import { createClient } from "../e2e/harness/clients";
import { startNginx } from "../e2e/harness/nginx";
import { baseEnv, logDir, repoRoot, sleep, spawnLogged, stopProcess, tail, type LoggedProcess } from "../e2e/harness/process";
import { defaultUser } from "../e2e/harness/users";
import type { CookieJar } from "./cookies";
import { agent, type FlowPath, type FlowTarget } from "./flows";
import { childrenNamed } from "./processes";
import type { BenchStack } from "./stack";
import type { ProviderId } from "./types";

export function providerLabel(id: ProviderId, instances: number): string {
  switch (id) {
    case "ours":
      return "ours (next start)";
    case "reference":
      return "reference (hydra-login-consent-logout)";
    case "null":
      return "null (accept at once)";
    case "ours-instances":
      return `ours × ${instances} (${instances} next start behind nginx)`;
  }
}

/** What the caller stops at the end, in order: a provider's processes, or its proxy. */
export type Stopper = (graceMs?: number) => Promise<void>;

export interface Provider {
  id: ProviderId;
  label: string;
  /** Where the slot's traffic goes: the provider's own port, or nginx's in front of the instances. */
  port: number;
  /** The processes whose trees make up the provider: RSS and CPU are summed over them. */
  pids: number[];
  /** ms from spawn to the first 200 (ours × N: from the first instance's spawn to a 200 through nginx). */
  startupMs: number;
  /** ours × N: each instance's `next start` to first 200. */
  instanceStartupMs?: number[];
  /** Instances of ours behind the port (1 for every other provider). */
  instances: number;
  subject: string;
  clients: Record<FlowPath, FlowTarget["client"]>;
  /** One warm browser per virtual user for the remembered path (filled by warm-up.ts). */
  jars: CookieJar[];
}

interface Started {
  proc: LoggedProcess;
  startupMs: number;
}

async function waitFor200(url: string, proc: LoggedProcess | undefined, started: number, timeoutMs = 90_000): Promise<number> {
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (proc?.hasExited()) throw new Error(`${url}: process exited (${await proc.exited}). Log ${proc.logFile}:\n${tail(proc.logFile)}`);
    try {
      const response = await request(url, { dispatcher: agent, signal: AbortSignal.timeout(2_000) });
      await response.body.dump();
      if (response.statusCode === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms.${proc ? ` Log ${proc.logFile}:\n${tail(proc.logFile)}` : ""}`);
}

async function startOurs(options: {
  stack: BenchStack;
  port: number;
  env: Record<string, string>;
  profileDir?: string;
}): Promise<Started> {
  const { stack, port } = options;
  const env = appEnvironment({
    port,
    hydra: stack.hydra,
    databasePath: stack.databasePath,
    sessionSecret: stack.sessionSecret,
    env: { ...stack.oursDatabaseEnv, ...options.env },
  });
  // The app is deployed at the slot origin (see flows.ts), every instance alike: its URLs and
  // Origin checks use it.
  env.APP_URL = stack.slotOrigin;
  const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
  // --cpu-prof is refused in NODE_OPTIONS: run Next's CLI under node with the flag (same process).
  const command = options.profileDir ? process.execPath : join(repoRoot, "node_modules", ".bin", "next");
  const commandArgs = options.profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`, nextBin, "start", "-p", String(port)]
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

/**
 * N instances of ours, one after another (each start timed alone, as ours' is), with the same
 * session secret and database, behind Debian's nginx on `port` (round robin). TRUST_PROXY_HOPS=1:
 * the client address is the X-Forwarded-For entry nginx appends.
 */
async function startOursInstances(options: {
  stack: BenchStack;
  port: number;
  instancePorts: number[];
  env: Record<string, string>;
  stoppers: Stopper[];
}): Promise<Pick<Provider, "pids" | "startupMs" | "instanceStartupMs">> {
  const started = performance.now();
  const instanceStartupMs: number[] = [];
  const pids: number[] = [];
  for (const port of options.instancePorts) {
    const instance = await startOurs({ stack: options.stack, port, env: { ...options.env, TRUST_PROXY_HOPS: "1" } });
    options.stoppers.push((graceMs) => stopProcess(instance.proc, graceMs));
    instanceStartupMs.push(instance.startupMs);
    pids.push(instance.proc.child.pid!);
  }
  const nginx = await startNginx({ port: options.port, upstreams: options.instancePorts });
  options.stoppers.push(() => nginx.stop());
  // The harness does not hand out nginx's pid; its master is this process's only nginx child
  // (its worker runs below it).
  const nginxPids = childrenNamed(process.pid, "nginx");
  if (nginxPids.length !== 1) throw new Error(`expected one nginx child of the bench, found ${nginxPids.length}`);
  pids.push(nginxPids[0]!);
  const startupMs = await waitFor200(`http://127.0.0.1:${options.port}/health/alive`, undefined, started);
  return { pids, startupMs, instanceStartupMs };
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
 * Starts the given providers in order, each added to `stoppers` as soon as it runs (the caller
 * stops them). Ours is first started `startupProbes` extra times and stopped, to time `next start`
 * on fresh starts; the start that serves the load is the last sample.
 */
export async function startProviders(options: {
  stack: BenchStack;
  ids: ProviderId[];
  ports: Record<ProviderId, number>;
  /** ours × N: the instances' own ports (nginx listens on ports["ours-instances"]). */
  instancePorts: number[];
  startupProbes: number;
  profileDir: string | undefined;
  oursEnv: Record<string, string>;
  stoppers: Stopper[];
}): Promise<{ providers: Provider[]; oursStartupSamples: number[] }> {
  const { stack, ports, stoppers } = options;
  const oursStartupSamples: number[] = [];
  const providers: Provider[] = [];
  for (const id of options.ids) {
    const instances = id === "ours-instances" ? options.instancePorts.length : 1;
    const common = { id, label: providerLabel(id, instances), port: ports[id], instances, subject: id, clients: {} as Provider["clients"], jars: [] };
    if (id === "ours-instances") {
      const started = await startOursInstances({ stack, port: ports[id], instancePorts: options.instancePorts, env: options.oursEnv, stoppers });
      providers.push({ ...common, ...started });
      continue;
    }
    let started: Started;
    if (id === "ours") {
      for (let i = 0; i < options.startupProbes; i++) {
        const probe = await startOurs({ stack, port: ports.ours, env: options.oursEnv });
        oursStartupSamples.push(probe.startupMs);
        await stopProcess(probe.proc);
      }
      started = await startOurs({ stack, port: ports.ours, env: options.oursEnv, profileDir: options.profileDir });
      oursStartupSamples.push(started.startupMs);
    } else {
      started = id === "reference" ? await startReference(stack, ports.reference) : await startNull(stack, ports.null);
    }
    const proc = started.proc;
    stoppers.push((graceMs) => stopProcess(proc, graceMs));
    providers.push({ ...common, pids: [proc.child.pid!], startupMs: started.startupMs });
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
    serialHydra: stack.hydraPublicSerial,
  };
}
