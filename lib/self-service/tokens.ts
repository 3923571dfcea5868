import { createHash, createHmac, randomBytes, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import { db } from "@/lib/identity/db";
import type { Database } from "@/lib/identity/schema";

export type TokenPurpose = "verify_email" | "reset_password";

/** Wrong codes a verification may take before it is spent. */
export const maxCodeAttempts = 5;

// No 0/O, 1/I/L: a code is read from one screen and typed on another.
const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const codeLength = 8;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

export function hashCode(key: string, userId: string, code: string): string {
  return createHmac("sha256", key).update(`${userId}\n${normaliseCode(code)}`).digest("base64url");
}

/** What people type: spaces and dashes dropped, any case. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}

export function newCode(): string {
  return Array.from({ length: codeLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");
}

export type IssuedToken = { token: string; code?: string };

/**
 * A new link for `purpose`: 32 random bytes, of which only the SHA-256 is
 * stored. Issuing one spends the account's earlier links of the same purpose,
 * so only the newest e-mail works.
 */
export async function issueToken(
  input: { userId: string; purpose: TokenPurpose; loginChallenge?: string; ttlSeconds: number; now: Date; codeKey?: string },
  database?: Kysely<Database>,
): Promise<IssuedToken> {
  const store = database ?? (await db());
  const token = randomBytes(32).toString("base64url");
  const code = input.codeKey ? newCode() : undefined;
  await store
    .updateTable("email_tokens")
    .set({ used_at: input.now.toISOString() })
    .where("user_id", "=", input.userId)
    .where("purpose", "=", input.purpose)
    .where("used_at", "is", null)
    .execute();
  await store
    .insertInto("email_tokens")
    .values({
      token_hash: hashToken(token),
      purpose: input.purpose,
      user_id: input.userId,
      code_hash: code && input.codeKey ? hashCode(input.codeKey, input.userId, code) : null,
      login_challenge: input.loginChallenge ?? null,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + input.ttlSeconds * 1000).toISOString(),
      used_at: null,
    })
    .execute();
  return { token, code };
}

export type LinkState = "valid" | "used" | "expired" | "unknown";

export type TokenRow = { userId: string; purpose: TokenPurpose; loginChallenge?: string; expiresAt: Date; usedAt?: Date };

/** Whether a link may still be used: the pure decision behind every link page. */
export function linkState(row: TokenRow | undefined, purpose: TokenPurpose, now: Date): LinkState {
  if (!row || row.purpose !== purpose) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

export async function findToken(token: string, database?: Kysely<Database>): Promise<TokenRow | undefined> {
  const store = database ?? (await db());
  const row = await store.selectFrom("email_tokens").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    purpose: row.purpose as TokenPurpose,
    loginChallenge: row.login_challenge ?? undefined,
    expiresAt: new Date(row.expires_at),
    usedAt: row.used_at ? new Date(row.used_at) : undefined,
  };
}

/** Spends a link once: of two requests racing with it, one wins. */
export async function spendToken(token: string, purpose: TokenPurpose, now: Date, database?: Kysely<Database>): Promise<{ state: LinkState; row?: TokenRow }> {
  const store = database ?? (await db());
  const row = await findToken(token, store);
  const state = linkState(row, purpose, now);
  if (state !== "valid" || !row) return { state };
  const spent = await store
    .updateTable("email_tokens")
    .set({ used_at: now.toISOString() })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return spent.numUpdatedRows > 0n ? { state: "valid", row } : { state: "used" };
}

/**
 * Spends the account's newest verification by its code. A wrong code counts
 * against it; after maxCodeAttempts it is spent, so eight characters of 31
 * symbols cannot be guessed in the time a link lives.
 */
export async function spendCode(
  userId: string,
  code: string,
  codeKey: string,
  now: Date,
  database?: Kysely<Database>,
): Promise<{ state: "valid"; row: TokenRow } | { state: "wrong" | "none" }> {
  const store = database ?? (await db());
  const row = await store
    .selectFrom("email_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .where("purpose", "=", "verify_email")
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  if (!row?.code_hash) return { state: "none" };
  const right = row.code_hash === hashCode(codeKey, userId, code);
  if (!right) {
    const attempts = row.attempts + 1;
    await store
      .updateTable("email_tokens")
      .set({ attempts, ...(attempts >= maxCodeAttempts ? { used_at: now.toISOString() } : {}) })
      .where("token_hash", "=", row.token_hash)
      .execute();
    return { state: "wrong" };
  }
  const spent = await store.updateTable("email_tokens").set({ used_at: now.toISOString() }).where("token_hash", "=", row.token_hash).where("used_at", "is", null).executeTakeFirst();
  if (spent.numUpdatedRows === 0n) return { state: "wrong" };
  return {
    state: "valid",
    row: { userId, purpose: "verify_email", loginChallenge: row.login_challenge ?? undefined, expiresAt: new Date(row.expires_at), usedAt: now },
  };
}
