import { hash, verify } from "@node-rs/argon2";
import { hashSlots } from "./hash-slots";

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Argon2id is the library's default algorithm. */
export const hashParameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hashSlots.run(() => hash(password, hashParameters));
}

// Checked when the account does not exist, so that an unknown email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Stored instead of a hash for an account made by an upstream sign-in: no
 * password matches it, and checking one costs as long as a wrong password.
 */
export const noPassword = "!no-password";

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash || storedHash === noPassword) {
    dummyHash ??= hashPassword("not a real password");
    const dummy = await dummyHash;
    await hashSlots.run(() => verify(dummy, password)).catch(() => false);
    return false;
  }
  return hashSlots.run(() => verify(storedHash, password)).catch(() => false);
}

/** True when a stored hash was made with another algorithm or weaker parameters than today's. */
export function needsRehash(storedHash: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!match) return true;
  const [, memory, time, lanes] = match.map(Number);
  return memory !== hashParameters.memoryCost || time !== hashParameters.timeCost || lanes !== hashParameters.parallelism;
}
