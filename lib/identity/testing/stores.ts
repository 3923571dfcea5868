import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { afterAll, inject } from "vitest";
import { type Store, openMemoryStore, openStore } from "../db";

/** A fresh, empty PostgreSQL database on the test cluster (vitest.global-setup.ts). */
export async function freshPostgresUrl(): Promise<string> {
  const admin = inject("postgresUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Stores a test file opened, closed after its last test even when a test did
 * not: a better-sqlite3 database still open when a Node 24 worker exits is
 * destroyed after Node's environment, which aborts the process.
 */
const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.splice(0).map((store) => store.db.destroy().catch(() => undefined)));
});

function tracked(store: Store): Store {
  opened.push(store);
  return store;
}

const allDialects: [string, () => Promise<Store>][] = [
  ["SQLite", async () => tracked(await openMemoryStore())],
  ["PostgreSQL", async () => tracked(await openStore({ kind: "postgres", url: await freshPostgresUrl(), poolMax: 5, statementTimeoutMs: 5000 }))],
];

/**
 * Both databases the app runs on, each opened fresh and migrated: run a test once per entry.
 * TEST_DIALECTS=PostgreSQL leaves SQLite out (scripts/other-nodes.mjs, on Node 24).
 */
export const dialects = process.env.TEST_DIALECTS ? allDialects.filter(([name]) => process.env.TEST_DIALECTS?.split(",").includes(name)) : allDialects;
