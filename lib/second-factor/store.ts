import type { Kysely } from "kysely";
import { db } from "@/lib/identity/db";
import type { Database } from "@/lib/identity/schema";
import type { Achieved } from "./levels";

type Store = Kysely<Database> | undefined;
const open = async (database: Store) => database ?? (await db());

export type TotpFactor = { sealed: string; lastStep: number | undefined; confirmed: boolean };

/** Starts (or restarts) enrolment: the seed is kept, unconfirmed, until a first code is typed back. */
export async function saveTotp(userId: string, sealed: string, now: Date, database?: Store): Promise<void> {
  const store = await open(database);
  await store.deleteFrom("totp_factors").where("user_id", "=", userId).execute();
  await store.insertInto("totp_factors").values({ user_id: userId, secret_sealed: sealed, last_step: null, created_at: now.toISOString(), confirmed_at: null }).execute();
}

export async function totpOf(userId: string, database?: Store): Promise<TotpFactor | undefined> {
  const row = await (await open(database)).selectFrom("totp_factors").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return row && { sealed: row.secret_sealed, lastStep: row.last_step === null ? undefined : Number(row.last_step), confirmed: row.confirmed_at !== null };
}

/**
 * Spends a code's step: true only for the first caller with a step later than
 * the last one spent, in one statement, so two sign-ins racing with the same
 * code cannot both pass. The first spent step also confirms the factor.
 */
export async function spendTotpStep(userId: string, step: number, now: Date, database?: Store): Promise<boolean> {
  const result = await (await open(database))
    .updateTable("totp_factors")
    .set((eb) => ({ last_step: step, confirmed_at: eb.fn.coalesce("confirmed_at", eb.val(now.toISOString())) }))
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_step", "is", null), eb("last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The same seed sealed again, under the newest key after the session secrets rotated. */
export async function resealTotp(userId: string, sealed: string, database?: Store): Promise<void> {
  await (await open(database)).updateTable("totp_factors").set({ secret_sealed: sealed }).where("user_id", "=", userId).execute();
}

export async function removeTotp(userId: string, database?: Store): Promise<void> {
  await (await open(database)).deleteFrom("totp_factors").where("user_id", "=", userId).execute();
}

/** A new set replaces the old one whole: codes shown before stop working. */
export async function replaceRecoveryCodes(userId: string, hashes: readonly string[], now: Date, database?: Store): Promise<void> {
  const store = await open(database);
  await store.transaction().execute(async (tx) => {
    await tx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
    if (hashes.length > 0) {
      await tx.insertInto("recovery_codes").values(hashes.map((code_hash) => ({ code_hash, user_id: userId, created_at: now.toISOString(), used_at: null }))).execute();
    }
  });
}

export async function unusedRecoveryCodes(userId: string, database?: Store): Promise<string[]> {
  const rows = await (await open(database)).selectFrom("recovery_codes").select("code_hash").where("user_id", "=", userId).where("used_at", "is", null).execute();
  return rows.map((row) => row.code_hash);
}

/** Marks a code used, once: false when it was used already (or is not this account's). */
export async function spendRecoveryCode(userId: string, hash: string, now: Date, database?: Store): Promise<boolean> {
  const result = await (await open(database))
    .updateTable("recovery_codes")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What a Hydra login session proved, so a remembered login reports it again (and no more). */
export async function recordSessionLevel(sid: string, achieved: Achieved, now: Date, expiresAt: Date, database?: Store): Promise<void> {
  const store = await open(database);
  const row = { sid, acr: achieved.acr, amr: achieved.amr.join(" "), expires_at: expiresAt.toISOString() };
  // Rows are written only when a sign-in proved more than a password, so sweeping the expired ones here stays cheap.
  await store.deleteFrom("login_session_levels").where("expires_at", "<=", now.toISOString()).execute();
  await store
    .insertInto("login_session_levels")
    .values(row)
    .onConflict((oc) => oc.column("sid").doUpdateSet({ acr: row.acr, amr: row.amr, expires_at: row.expires_at }))
    .execute();
}

export async function sessionLevel(sid: string, now: Date, database?: Store): Promise<Achieved | undefined> {
  const row = await (await open(database)).selectFrom("login_session_levels").selectAll().where("sid", "=", sid).executeTakeFirst();
  if (!row || new Date(row.expires_at) <= now) return undefined;
  return { acr: row.acr === "2" ? "2" : "1", amr: row.amr.split(" ").filter(Boolean) };
}

/** Whether sign-in can ask this account for a second factor: an authenticator app set up and confirmed. */
export async function hasSecondFactor(userId: string, database?: Store): Promise<boolean> {
  return (await totpOf(userId, database))?.confirmed ?? false;
}

export type FactorSummary = {
  app: "none" | "pending" | "set_up";
  recoveryCodesLeft: number;
  passkeys: Array<{ name: string; createdAt: string; lastUsedAt: string | null }>;
};

/** What an operator sees of an account's factors (the users CLI); never a secret. */
export async function factorSummary(userId: string, database?: Store): Promise<FactorSummary> {
  const store = await open(database);
  const totp = await totpOf(userId, store);
  const passkeys = await store.selectFrom("passkeys").select(["name", "created_at", "last_used_at"]).where("user_id", "=", userId).orderBy("created_at").execute();
  return {
    app: totp ? (totp.confirmed ? "set_up" : "pending") : "none",
    recoveryCodesLeft: (await unusedRecoveryCodes(userId, store)).length,
    passkeys: passkeys.map((row) => ({ name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at })),
  };
}

/** An operator's reset, e.g. after a lost phone: the app, the recovery codes and the passkeys go; the password stays. */
export async function removeAllFactors(userId: string, database?: Store): Promise<void> {
  const store = await open(database);
  await store.transaction().execute(async (tx) => {
    for (const table of ["totp_factors", "recovery_codes", "passkeys"] as const) await tx.deleteFrom(table).where("user_id", "=", userId).execute();
  });
}
