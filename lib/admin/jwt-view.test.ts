import { describe, expect, it } from "vitest";
import { decodeJwt, looksLikeJwt, prettyJson } from "./jwt-view";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (header: unknown, payload: unknown, signature = "c2lnbmF0dXJl") => `${encode(header)}.${encode(payload)}.${signature}`;

describe("looksLikeJwt", () => {
  it("is true for three base64url parts, an unsigned token included", () => {
    expect(looksLikeJwt(jwt({ alg: "RS256" }, { sub: "a" }))).toBe(true);
    expect(looksLikeJwt(jwt({ alg: "none" }, { sub: "a" }, ""))).toBe(true);
  });

  it("is false for Hydra's opaque tokens and anything else", () => {
    expect(looksLikeJwt("ory_at_abc.def")).toBe(false);
    expect(looksLikeJwt("a.b.c.d")).toBe(false);
    expect(looksLikeJwt("a+b.c.d")).toBe(false);
    expect(looksLikeJwt("..")).toBe(false);
    expect(looksLikeJwt("")).toBe(false);
  });
});

describe("decodeJwt", () => {
  it("decodes header and payload and lists the times the payload names as dates", () => {
    const decoded = decodeJwt(jwt({ alg: "RS256", kid: "k1", typ: "JWT" }, { sub: "user-1", exp: 1767225600, iat: 1767222000, aud: ["c1"], nonce: "n" }));
    expect(decoded?.header).toEqual({ alg: "RS256", kid: "k1", typ: "JWT" });
    expect(decoded?.payload).toMatchObject({ sub: "user-1", aud: ["c1"] });
    expect(decoded?.times).toEqual([
      { claim: "exp", at: new Date("2026-01-01T00:00:00.000Z") },
      { claim: "iat", at: new Date("2025-12-31T23:00:00.000Z") },
    ]);
  });

  it("ignores surrounding whitespace from a paste", () => {
    expect(decodeJwt(`  ${jwt({ alg: "RS256" }, { sub: "a" })}\n`)?.payload).toEqual({ sub: "a" });
  });

  it("never checks the signature: a forged one decodes the same", () => {
    expect(decodeJwt(jwt({ alg: "RS256" }, { sub: "admin" }, "Zm9yZ2Vk"))?.payload).toEqual({ sub: "admin" });
  });

  it("is undefined when a part is not a JSON object", () => {
    expect(decodeJwt(`${encode({ alg: "RS256" })}.${Buffer.from("not json").toString("base64url")}.sig`)).toBeUndefined();
    expect(decodeJwt(`${encode([1, 2])}.${encode({ sub: "a" })}.sig`)).toBeUndefined();
    expect(decodeJwt(`${encode({ alg: "RS256" })}.${encode("text")}.sig`)).toBeUndefined();
    expect(decodeJwt("ory_at_opaque")).toBeUndefined();
  });

  it("skips time claims that are not numbers", () => {
    expect(decodeJwt(jwt({ alg: "RS256" }, { exp: "tomorrow", nbf: 1767222000 }))?.times.map((time) => time.claim)).toEqual(["nbf"]);
  });
});

describe("prettyJson", () => {
  it("indents by two spaces", () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
