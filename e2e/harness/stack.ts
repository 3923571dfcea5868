import { join } from "node:path";
import { startAdminCounter, type AdminCounter } from "./admin-counter";
import { appEnvironment, randomSecret, startApp, type App, type StartAppOptions } from "./app";
import { createRpClient, type OAuth2Client, type RpClientOptions } from "./clients";
import { startHydra, type Hydra, type StartHydraOptions } from "./hydra";
import { startNginx } from "./nginx";
import { type MailCatcher, startMailCatcher } from "./mail";
import { freePorts } from "./ports";
import { scratch } from "./process";
import { postgresDatabases } from "./postgres";
import { startRp, type RelyingParty } from "./rp";
import { defaultUser, grantRole, seedUser } from "./users";

export interface StackOptions {
  /**
   * Where Hydra and the app keep their data. "sqlite" (default): Hydra in memory (or a file,
   * see hydraDatabase), the app in a SQLite file. "postgres": both in their own databases on
   * the run's PostgreSQL cluster (Hydra migrated first), the sign-in limits shared there.
   */
  database?: "sqlite" | "postgres";
  /** With the SQLite setup: "memory" (default) or "file", a SQLite file in the stack's temp dir, so hydra.restart() keeps state. */
  hydraDatabase?: "memory" | "file";
  /**
   * How many app instances to run (default 1). More than one sit behind nginx doing round
   * robin on the stack's app URL; they share the session secret and the database.
   */
  instances?: number;
  /** How the app is started (e2e/harness/app.ts): `next start` (default) or the standalone server. */
  server?: StartAppOptions["server"];
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
  /** With countAdminCalls: admin paths the proxy refuses (500) from the start, until adminCalls.refuse([]). */
  refuseAdminPaths?: string[];
}

export interface Stack {
  hydra: Hydra;
  /** The app as the browser reaches it: the one instance, or nginx in front of several. */
  app: App;
  /** Every app instance (one, or those behind nginx). */
  instances: App[];
  /** The app's DATABASE_URL on PostgreSQL. */
  databaseUrl: string | undefined;
  rp: RelyingParty;
  /** The default client, registered with the RP; `client_secret` included. */
  client: OAuth2Client;
  user: typeof defaultUser;
  /** The SMTP server the app sends its e-mail to, and what it captured. */
  mail: MailCatcher;
  /** The app's calls to Hydra's admin API, when started with countAdminCalls. */
  adminCalls: AdminCounter | undefined;
  /** The stack's temp dir (app database, Hydra file DSN). */
  dataDir: string;
  databasePath: string;
  /** Creates another client pointing at this stack's RP and registers it there. */
  addClient(options?: RpClientOptions): Promise<OAuth2Client>;
  /** Adds an account to the app's database (SQLite or PostgreSQL) through the users CLI. */
  addUser(user: { email: string; password: string; name?: string }): Promise<void>;
  /** Grants an account the admin console's role through the users CLI. */
  grantAdmin(email: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Hydra + the provider app + a relying party, on free ports with their own temp dir,
 * so stacks in parallel workers never share state.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { dataDir, stoppers, stop } = await scratch("hydra-provider-e2e-");
  const databasePath = join(dataDir, "app.sqlite");

  try {
    const instanceCount = options.instances ?? 1;
    const [appPort, ...instancePorts] = await freePorts(instanceCount > 1 ? instanceCount + 1 : 1);
    const appUrl = `http://localhost:${appPort}`;
    const postgres = options.database === "postgres" ? await postgresDatabases("hydra", "app") : undefined;
    const hydra = await startHydra({
      appUrl,
      dsn: postgres?.hydra ?? (options.hydraDatabase === "file" ? join(dataDir, "hydra.sqlite") : "memory"),
      accessTokenStrategy: options.accessTokenStrategy,
      ttl: options.ttl,
      env: options.hydraEnv,
    });
    stoppers.push(() => hydra.stop());

    const rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl });
    stoppers.push(() => rp.stop());

    let adminCalls: AdminCounter | undefined;
    if (options.countAdminCalls) {
      const counter = await startAdminCounter(hydra.adminUrl, { refuse: options.refuseAdminPaths });
      stoppers.push(() => counter.stop());
      adminCalls = counter;
    }

    const mail = await startMailCatcher();
    stoppers.push(() => mail.stop());

    const appOptions: StartAppOptions = {
      port: appPort!,
      hydra: { publicUrl: hydra.publicUrl, adminUrl: adminCalls?.url ?? hydra.adminUrl },
      databasePath,
      sessionSecret: randomSecret(),
      server: options.server,
      env: {
        SMTP_URL: mail.url,
        MAIL_FROM: "Sign-in <no-reply@example.test>",
        ...(postgres ? { DATABASE_URL: postgres.app } : {}),
        // Behind nginx the client is the last X-Forwarded-For entry nginx appends.
        ...(instanceCount > 1 ? { TRUST_PROXY_HOPS: "1", APP_URL: appUrl } : {}),
        ...options.appEnv,
      },
    };
    if (options.seedDefaultUser ?? true) {
      // The users CLI gets the app's environment in case it validates the app configuration.
      await seedUser({ databasePath, ...defaultUser, env: appEnvironment(appOptions) });
    }
    let app: App;
    let instances: App[];
    if (instanceCount === 1) {
      app = await startApp(appOptions);
      instances = [app];
      stoppers.push(() => app.stop());
    } else {
      instances = await Promise.all(instancePorts.map((port) => startApp({ ...appOptions, port })));
      for (const instance of instances) stoppers.push(() => instance.stop());
      const nginx = await startNginx({ port: appPort!, upstreams: instancePorts });
      stoppers.push(() => nginx.stop());
      app = { url: appUrl, port: appPort!, logFile: "", stop: () => nginx.stop() };
    }

    const addClient = async (clientOptions: RpClientOptions = {}) => {
      const created = await createRpClient(hydra.adminUrl, rp.url, clientOptions);
      await rp.addClient(created);
      return created;
    };
    const client = await addClient(options.client);
    const addUser = async (user: { email: string; password: string; name?: string }) => {
      await seedUser({ databasePath, ...user, env: appEnvironment(appOptions) });
    };
    const grantAdmin = (email: string) => grantRole({ email, role: "admin", databasePath, env: appEnvironment(appOptions) });

    return { hydra, app, instances, databaseUrl: postgres?.app, rp, client, user: defaultUser, mail, adminCalls, dataDir, databasePath, addClient, addUser, grantAdmin, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
