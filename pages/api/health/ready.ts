import { sql } from "kysely";
import type { NextApiRequest, NextApiResponse } from "next";
import { hydraIsReady } from "@/lib/hydra";
import { db } from "@/lib/identity/db";

/** Readiness: Hydra's admin API and the accounts database both answer. Served at /health/ready (next.config.mjs). */
export default async function ready(_request: NextApiRequest, response: NextApiResponse) {
  const [hydra, database] = await Promise.all([hydraIsReady(), databaseIsReady()]);
  const ok = hydra && database;
  response.setHeader("Cache-Control", "no-store");
  response.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable", checks: { hydra, database } });
}

async function databaseIsReady(): Promise<boolean> {
  try {
    await sql`select 1`.execute(await db());
    return true;
  } catch {
    return false;
  }
}
