import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { config } from "@/lib/config";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

let ready: Promise<Kysely<Database>> | undefined;

/** The accounts database, migrated to the latest schema before first use. */
export function db(): Promise<Kysely<Database>> {
  ready ??= openDatabase(config().databasePath).catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

export async function openDatabase(path: string): Promise<Kysely<Database>> {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // Several app instances may share one file: wait for locks instead of failing.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  const database = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db: database, provider: migrationProvider }).migrateToLatest();
  if (error) throw error;
  return database;
}
