import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { db } from "@/lib/identity/db";
import type { Database } from "@/lib/identity/schema";

/** One change made from the admin console. `summary` never holds a secret (lib/admin/audit-summary.ts). */
export type AuditEntry = {
  id: string;
  seq: number;
  at: Date;
  actor: { subject: string; email?: string };
  action: string;
  target: { type: string; id: string };
  summary: unknown;
  requestId?: string;
};

export type NewAuditEntry = Omit<AuditEntry, "id" | "seq" | "at">;

/**
 * Appends an entry. `seq` is the next number after the highest, taken in the
 * insert itself; two consoles writing at once collide on its unique index and
 * the later one takes the next number.
 */
export async function recordChange(entry: NewAuditEntry, database?: Kysely<Database>): Promise<AuditEntry> {
  const store = database ?? (await db());
  const row = {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor_subject: entry.actor.subject,
    actor_email: entry.actor.email ?? null,
    action: entry.action,
    target_type: entry.target.type,
    target_id: entry.target.id,
    summary: JSON.stringify(entry.summary ?? null),
    request_id: entry.requestId ?? null,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await store
        .insertInto("audit_log")
        .values({ ...row, seq: sql<number>`(SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)` })
        .execute();
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  const inserted = await store.selectFrom("audit_log").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
  return toEntry(inserted);
}

/** The newest entries first, `limit` of them, older than `beforeSeq` when given. */
export async function listChanges(options: { limit: number; beforeSeq?: number }, database?: Kysely<Database>): Promise<AuditEntry[]> {
  const store = database ?? (await db());
  let query = store.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where("seq", "<", options.beforeSeq);
  return (await query.execute()).map(toEntry);
}

/** The newest entry of this action on this target, if any (the log has no index on targets: for one page's detail, not for lists). */
export async function latestChangeTo(target: { type: string; id: string }, action: string, database?: Kysely<Database>): Promise<AuditEntry | undefined> {
  const store = database ?? (await db());
  const row = await store
    .selectFrom("audit_log")
    .selectAll()
    .where("target_type", "=", target.type)
    .where("target_id", "=", target.id)
    .where("action", "=", action)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && toEntry(row);
}

/** Every entry, oldest first, in batches: the JSON-lines export streams it without holding the log in memory. */
export async function* allChanges(batch = 500, database?: Kysely<Database>): AsyncGenerator<AuditEntry> {
  const store = database ?? (await db());
  for (let after = 0; ; ) {
    const rows = await store.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq", "asc").limit(batch).execute();
    for (const row of rows) yield toEntry(row);
    if (rows.length < batch) return;
    after = Number(rows.at(-1)!.seq);
  }
}

function toEntry(row: Database["audit_log"]): AuditEntry {
  let summary: unknown = null;
  try {
    summary = JSON.parse(row.summary);
  } catch {
    summary = row.summary;
  }
  return {
    id: row.id,
    seq: Number(row.seq),
    at: new Date(row.at),
    actor: { subject: row.actor_subject, email: row.actor_email ?? undefined },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    summary,
    requestId: row.request_id ?? undefined,
  };
}
