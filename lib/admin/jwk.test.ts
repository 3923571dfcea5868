import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isPrivateJwk, parsePublicJwk } from "./jwk";

function keyPair(kind: "rsa2048" | "rsa1024" | "p256" | "p384" | "ed25519") {
  const { publicKey, privateKey } =
    kind === "rsa2048" || kind === "rsa1024"
      ? generateKeyPairSync("rsa", { modulusLength: kind === "rsa2048" ? 2048 : 1024 })
      : kind === "ed25519"
        ? generateKeyPairSync("ed25519")
        : generateKeyPairSync("ec", { namedCurve: kind === "p256" ? "P-256" : "P-384" });
  return { publicJwk: publicKey.export({ format: "jwk" }), privateJwk: privateKey.export({ format: "jwk" }) };
}

const text = (value: unknown) => JSON.stringify(value);

describe("parsePublicJwk", () => {
  it.each([
    ["rsa2048", "RS256"],
    ["rsa2048", "PS512"],
    ["p256", "ES256"],
    ["p384", "ES384"],
    ["ed25519", "EdDSA"],
  ] as const)("accepts a public %s key for %s and keeps only its public members", async (kind, alg) => {
    const { publicJwk } = keyPair(kind);
    const result = await parsePublicJwk(text({ ...publicJwk, kid: "k1", alg, x5c: ["MIIB"], ext: true }));
    expect(result).toMatchObject({ ok: true, jwk: { ...publicJwk, kid: "k1", alg, use: "sig" } });
    if (result.ok) {
      expect(result.jwk).not.toHaveProperty("x5c");
      expect(result.thumbprint).toMatch(/^[\w-]{43}$/);
    }
  });

  it("takes the key out of a set that holds exactly one", async () => {
    const { publicJwk } = keyPair("p256");
    expect(await parsePublicJwk(text({ keys: [{ ...publicJwk, kid: "a", alg: "ES256" }] }))).toMatchObject({ ok: true });
    expect(await parsePublicJwk(text({ keys: [] }))).toEqual({ ok: false, error: "admin.issuer.errors.jwkIsSet" });
  });

  it.each(["rsa2048", "p256", "ed25519"] as const)("refuses a private %s key with its own message", async (kind) => {
    const { privateJwk } = keyPair(kind);
    expect(await parsePublicJwk(text({ ...privateJwk, kid: "k", alg: "RS256" }))).toEqual({
      ok: false,
      error: "admin.issuer.errors.jwkPrivate",
    });
  });

  it("refuses a symmetric key as private, and a bare private member too", async () => {
    expect(await parsePublicJwk(text({ kty: "oct", k: "c2VjcmV0", kid: "k", alg: "HS256" }))).toMatchObject({
      error: "admin.issuer.errors.jwkPrivate",
    });
    const { publicJwk } = keyPair("rsa2048");
    expect(await parsePublicJwk(text({ ...publicJwk, qi: "AQAB", kid: "k", alg: "RS256" }))).toMatchObject({
      error: "admin.issuer.errors.jwkPrivate",
    });
  });

  it("requires a kid and offers the RFC 7638 thumbprint instead of inventing one", async () => {
    const { publicJwk } = keyPair("p256");
    const result = await parsePublicJwk(text({ ...publicJwk, alg: "ES256" }));
    expect(result).toMatchObject({ ok: false, error: "admin.issuer.errors.jwkKidMissing" });
    const withKid = await parsePublicJwk(text({ ...publicJwk, alg: "ES256", kid: "x" }));
    expect(withKid.ok && withKid.thumbprint).toBe(!result.ok && result.detail);
  });

  it.each([
    ["no alg", "p256", undefined],
    ["an alg for another key type", "p256", "RS256"],
    ["an alg for another curve", "p384", "ES256"],
    ["an HMAC alg", "rsa2048", "HS256"],
    ["alg none", "ed25519", "none"],
    ["a name inherited by every object", "p256", "toString"],
  ] as const)("refuses %s", async (_, kind, alg) => {
    const { publicJwk } = keyPair(kind);
    expect(await parsePublicJwk(text({ ...publicJwk, kid: "k", alg }))).toMatchObject({ ok: false, error: "admin.issuer.errors.jwkAlg" });
  });

  it("refuses an encryption key, a short RSA key, and numbers that are no key", async () => {
    const p256 = keyPair("p256").publicJwk;
    expect(await parsePublicJwk(text({ ...p256, kid: "k", alg: "ES256", use: "enc" }))).toMatchObject({ error: "admin.issuer.errors.jwkUse" });
    const short = keyPair("rsa1024").publicJwk;
    expect(await parsePublicJwk(text({ ...short, kid: "k", alg: "RS256" }))).toMatchObject({ error: "admin.issuer.errors.jwkRsaTooShort" });
    const offCurve = { ...p256, y: p256.x };
    expect(await parsePublicJwk(text({ ...offCurve, kid: "k", alg: "ES256" }))).toMatchObject({ error: "admin.issuer.errors.jwkUnusable" });
  });

  it.each([
    ["not JSON", "{kty:", "admin.issuer.errors.jwkJson"],
    ["an array", "[]", "admin.issuer.errors.jwkNotObject"],
    ["an unknown kty", text({ kty: "AKP", pub: "x", kid: "k", alg: "ML-DSA-44" }), "admin.issuer.errors.jwkKty"],
    ["an RSA key without a modulus", text({ kty: "RSA", e: "AQAB", kid: "k", alg: "RS256" }), "admin.issuer.errors.jwkKty"],
    ["a huge paste", " ".repeat(17_000), "admin.issuer.errors.jwkTooLarge"],
  ])("refuses %s", async (_, input, error) => {
    expect(await parsePublicJwk(input)).toMatchObject({ ok: false, error });
  });
});

describe("isPrivateJwk", () => {
  it("tells public keys from private and symmetric ones", () => {
    expect(isPrivateJwk({ kty: "EC", crv: "P-256", x: "a", y: "b" })).toBe(false);
    expect(isPrivateJwk({ kty: "EC", crv: "P-256", x: "a", y: "b", d: "c" })).toBe(true);
    expect(isPrivateJwk({ kty: "oct" })).toBe(true);
  });
});
