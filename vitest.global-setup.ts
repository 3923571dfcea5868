import type { TestProject } from "vitest/node";
import { startPostgres } from "./scripts/postgres.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A throwaway PostgreSQL cluster's admin URL, for the tests that run on both databases. */
    postgresUrl: string;
  }
}

/** One PostgreSQL cluster for the whole unit run, so the identity store is tested on both dialects. */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
