// What every provider shares during a run: one Hydra, the slot origin its login and consent URLs
// point at, the relying party's callback origin and our user store with the benchmark user.
import { join } from "node:path";
import { randomSecret } from "../e2e/harness/app";
import { startHydra, type Hydra } from "../e2e/harness/hydra";
import { postgresDatabases } from "../e2e/harness/postgres";
import { logDir } from "../e2e/harness/process";
import { defaultUser, seedUser } from "../e2e/harness/users";
import type { HydraDb } from "./types";

/**
 * Hydra's connection pool on PostgreSQL. max_idle_conns equals max_conns (the harness keeps 4
 * idle): Hydra lists a subject's consent sessions with about one connection per listed session
 * at once (ours' consent page lists 10), and with 4 kept idle it opened some 4–5 new connections
 * for every listing, a cost only the provider that lists would pay. max_conns is above twice the
 * highest concurrency: with 20, the null provider's 32 flows at once put 32 token requests in
 * Hydra together, the pool sat at its cap with every connection busy, and two thirds of them
 * timed out after 30 s.
 * hydra-connections.ts measures the pool in every cell.
 */
export const HYDRA_POOL = { maxConns: 80, maxIdleConns: 80 } as const;

export interface BenchStack {
  hydra: Hydra;
  hydraDb: HydraDb;
  /**
   * Whether the generator queues the requests to Hydra's public port one at a time: on SQLite,
   * which takes no concurrent writes (see hydraQueue in flows.ts); never on PostgreSQL.
   */
  hydraPublicSerial: boolean;
  /** PostgreSQL only: Hydra's database URL, for the connection sampler, and the server's version. */
  hydraDatabaseUrl: string | undefined;
  postgresVersion: string | undefined;
  /** http://localhost:<slot>: Hydra's login/consent origin, mapped to the active provider by flows.ts. */
  slotOrigin: string;
  callbackOrigin: string;
  /** Ours' SQLite accounts file; unused on PostgreSQL, where `oursDatabaseEnv` points elsewhere. */
  databasePath: string;
  /** DATABASE_URL on PostgreSQL (every instance of ours shares it), empty on SQLite. */
  oursDatabaseEnv: Record<string, string>;
  sessionSecret: string;
  dataDir: string;
}

async function serverVersion(url: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version.split(" ")[0] ?? "unknown";
  } finally {
    await client.end();
  }
}

export async function startBenchStack(options: {
  dataDir: string;
  slotPort: number;
  callbackPort: number;
  hydraDb: HydraDb;
  log: (message: string) => void;
}): Promise<BenchStack> {
  const { dataDir, slotPort } = options;
  const slotOrigin = `http://localhost:${slotPort}`;
  // On PostgreSQL, Hydra and ours each get a database of their own on a throwaway cluster
  // (the e2e run's, or one started for this process and stopped when it exits).
  const postgres = options.hydraDb === "postgres" ? await postgresDatabases("bench_hydra", "bench_accounts") : undefined;
  // SQLite in a file (WAL), not the tests' memory DSN: Hydra generates its RSA signing keys on
  // the first JWKS request, which on a busy machine can outlast the wait in startHydra; in a file
  // (or PostgreSQL) the keys survive, so the second start below is quick. See hydraQueue in
  // flows.ts for why Hydra's public calls are queued on SQLite.
  const hydraDb = join(dataDir, "hydra.sqlite");
  const dsn = postgres
    ? `${postgres.bench_hydra}${postgres.bench_hydra.includes("?") ? "&" : "?"}sslmode=disable&max_conns=${HYDRA_POOL.maxConns}&max_idle_conns=${HYDRA_POOL.maxIdleConns}`
    : `sqlite://${hydraDb}?_fk=true&mode=rwc&_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=10000`;
  const hydraOptions = {
    appUrl: slotOrigin,
    // startHydra migrates this one; DSN below is what `hydra serve` runs with (the pool is ours to set).
    dsn: postgres?.bench_hydra ?? hydraDb,
    env: {
      DSN: dsn,
      // One log line per request would be written for every hop of every flow; the same for all providers.
      LOG_LEVEL: "warn",
    },
    logFile: join(logDir, `bench-hydra-${slotPort}.log`),
  };
  const hydra = await startHydra(hydraOptions).catch(async (error: unknown) => {
    options.log(`Hydra did not start (${error instanceof Error ? error.message.split("\n")[0] : error}); once more`);
    return startHydra(hydraOptions);
  });
  const stack: BenchStack = {
    hydra,
    hydraDb: options.hydraDb,
    hydraPublicSerial: !postgres,
    hydraDatabaseUrl: postgres?.bench_hydra,
    postgresVersion: undefined,
    slotOrigin,
    callbackOrigin: `http://localhost:${options.callbackPort}`,
    databasePath: join(dataDir, "accounts.sqlite"),
    // RATE_LIMIT_STORE is left to its default, which is the database on PostgreSQL: instances
    // behind one proxy must count sign-in failures together.
    oursDatabaseEnv: postgres ? { DATABASE_URL: postgres.bench_accounts } : {},
    sessionSecret: randomSecret(),
    dataDir,
  };
  try {
    if (postgres) stack.postgresVersion = await serverVersion(postgres.bench_hydra);
    await seedUser({
      databasePath: stack.databasePath,
      email: defaultUser.email,
      password: defaultUser.password,
      name: defaultUser.name,
      env: stack.oursDatabaseEnv,
    });
  } catch (error) {
    await hydra.stop();
    throw error;
  }
  return stack;
}
