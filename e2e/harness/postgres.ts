import { randomBytes } from "node:crypto";
import { type Postgres, startPostgres } from "../../scripts/postgres.mjs";

let cluster: Promise<Postgres> | undefined;

/**
 * The PostgreSQL cluster of this test run: the one e2e/harness/global-setup.ts
 * started (E2E_POSTGRES_URL), or, for a process started without it (the
 * benchmark, a single spec run by hand), one of its own.
 */
function postgres(): Promise<Postgres> {
  cluster ??= (async () => {
    const shared = process.env.E2E_POSTGRES_URL;
    if (!shared) {
      const own = await startPostgres();
      process.once("exit", () => void own.stop());
      return own;
    }
    const { default: pg } = await import("pg");
    return {
      url: shared,
      port: Number(new URL(shared).port),
      async createDatabase(name: string) {
        const client = new pg.Client({ connectionString: shared });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name}"`);
        } finally {
          await client.end();
        }
        const url = new URL(shared);
        url.pathname = `/${name}`;
        return url.toString();
      },
      stop: async () => undefined,
    };
  })();
  return cluster;
}

/** New, empty databases on the run's cluster, one per name, with a random suffix: stacks never share one. */
export async function postgresDatabases<N extends string>(...names: N[]): Promise<Record<N, string>> {
  const cluster = await postgres();
  const suffix = randomBytes(4).toString("hex");
  const urls = {} as Record<N, string>;
  for (const name of names) urls[name] = await cluster.createDatabase(`${name}_${suffix}`);
  return urls;
}
