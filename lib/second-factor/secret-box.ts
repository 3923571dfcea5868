import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Secrets kept at rest (authenticator-app seeds) are sealed with AES-256-GCM
 * under a key derived from one of the session secrets, whose id is written
 * in front: the newest seals, every configured one opens, so rotating the
 * session secrets (SESSION_SECRETS) rotates these keys too. The purpose is
 * bound in as associated data, so a sealed value cannot be moved to another use.
 */
export type SealingKeys = Record<string, string>;

const version = "s1";

function keyFor(secret: string): Buffer {
  return createHmac("sha256", secret).update("second-factor secret box").digest();
}

function newestId(keys: SealingKeys): string {
  const ids = Object.keys(keys);
  if (ids.length === 0) throw new Error("no sealing key");
  return ids.reduce((a, b) => (Number(b) > Number(a) ? b : a));
}

export function sealSecret(plain: string, purpose: string, keys: SealingKeys): string {
  const id = newestId(keys);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(keys[id]!), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [version, id, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/** The plain secret, or undefined when it was sealed for another purpose, with a key no longer configured, or tampered with. */
export function openSecret(sealed: string, purpose: string, keys: SealingKeys): string | undefined {
  const [v, id, iv, body] = sealed.split(".");
  if (v !== version || !id || !iv || !body || !Object.hasOwn(keys, id)) return undefined;
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(keys[id]!), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}

/** Whether a sealed value should be sealed again with the newest key (after a rotation). */
export function needsResealing(sealed: string, keys: SealingKeys): boolean {
  return sealed.split(".")[1] !== newestId(keys);
}
