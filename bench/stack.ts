// What every provider shares during a run: one Hydra, the slot origin its login and consent URLs
// point at, the relying party's callback origin and our user store with the benchmark user.
import { join } from "node:path";
import { randomSecret } from "../e2e/harness/app";
import { startHydra, type Hydra } from "../e2e/harness/hydra";
import { logDir } from "../e2e/harness/process";
import { defaultUser, seedUser } from "../e2e/harness/users";

export interface BenchStack {
  hydra: Hydra;
  /** http://localhost:<slot>: Hydra's login/consent origin, mapped to the active provider by flows.ts. */
  slotOrigin: string;
  callbackOrigin: string;
  databasePath: string;
  sessionSecret: string;
  dataDir: string;
}

export async function startBenchStack(options: {
  dataDir: string;
  slotPort: number;
  callbackPort: number;
  log: (message: string) => void;
}): Promise<BenchStack> {
  const { dataDir, slotPort } = options;
  const slotOrigin = `http://localhost:${slotPort}`;
  // SQLite in a file (WAL), not the tests' memory DSN: Hydra generates its RSA signing keys on
  // the first JWKS request, which on a busy machine can outlast the wait in startHydra; in a file
  // the keys survive, so the second start below is quick. See hydraQueue in flows.ts for why
  // Hydra's public calls are queued.
  const hydraDb = join(dataDir, "hydra.sqlite");
  const hydraOptions = {
    appUrl: slotOrigin,
    dsn: hydraDb,
    env: {
      DSN: `sqlite://${hydraDb}?_fk=true&mode=rwc&_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=10000`,
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
    slotOrigin,
    callbackOrigin: `http://localhost:${options.callbackPort}`,
    databasePath: join(dataDir, "accounts.sqlite"),
    sessionSecret: randomSecret(),
    dataDir,
  };
  try {
    await seedUser({ databasePath: stack.databasePath, email: defaultUser.email, password: defaultUser.password, name: defaultUser.name });
  } catch (error) {
    await hydra.stop();
    throw error;
  }
  return stack;
}
