// Hydra's connections to PostgreSQL during a cell, read from the server's own statistics: whether
// its pool (max_conns in the DSN) was the limit, and how many connections it opened because it
// keeps only max_idle_conns between bursts. Hydra exposes no pool statistics of its own.
import type { Client } from "pg";
import { round } from "./stats";
import type { HydraConnections } from "./types";

const INTERVAL_MS = 100;

export interface HydraConnectionMonitor {
  /** Starts sampling; stop() returns what the cell looked like. */
  start(): { stop(): Promise<HydraConnections> };
  close(): Promise<void>;
}

/** Watches the database behind `hydraDatabaseUrl` from a connection to the cluster's `postgres` database, so it never counts itself. */
export async function hydraConnectionMonitor(hydraDatabaseUrl: string, maxConns: number): Promise<HydraConnectionMonitor> {
  const { default: pg } = await import("pg");
  const database = decodeURIComponent(new URL(hydraDatabaseUrl).pathname.slice(1));
  const admin = new URL(hydraDatabaseUrl);
  admin.pathname = "/postgres";
  admin.search = "";
  const client: Client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();

  const sessions = async () =>
    Number((await client.query<{ sessions: string }>("SELECT sessions FROM pg_stat_database WHERE datname = $1", [database])).rows[0]?.sessions ?? 0);
  const connections = async () => {
    const { rows } = await client.query<{ open: number; busy: number }>(
      "SELECT count(*)::int AS open, count(*) FILTER (WHERE state IS DISTINCT FROM 'idle')::int AS busy FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
      [database],
    );
    return rows[0] ?? { open: 0, busy: 0 };
  };

  return {
    start() {
      let peakOpen = 0;
      let peakBusy = 0;
      let atCap = 0;
      let samples = 0;
      let stopped = false;
      const sessionsBefore = sessions();
      // One query at a time on the one client: the next sample waits for the previous one.
      const loop = (async () => {
        await sessionsBefore;
        while (!stopped) {
          const now = await connections().catch(() => undefined);
          // The cluster went away (the run is ending): no more samples.
          if (!now) break;
          samples++;
          peakOpen = Math.max(peakOpen, now.open);
          peakBusy = Math.max(peakBusy, now.busy);
          if (now.open >= maxConns) atCap++;
          await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
        }
      })();
      return {
        async stop() {
          stopped = true;
          await loop;
          // pg_stat_database is updated when a session ends or every second or so: the last
          // connections of the cell may show up a little late, never twice.
          const opened = (await sessions()) - (await sessionsBefore);
          return { max: maxConns, peakOpen, peakBusy, atCapPercent: samples > 0 ? round((atCap / samples) * 100, 1) : 0, opened, samples };
        },
      };
    },
    close: () => client.end(),
  };
}
