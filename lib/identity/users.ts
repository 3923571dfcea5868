import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { db } from "./db";
import { hashPassword, needsRehash, noPassword, verifyPassword } from "./passwords";
import type { Database, UsersTable } from "./schema";
import type { User } from "./user";

export type NewUser = {
  email: string;
  password: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  emailVerified?: boolean;
  locale?: string;
  picture?: string;
  phoneNumber?: string;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(input: NewUser, database?: Kysely<Database>): Promise<User> {
  const store = database ?? (await db());
  const now = new Date().toISOString();
  const row = {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    password_hash: await hashPassword(input.password),
    name: input.name ?? null,
    given_name: input.givenName ?? null,
    family_name: input.familyName ?? null,
    email_verified: input.emailVerified ? 1 : 0,
    locale: input.locale ?? null,
    picture: input.picture ?? null,
    phone_number: input.phoneNumber ?? null,
    address: null,
    created_at: now,
    updated_at: now,
    sessions_ended_at: null,
  };
  await store.insertInto("users").values(row).execute();
  return toUser({ ...row, phone_number_verified: 0, roles: "" });
}

export async function findUserById(id: string, database?: Kysely<Database>): Promise<User | undefined> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(email: string, database?: Kysely<Database>): Promise<User | undefined> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(database?: Kysely<Database>): Promise<User[]> {
  const store = database ?? (await db());
  const rows = await store.selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUser);
}

export async function removeUser(email: string, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const result = await store.deleteFrom("users").where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function setPassword(email: string, password: string, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const result = await store
    .updateTable("users")
    .set({ password_hash: await hashPassword(password), updated_at: new Date().toISOString() })
    .where("email", "=", normaliseEmail(email))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The one way to check a password. An unknown email and a wrong password take
 * the same time and give the same answer.
 */
export async function authenticate(email: string, password: string, database?: Kysely<Database>): Promise<User | undefined> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  const valid = await verifyPassword(row?.password_hash, password);
  if (!valid || !row) return undefined;
  if (needsRehash(row.password_hash)) {
    // The only moment the plain password is known: upgrade hashes made with older parameters.
    await store.updateTable("users").set({ password_hash: await hashPassword(password) }).where("id", "=", row.id).execute();
  }
  return toUser(row);
}

/** The fields a person edits on the account page; each becomes a claim of the next ID token. */
export type ProfileUpdate = { name: string | null; givenName: string | null; familyName: string | null; locale: string | null };

export async function updateProfile(id: string, profile: ProfileUpdate, database?: Kysely<Database>): Promise<User | undefined> {
  const store = database ?? (await db());
  await store
    .updateTable("users")
    .set({
      name: profile.name,
      given_name: profile.givenName,
      family_name: profile.familyName,
      locale: profile.locale,
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", id)
    .execute();
  return findUserById(id, store);
}

/**
 * Replaces the password of the account `id` after checking its current one,
 * with the same argon2id (and the same time for a wrong password) as sign-in.
 */
export async function changePassword(id: string, current: string, next: string, database?: Kysely<Database>): Promise<"changed" | "wrong_password"> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst();
  if (!(await verifyPassword(row?.password_hash, current)) || !row) return "wrong_password";
  await store
    .updateTable("users")
    .set({ password_hash: await hashPassword(next), updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
  return "changed";
}

/** False for an account made by an upstream sign-in that has not set a password since. */
export async function hasPassword(id: string, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst();
  return row !== undefined && row.password_hash !== noPassword;
}

/**
 * The first password of an account that has none. The update matches only
 * while there is none, so it never replaces a password set meanwhile, which
 * only a change with the current password may do.
 */
export async function setFirstPassword(id: string, password: string, database?: Kysely<Database>): Promise<"set" | "has_password"> {
  const store = database ?? (await db());
  const hash = await hashPassword(password);
  const result = await store
    .updateTable("users")
    .set({ password_hash: hash, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("password_hash", "=", noPassword)
    .executeTakeFirst();
  return (result.numUpdatedRows ?? 0n) > 0n ? "set" : "has_password";
}

/** An e-mailed link or code came back: the address is the person's. */
export async function markEmailVerified(id: string, database?: Kysely<Database>): Promise<void> {
  const store = database ?? (await db());
  await store.updateTable("users").set({ email_verified: 1, updated_at: new Date().toISOString() }).where("id", "=", id).execute();
}

/** A password reset through an e-mailed link: no current password to check. */
export async function resetPassword(id: string, password: string, database?: Kysely<Database>): Promise<void> {
  const store = database ?? (await db());
  await store
    .updateTable("users")
    .set({ password_hash: await hashPassword(password), email_verified: 1, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Ends every account-page session of `id` begun before `at`: the next request of each is signed out. */
export async function endSessions(id: string, at: Date, database?: Kysely<Database>): Promise<void> {
  const store = database ?? (await db());
  await store.updateTable("users").set({ sessions_ended_at: at.toISOString() }).where("id", "=", id).execute();
}

export type Role = "admin";

/** Grants or removes a role (the users CLI only: never self-service). False when there is no such account. */
export async function setRole(email: string, role: Role, granted: boolean, database?: Kysely<Database>): Promise<boolean> {
  const store = database ?? (await db());
  const row = await store.selectFrom("users").select(["id", "roles"]).where("email", "=", normaliseEmail(email)).executeTakeFirst();
  if (!row) return false;
  const roles = new Set(row.roles.split(" ").filter(Boolean));
  if (granted) roles.add(role);
  else roles.delete(role);
  await store.updateTable("users").set({ roles: [...roles].sort().join(" ") }).where("id", "=", row.id).execute();
  return true;
}

const addressSchema = z.record(z.string(), z.string());

function toUser(row: Selectable<UsersTable>): User {
  let address: Record<string, string> | undefined;
  try {
    address = row.address ? addressSchema.parse(JSON.parse(row.address)) : undefined;
  } catch {
    address = undefined;
  }
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.email_verified === 1,
    name: row.name ?? undefined,
    givenName: row.given_name ?? undefined,
    familyName: row.family_name ?? undefined,
    locale: row.locale ?? undefined,
    picture: row.picture ?? undefined,
    phoneNumber: row.phone_number ?? undefined,
    phoneNumberVerified: row.phone_number_verified === 1,
    address,
    updatedAt: new Date(row.updated_at),
    sessionsEndedAt: row.sessions_ended_at ? new Date(row.sessions_ended_at) : undefined,
    roles: row.roles.split(" ").filter(Boolean),
  };
}
