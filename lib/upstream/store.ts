import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { db } from "@/lib/identity/db";
import { noPassword } from "@/lib/identity/passwords";
import type { Database } from "@/lib/identity/schema";
import { normaliseEmail } from "@/lib/identity/users";
import type { UpstreamProfile } from "./profile";

/** What the upstream said of its own sign-in: its acr and amr (absent when it did not say). */
export type UpstreamLevel = { acr?: string; amr: string[] };

/** The account an upstream subject is linked to, if any. */
export async function linkedAccount(provider: string, subject: string, database?: Kysely<Database>): Promise<string | undefined> {
  const store = database ?? (await db());
  const row = await store
    .selectFrom("upstream_links")
    .select("user_id")
    .where("provider", "=", provider)
    .where("upstream_subject", "=", subject)
    .executeTakeFirst();
  return row?.user_id;
}

/**
 * A new account from a first upstream sign-in, linked to it in the same
 * transaction. It has no password: the password form can never sign in to it.
 * Undefined when an account with this email appeared in the meantime.
 */
export async function createLinkedAccount(
  provider: string,
  subject: string,
  profile: UpstreamProfile & { email: string },
  at: Date,
  database?: Kysely<Database>,
): Promise<string | undefined> {
  const store = database ?? (await db());
  const id = randomUUID();
  const now = at.toISOString();
  try {
    await store.transaction().execute(async (trx) => {
      await trx
        .insertInto("users")
        .values({
          id,
          email: normaliseEmail(profile.email),
          password_hash: noPassword,
          name: profile.name ?? null,
          given_name: profile.givenName ?? null,
          family_name: profile.familyName ?? null,
          email_verified: profile.emailVerified ? 1 : 0,
          locale: profile.locale ?? null,
          picture: profile.picture ?? null,
          phone_number: null,
          address: null,
          created_at: now,
          updated_at: now,
          sessions_ended_at: null,
        })
        .execute();
      await trx.insertInto("upstream_links").values({ provider, upstream_subject: subject, user_id: id, created_at: now, last_used_at: null, last_acr: null, last_amr: null }).execute();
    });
  } catch (error) {
    // The unique email (or the link's key) was taken by a parallel sign-in: the caller looks again.
    if (/unique|duplicate/i.test(String((error as Error).message))) return undefined;
    throw error;
  }
  return id;
}

/** Links an upstream subject to an existing account, once its owner proved it. False when the subject is linked already. */
export async function linkAccount(provider: string, subject: string, userId: string, at: Date, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const result = await store
    .insertInto("upstream_links")
    .values({ provider, upstream_subject: subject, user_id: userId, created_at: at.toISOString(), last_used_at: null, last_acr: null, last_amr: null })
    .onConflict((conflict) => conflict.columns(["provider", "upstream_subject"]).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Keeps what the upstream reported for this sign-in. */
export async function recordUpstreamSignIn(provider: string, subject: string, level: UpstreamLevel, at: Date, database?: Kysely<Database>): Promise<void> {
  const store = database ?? (await db());
  await store
    .updateTable("upstream_links")
    .set({ last_used_at: at.toISOString(), last_acr: level.acr ?? null, last_amr: JSON.stringify(level.amr) })
    .where("provider", "=", provider)
    .where("upstream_subject", "=", subject)
    .execute();
}

/** The account's links, newest first (for the account page and the users CLI). */
export async function linksOf(userId: string, database?: Kysely<Database>) {
  const store = database ?? (await db());
  const rows = await store.selectFrom("upstream_links").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").execute();
  return rows.map((row) => ({
    provider: row.provider,
    subject: row.upstream_subject,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : undefined,
    lastAcr: row.last_acr ?? undefined,
    lastAmr: row.last_amr ? (JSON.parse(row.last_amr) as string[]) : [],
  }));
}

/** Takes one link away from the account; false when it was not the account's (or is gone already). */
export async function removeLink(userId: string, provider: string, subject: string, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const result = await store
    .deleteFrom("upstream_links")
    .where("user_id", "=", userId)
    .where("provider", "=", provider)
    .where("upstream_subject", "=", subject)
    .executeTakeFirst();
  return (result.numDeletedRows ?? 0n) > 0n;
}
