import { startPostgres } from "../../scripts/postgres.mjs";

/**
 * One PostgreSQL cluster for the whole e2e run; each stack that runs on
 * PostgreSQL makes its own databases on it (e2e/harness/postgres.ts).
 */
export default async function globalSetup() {
  const postgres = await startPostgres();
  process.env.E2E_POSTGRES_URL = postgres.url;
  return () => postgres.stop();
}
