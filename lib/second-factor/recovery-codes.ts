import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const recoveryCodeCount = 10;

/**
 * Ten single-use codes of ten characters (50 bits each), shown once as
 * "ABCDE-FGHJK". Being random and long, they are stored as SHA-256 hashes: a
 * slow password hash would add nothing against guessing 2^50.
 */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** The code as typed, read the way Crockford decodes it: any case, dashes and spaces ignored, O as 0, I and L as 1. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("base64url");
}

/** The index of the unused hash this code matches, or -1; every hash is compared, in constant time each. */
export function matchRecoveryCode(typed: string, unusedHashes: readonly string[]): number {
  const normalised = normaliseRecoveryCode(typed);
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(normalised)) return -1;
  const hash = Buffer.from(hashRecoveryCode(normalised));
  let found = -1;
  unusedHashes.forEach((candidate, index) => {
    const other = Buffer.from(candidate);
    if (other.length === hash.length && timingSafeEqual(other, hash) && found < 0) found = index;
  });
  return found;
}
