import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { inject } from "vitest";
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

/** Both databases the app runs on, each opened fresh and migrated: run a test once per entry. */
export const dialects: [string, () => Promise<Store>][] = [
  ["SQLite", () => openMemoryStore()],
  ["PostgreSQL", async () => openStore({ kind: "postgres", url: await freshPostgresUrl(), poolMax: 5, statementTimeoutMs: 5000 })],
];
