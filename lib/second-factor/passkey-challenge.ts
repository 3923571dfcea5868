import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A passkey ceremony's challenge (WebAuthn §13.4.3: random, at least 16
 * bytes, verified by the relying party) that needs no server state until it
 * is answered: 16 random bytes, the expiry, and an HMAC over them, the
 * ceremony's purpose and what it is bound to (a login challenge, a login
 * challenge and the account to prove, or the account adding a passkey). A challenge issued for one flow or account is
 * worthless for another. It is made single use by recording it as spent
 * (lib/second-factor/passkey-store.ts spendPasskeyChallenge).
 */
export type ChallengePurpose = "sign_in" | "prove_account" | "register";

export type ChallengeCheck = { kind: "valid"; expiresAt: Date } | { kind: "invalid" } | { kind: "expired" };

/** How long a ceremony may take, from the page being shown to its form being posted. */
export const challengeLifetimeMs = 5 * 60 * 1000;

const nonceBytes = 16;
const expiryBytes = 8;
const macBytes = 32;

function mac(key: string, purpose: ChallengePurpose, binding: string, nonce: Buffer, expiry: Buffer): Buffer {
  const bound = createHash("sha256").update(binding).digest();
  return createHmac("sha256", key).update(purpose).update("\0").update(bound).update(nonce).update(expiry).digest();
}

export function issueChallenge(options: { key: string; purpose: ChallengePurpose; binding: string; now: number; lifetimeMs?: number }): string {
  const nonce = randomBytes(nonceBytes);
  const expiry = Buffer.alloc(expiryBytes);
  expiry.writeBigUInt64BE(BigInt(options.now + (options.lifetimeMs ?? challengeLifetimeMs)));
  return Buffer.concat([nonce, expiry, mac(options.key, options.purpose, options.binding, nonce, expiry)]).toString("base64url");
}

/** Whether a challenge (base64url, as clientDataJSON carries it) is ours, for this purpose and binding, and not yet expired. */
export function checkChallenge(options: { key: string; purpose: ChallengePurpose; binding: string; now: number; challenge: string }): ChallengeCheck {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(options.challenge)) return { kind: "invalid" };
  const bytes = Buffer.from(options.challenge, "base64url");
  if (bytes.length !== nonceBytes + expiryBytes + macBytes) return { kind: "invalid" };
  const nonce = bytes.subarray(0, nonceBytes);
  const expiry = bytes.subarray(nonceBytes, nonceBytes + expiryBytes);
  const expected = mac(options.key, options.purpose, options.binding, nonce, expiry);
  if (!timingSafeEqual(expected, bytes.subarray(nonceBytes + expiryBytes))) return { kind: "invalid" };
  const expiresAt = Number(expiry.readBigUInt64BE());
  return options.now < expiresAt ? { kind: "valid", expiresAt: new Date(expiresAt) } : { kind: "expired" };
}
