import type { Kysely } from "kysely";
import { db } from "@/lib/identity/db";
import type { Database } from "@/lib/identity/schema";

type Store = Kysely<Database> | undefined;
const open = async (database: Store) => database ?? (await db());

/** "singleDevice": bound to one authenticator; "multiDevice": may be synced to others (WebAuthn §6.1.3, backup eligibility). */
export type DeviceType = "singleDevice" | "multiDevice";

/** A passkey as the account page lists it. */
export type PasskeySummary = {
  credentialId: string;
  name: string;
  deviceType: DeviceType;
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | undefined;
};

/** What verifying an assertion needs: the key, the counter seen last, and whose it is. */
export type StoredPasskey = {
  credentialId: string;
  userId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  signCount: number;
  transports: string[];
  deviceType: DeviceType;
};

export type NewPasskey = Omit<StoredPasskey, "userId"> & { name: string; backedUp: boolean };

const deviceType = (value: string): DeviceType => (value === "multiDevice" ? "multiDevice" : "singleDevice");

/** Keeps a new passkey; false when that credential is already registered (to this account or another). */
export async function savePasskey(userId: string, passkey: NewPasskey, now: Date, database?: Store): Promise<boolean> {
  const result = await (await open(database))
    .insertInto("passkeys")
    .values({
      credential_id: passkey.credentialId,
      user_id: userId,
      public_key: passkey.publicKey,
      sign_count: passkey.signCount,
      transports: passkey.transports.join(" "),
      device_type: passkey.deviceType,
      backed_up: passkey.backedUp ? 1 : 0,
      name: passkey.name,
      created_at: now.toISOString(),
      last_used_at: null,
    })
    .onConflict((oc) => oc.column("credential_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function passkeysOf(userId: string, database?: Store): Promise<PasskeySummary[]> {
  const rows = await (await open(database))
    .selectFrom("passkeys")
    .select(["credential_id", "name", "device_type", "backed_up", "created_at", "last_used_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .orderBy("credential_id")
    .execute();
  return rows.map((row) => ({
    credentialId: row.credential_id,
    name: row.name,
    deviceType: deviceType(row.device_type),
    backedUp: Number(row.backed_up) === 1,
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at === null ? undefined : new Date(row.last_used_at),
  }));
}

export async function passkeyByCredentialId(credentialId: string, database?: Store): Promise<StoredPasskey | undefined> {
  const row = await (await open(database)).selectFrom("passkeys").selectAll().where("credential_id", "=", credentialId).executeTakeFirst();
  return (
    row && {
      credentialId: row.credential_id,
      userId: row.user_id,
      publicKey: row.public_key,
      // bigint: PostgreSQL hands it back as a string.
      signCount: Number(row.sign_count),
      transports: row.transports.split(" ").filter(Boolean),
      deviceType: deviceType(row.device_type),
    }
  );
}

/**
 * Records a sign-in with the passkey: its new signature counter, backup state
 * and time. The counter must move forward from the one verified against, in
 * the same statement, so two sign-ins racing with one counter value cannot
 * both pass (WebAuthn §7.2 step 22); an authenticator without a counter
 * reports 0 every time.
 */
export async function recordPasskeyUse(
  credentialId: string,
  use: { previousCount: number; signCount: number; backedUp: boolean },
  now: Date,
  database?: Store,
): Promise<boolean> {
  const forward = use.signCount > use.previousCount || (use.signCount === 0 && use.previousCount === 0);
  if (!forward) return false;
  const result = await (await open(database))
    .updateTable("passkeys")
    .set({ sign_count: use.signCount, backed_up: use.backedUp ? 1 : 0, last_used_at: now.toISOString() })
    .where("credential_id", "=", credentialId)
    .where("sign_count", "=", use.previousCount)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function renamePasskey(userId: string, credentialId: string, name: string, database?: Store): Promise<boolean> {
  const result = await (await open(database)).updateTable("passkeys").set({ name }).where("user_id", "=", userId).where("credential_id", "=", credentialId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removePasskey(userId: string, credentialId: string, database?: Store): Promise<boolean> {
  const result = await (await open(database)).deleteFrom("passkeys").where("user_id", "=", userId).where("credential_id", "=", credentialId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Marks a ceremony's challenge answered: true for the first answer only, in
 * one statement, so the same assertion or attestation can never be used
 * twice, even raced. Expired entries are cleared on the way: their challenges
 * are refused as expired anyway.
 */
export async function spendPasskeyChallenge(challenge: string, expiresAt: Date, now: Date, database?: Store): Promise<boolean> {
  const store = await open(database);
  await store.deleteFrom("spent_passkey_challenges").where("expires_at", "<", now.toISOString()).execute();
  const result = await store
    .insertInto("spent_passkey_challenges")
    .values({ challenge, expires_at: expiresAt.toISOString() })
    .onConflict((oc) => oc.column("challenge").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
