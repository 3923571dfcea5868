/** A throwaway PostgreSQL cluster (scripts/postgres.mjs). */
export interface Postgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A new, empty database on this cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export function postgresBinDir(): string | undefined;
export function ensurePostgres(): void;
export function startPostgres(): Promise<Postgres>;
