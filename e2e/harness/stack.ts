import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAdminCounter, type AdminCounter } from "./admin-counter";
import { appEnvironment, randomSecret, startApp, type App, type StartAppOptions } from "./app";
import { createRpClient, type OAuth2Client, type RpClientOptions } from "./clients";
import { startHydra, type Hydra, type StartHydraOptions } from "./hydra";
import { freePort } from "./ports";
import { startRp, type RelyingParty } from "./rp";
import { defaultUser, seedUser } from "./users";

export interface StackOptions {
  /** "memory" (default) or "file": a SQLite file in the stack's temp dir, so hydra.restart() keeps state. */
  hydraDatabase?: "memory" | "file";
  accessTokenStrategy?: StartHydraOptions["accessTokenStrategy"];
  ttl?: StartHydraOptions["ttl"];
  hydraEnv?: Record<string, string>;
  /** Extra or overriding app environment; `undefined` removes a variable. */
  appEnv?: Record<string, string | undefined>;
  /** Overrides for the default client (e.g. { skip_consent: true }). */
  client?: RpClientOptions;
  /** Seed foo@bar.com / foobar. Default true. */
  seedDefaultUser?: boolean;
  /**
   * Send the app's admin API calls through a counting proxy (stack.adminCalls). The RP
   * and the harness keep calling Hydra directly, so only the app's calls are counted.
   */
  countAdminCalls?: boolean;
}

export interface Stack {
  hydra: Hydra;
  app: App;
  rp: RelyingParty;
  /** The default client, registered with the RP; `client_secret` included. */
  client: OAuth2Client;
  user: typeof defaultUser;
  /** The app's calls to Hydra's admin API, when started with countAdminCalls. */
  adminCalls: AdminCounter | undefined;
  /** The stack's temp dir (app database, Hydra file DSN). */
  dataDir: string;
  databasePath: string;
  /** Creates another client pointing at this stack's RP and registers it there. */
  addClient(options?: RpClientOptions): Promise<OAuth2Client>;
  stop(): Promise<void>;
}

/**
 * Hydra + the provider app + a relying party, on free ports with their own temp dir,
 * so stacks in parallel workers never share state.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), "hydra-provider-e2e-"));
  const databasePath = join(dataDir, "app.sqlite");
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    stoppers.length = 0;
    if (!process.env.E2E_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const appPort = await freePort();
    const appUrl = `http://localhost:${appPort}`;
    const hydra = await startHydra({
      appUrl,
      dsn: options.hydraDatabase === "file" ? join(dataDir, "hydra.sqlite") : "memory",
      accessTokenStrategy: options.accessTokenStrategy,
      ttl: options.ttl,
      env: options.hydraEnv,
    });
    stoppers.push(() => hydra.stop());

    const rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl });
    stoppers.push(() => rp.stop());

    let adminCalls: AdminCounter | undefined;
    if (options.countAdminCalls) {
      const counter = await startAdminCounter(hydra.adminUrl);
      stoppers.push(() => counter.stop());
      adminCalls = counter;
    }

    const appOptions: StartAppOptions = {
      port: appPort,
      hydra: { publicUrl: hydra.publicUrl, adminUrl: adminCalls?.url ?? hydra.adminUrl },
      databasePath,
      sessionSecret: randomSecret(),
      env: options.appEnv,
    };
    if (options.seedDefaultUser ?? true) {
      // The users CLI gets the app's environment in case it validates the app configuration.
      await seedUser({ databasePath, ...defaultUser, env: appEnvironment(appOptions) });
    }
    const app = await startApp(appOptions);
    stoppers.push(() => app.stop());

    const addClient = async (clientOptions: RpClientOptions = {}) => {
      const created = await createRpClient(hydra.adminUrl, rp.url, clientOptions);
      await rp.addClient(created);
      return created;
    };
    const client = await addClient(options.client);

    return { hydra, app, rp, client, user: defaultUser, adminCalls, dataDir, databasePath, addClient, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
