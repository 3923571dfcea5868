import type { JsonWebKey } from "@ory/client-fetch";
import { calculateJwkThumbprint, importJWK } from "jose";
import { z } from "zod";

export const jwkMessageKeys = [
  "admin.issuer.errors.jwkTooLarge",
  "admin.issuer.errors.jwkJson",
  "admin.issuer.errors.jwkNotObject",
  "admin.issuer.errors.jwkIsSet",
  "admin.issuer.errors.jwkPrivate",
  "admin.issuer.errors.jwkKty",
  "admin.issuer.errors.jwkKidMissing",
  "admin.issuer.errors.jwkAlg",
  "admin.issuer.errors.jwkUse",
  "admin.issuer.errors.jwkRsaTooShort",
  "admin.issuer.errors.jwkUnusable",
] as const;
export type JwkMessageKey = (typeof jwkMessageKeys)[number];

export type ParsedJwk =
  | { ok: true; jwk: JsonWebKey; thumbprint: string }
  | { ok: false; error: JwkMessageKey; detail?: string };

/** Members that only a private (or symmetric) key has (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). */
export const privateJwkMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

/** True for a symmetric key or any key carrying private material: such a key must never be stored as "trusted". */
export function isPrivateJwk(jwk: Record<string, unknown>): boolean {
  return jwk.kty === "oct" || privateJwkMembers.some((member) => member in jwk);
}

/**
 * The algorithms a trusted issuer's assertion can be verified with. Hydra v2.3.0
 * hands the assertion to fosite 0.49's rfc7523 handler, which verifies it with
 * go-jose v3 against the stored key: RSA (RS*, PS*), ECDSA on the matching curve,
 * and Ed25519 (EdDSA; go-jose v3 knows no other OKP curve and no "Ed25519" alg name).
 */
const allowedAlgs = {
  RSA: { RS256: undefined, RS384: undefined, RS512: undefined, PS256: undefined, PS384: undefined, PS512: undefined },
  EC: { ES256: "P-256", ES384: "P-384", ES512: "P-521" },
  OKP: { EdDSA: "Ed25519" },
} as const satisfies Record<string, Record<string, string | undefined>>;

const maxJwkText = 16 * 1024;
const minRsaBits = 2048;

const publicJwkSchema = z.discriminatedUnion("kty", [
  z.object({ kty: z.literal("RSA"), n: z.string().min(1), e: z.string().min(1) }),
  z.object({ kty: z.literal("EC"), crv: z.string(), x: z.string().min(1), y: z.string().min(1) }),
  z.object({ kty: z.literal("OKP"), crv: z.string(), x: z.string().min(1) }),
]);

/**
 * A pasted or uploaded public JWK for a trusted JWT issuer, checked and reduced to
 * its public members (x5c and other extras are dropped: Hydra would otherwise
 * check a certificate chain we never show).
 *
 * The `kid` is required, not derived: Hydra refuses a JWK without one
 * (oauth2/trust/validator.go), and fosite looks the key up by the `kid` in the
 * assertion's header (rfc7523 findPublicKeyForToken), so a kid we made up would
 * match only issuers that happen to use RFC 7638 thumbprints. The thumbprint is
 * offered in the error detail for exactly that case.
 */
export async function parsePublicJwk(text: string): Promise<ParsedJwk> {
  if (text.length > maxJwkText) return { ok: false, error: "admin.issuer.errors.jwkTooLarge" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "admin.issuer.errors.jwkJson" };
  }
  if (!isRecord(value)) return { ok: false, error: "admin.issuer.errors.jwkNotObject" };
  if ("keys" in value) {
    // A JWKS with one key is what many issuers publish: take that key.
    const keys = value.keys;
    if (!Array.isArray(keys) || keys.length !== 1) return { ok: false, error: "admin.issuer.errors.jwkIsSet" };
    value = keys[0];
    if (!isRecord(value)) return { ok: false, error: "admin.issuer.errors.jwkNotObject" };
  }
  return checkedJwk(value);
}

async function checkedJwk(raw: Record<string, unknown>): Promise<ParsedJwk> {
  if (isPrivateJwk(raw)) return { ok: false, error: "admin.issuer.errors.jwkPrivate" };
  const parsed = publicJwkSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "admin.issuer.errors.jwkKty" };
  const key = parsed.data;
  const thumbprint = await calculateJwkThumbprint(key);
  if (typeof raw.kid !== "string" || raw.kid.trim() === "") {
    return { ok: false, error: "admin.issuer.errors.jwkKidMissing", detail: thumbprint };
  }
  if (raw.use !== undefined && raw.use !== "sig") return { ok: false, error: "admin.issuer.errors.jwkUse" };
  const alg = raw.alg;
  const algs: Record<string, string | undefined> = allowedAlgs[key.kty];
  if (typeof alg !== "string" || !Object.hasOwn(algs, alg) || ("crv" in key && algs[alg] !== key.crv)) {
    return { ok: false, error: "admin.issuer.errors.jwkAlg", detail: Object.keys(algs).join(" ") };
  }
  const jwk: JsonWebKey = { ...key, kid: raw.kid, alg, use: "sig" };
  try {
    // Proves the numbers form a key (an EC point on its curve, a well-formed modulus).
    const imported = await importJWK({ ...key, alg }, alg);
    if (key.kty === "RSA" && rsaModulusBits(imported) < minRsaBits) {
      // jose and most verifiers refuse RSA keys under 2048 bits; go-jose would not, but the key is weak anyway.
      return { ok: false, error: "admin.issuer.errors.jwkRsaTooShort" };
    }
  } catch {
    return { ok: false, error: "admin.issuer.errors.jwkUnusable" };
  }
  return { ok: true, jwk, thumbprint };
}

function rsaModulusBits(key: CryptoKey | Uint8Array): number {
  if (key instanceof Uint8Array) return 0;
  const algorithm = key.algorithm as Partial<RsaHashedKeyAlgorithm>;
  return algorithm.modulusLength ?? 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
