import { sql } from "kysely";
import { hydraIsReady } from "@/lib/hydra";
import { db } from "@/lib/identity/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const [hydra, database] = await Promise.all([hydraIsReady(), databaseIsReady()]);
  const ok = hydra && database;
  return Response.json(
    { status: ok ? "ok" : "unavailable", checks: { hydra, database } },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

async function databaseIsReady(): Promise<boolean> {
  try {
    await sql`select 1`.execute(await db());
    return true;
  } catch {
    return false;
  }
}
