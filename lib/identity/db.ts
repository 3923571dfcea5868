import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import type { Pool } from "pg";
import { type DatabaseConfig, config } from "@/lib/config";
import { onShutdown } from "@/lib/observability/shutdown";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

/** The accounts database and the driver behind it (the sign-in limiter speaks to the driver itself). */
export type Store =
  | { kind: "sqlite"; db: Kysely<Database>; client: SQLite.Database }
  | { kind: "postgres"; db: Kysely<Database>; client: Pool };

let ready: Promise<Store> | undefined;

/** The configured database, migrated to the latest schema before first use. */
export function store(): Promise<Store> {
  if (!ready) {
    ready = openStore(config().database).catch((error) => {
      ready = undefined;
      throw error;
    });
    // The connections close when the process stops, after the last request (lib/observability/shutdown.ts).
    const opened = ready;
    onShutdown("database", async () => (await opened.catch(() => undefined))?.db.destroy());
  }
  return ready;
}

/** The configured database's query builder. */
export async function db(): Promise<Kysely<Database>> {
  return (await store()).db;
}

/**
 * Opens and migrates a database. On PostgreSQL, Kysely's migrator holds a
 * session advisory lock (pg_advisory_lock) while it migrates, so instances that
 * start together migrate once; SQLite migrates inside one transaction on its
 * one connection, and the busy timeout makes a second process wait for it.
 */
export async function openStore(database: DatabaseConfig): Promise<Store> {
  const opened = database.kind === "postgres" ? await openPostgres(database) : await openSqlite(database);
  try {
    const { error } = await new Migrator({ db: opened.db, provider: migrationProvider }).migrateToLatest();
    if (error) throw error;
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return opened;
}

async function openSqlite(database: Extract<DatabaseConfig, { kind: "sqlite" }>): Promise<Store> {
  // Loaded only for SQLite: a PostgreSQL deployment never needs the native module.
  const { default: Sqlite } = await import("better-sqlite3");
  if (database.path !== ":memory:") mkdirSync(dirname(database.path), { recursive: true });
  const client = new Sqlite(database.path);
  // Several app instances may share one file: wait for locks instead of failing.
  client.pragma("journal_mode = WAL");
  client.pragma(`busy_timeout = ${database.statementTimeoutMs}`);
  // As on PostgreSQL: an account's factors go with it (ON DELETE CASCADE).
  client.pragma("foreign_keys = ON");
  return { kind: "sqlite", db: new Kysely<Database>({ dialect: new SqliteDialect({ database: client }) }), client };
}

async function openPostgres(database: Extract<DatabaseConfig, { kind: "postgres" }>): Promise<Store> {
  const { Pool } = await import("pg");
  const client = new Pool({
    connectionString: database.url,
    max: database.poolMax,
    // Every statement and every wait for a connection is bounded, like every call to Hydra.
    statement_timeout: database.statementTimeoutMs,
    connectionTimeoutMillis: database.statementTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server dropped must not take the process down.
  client.on("error", () => undefined);
  return { kind: "postgres", db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: client }) }), client };
}

/** A SQLite database in memory, for tests. */
export function openMemoryStore(): Promise<Store> {
  return openStore({ kind: "sqlite", path: ":memory:", statementTimeoutMs: 5000 });
}
