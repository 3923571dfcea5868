import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TrustedIssuer } from "@/lib/hydra/jwt-issuers";
import { trustIssuerFormSchema } from "@/lib/validations/admin-issuers";
import { auditSummary } from "./audit-summary";
import { checkIssuer, emptyIssuerForm, expiryInputValue, parseExpiry, parseScopes, readIssuerForm, recordedKeyAlg, trustAuditRecord, trustsSharingKey } from "./issuer-form";

const now = new Date("2030-06-15T12:00:00Z");
const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const publicJwk = { ...publicKey.export({ format: "jwk" }), kid: "key-1", alg: "ES256" };
const privateJwk = { ...privateKey.export({ format: "jwk" }), kid: "key-1", alg: "ES256" };

const form = (fields: Record<string, string>) =>
  trustIssuerFormSchema.parse({
    csrf: "t",
    issuer: "https://idp.example.com",
    subject_kind: "subject",
    subject: "service-7",
    scope: "read write",
    expires_at: "2031-01-01T00:00",
    jwk: JSON.stringify(publicJwk),
    ...fields,
  });

describe("parseExpiry", () => {
  it("reads a datetime-local value as UTC", () => {
    expect(parseExpiry("2030-06-15T12:01", now)).toEqual({ ok: true, expiresAt: new Date("2030-06-15T12:01:00Z") });
    expect(parseExpiry("2030-06-16T08:30:15.5", now)).toEqual({ ok: true, expiresAt: new Date("2030-06-16T08:30:15.500Z") });
  });

  it.each([
    ["", "admin.issuer.errors.expiryRequired"],
    ["tomorrow", "admin.issuer.errors.expiryInvalid"],
    ["2030-06-15T12:00Z", "admin.issuer.errors.expiryInvalid"],
    ["2031-02-30T10:00", "admin.issuer.errors.expiryInvalid"],
    ["2031-01-01T24:00", "admin.issuer.errors.expiryInvalid"],
    ["2030-06-15T12:00", "admin.issuer.errors.expiryPast"],
    ["2020-01-01T00:00", "admin.issuer.errors.expiryPast"],
  ])("refuses %j", (text, error) => {
    expect(parseExpiry(text, now)).toEqual({ ok: false, error });
  });

  it("writes a date back as the input shows it, and offers 90 days ahead", () => {
    expect(expiryInputValue(new Date("2030-06-15T12:34:56.789Z"))).toBe("2030-06-15T12:34");
    expect(emptyIssuerForm(now).expires_at).toBe("2030-09-13T12:00");
    expect(parseExpiry(emptyIssuerForm(now).expires_at, now).ok).toBe(true);
  });
});

describe("parseScopes and checkIssuer", () => {
  it("splits scopes on any space, each once, in order", () => {
    expect(parseScopes("  read\twrite read\nadmin ")).toEqual({ ok: true, scopes: ["read", "write", "admin"] });
    expect(parseScopes("")).toEqual({ ok: true, scopes: [] });
    expect(parseScopes('read "x"')).toEqual({ ok: false, error: "admin.issuer.errors.scopeToken" });
    expect(parseScopes(Array.from({ length: 101 }, (_, n) => `s${n}`).join(" "))).toEqual({ ok: false, error: "admin.issuer.errors.scopeTooMany" });
  });

  it("takes an absolute http(s) URL only", () => {
    expect(checkIssuer("https://idp.example.com")).toBeUndefined();
    expect(checkIssuer("http://localhost:8080/realms/x")).toBeUndefined();
    expect(checkIssuer("")).toBe("admin.issuer.errors.issuerRequired");
    expect(checkIssuer("idp.example.com")).toBe("admin.issuer.errors.issuerUrl");
    expect(checkIssuer("urn:example:idp")).toBe("admin.issuer.errors.issuerUrl");
    expect(checkIssuer("https://user:pw@idp.example.com")).toBe("admin.issuer.errors.issuerUrl");
  });
});

describe("readIssuerForm", () => {
  it("makes Hydra's trust of one subject from a pasted public key, issuer kept as typed", async () => {
    const result = await readIssuerForm(form({ issuer: " https://idp.example.com " }), now);
    expect(result).toMatchObject({
      ok: true,
      trust: { issuer: "https://idp.example.com", subject: "service-7", scope: ["read", "write"], expiresAt: new Date("2031-01-01T00:00:00Z"), jwk: { kid: "key-1", alg: "ES256", kty: "EC" } },
    });
    if (result.ok) expect(result.trust).not.toHaveProperty("allowAnySubject");
  });

  it("trusts any subject only with the subject left empty", async () => {
    expect(await readIssuerForm(form({ subject_kind: "any", subject: "" }), now)).toMatchObject({ ok: true, trust: { allowAnySubject: true } });
    expect(await readIssuerForm(form({ subject_kind: "any" }), now)).toMatchObject({ ok: false, errors: { subject: { key: "admin.issuer.errors.subjectUnused" } } });
    expect(await readIssuerForm(form({ subject: " " }), now)).toMatchObject({ ok: false, errors: { subject: { key: "admin.issuer.errors.subjectRequired" } } });
  });

  it("takes an uploaded key, and shows it pasted when the form is refused for something else", async () => {
    const uploaded = form({ jwk: "", jwk_file: JSON.stringify(publicJwk) });
    expect(await readIssuerForm(uploaded, now)).toMatchObject({ ok: true, trust: { jwk: { kid: "key-1" } } });
    const refused = await readIssuerForm({ ...uploaded, expires_at: "2020-01-01T00:00" }, now);
    expect(refused).toMatchObject({ ok: false, values: { jwk: JSON.stringify(publicJwk) }, errors: { expires_at: { key: "admin.issuer.errors.expiryPast" } } });
  });

  it("wants the key once: pasted or uploaded", async () => {
    expect(await readIssuerForm(form({ jwk_file: JSON.stringify(publicJwk) }), now)).toMatchObject({ ok: false, errors: { jwk: { key: "admin.issuer.errors.jwkTwice" } } });
    expect(await readIssuerForm(form({ jwk: "" }), now)).toMatchObject({ ok: false, errors: { jwk: { key: "admin.issuer.errors.jwkRequired" } } });
  });

  it("refuses a private key with its own message, never writes it back, and keeps every other field", async () => {
    const result = await readIssuerForm(form({ jwk: JSON.stringify(privateJwk), scope: "read admin" }), now);
    expect(result).toEqual({
      ok: false,
      errors: { jwk: { key: "admin.issuer.errors.jwkPrivate" } },
      values: { issuer: "https://idp.example.com", subject_kind: "subject", subject: "service-7", scope: "read admin", expires_at: "2031-01-01T00:00", jwk: "" },
    });
  });

  it("passes on what the key's refusal needs to be helpful", async () => {
    const { kid: _, ...noKid } = publicJwk;
    const result = await readIssuerForm(form({ jwk: JSON.stringify(noKid) }), now);
    expect(result).toMatchObject({ ok: false, errors: { jwk: { key: "admin.issuer.errors.jwkKidMissing", detail: expect.stringMatching(/^[\w-]{43}$/) } } });
  });

  it("reports every field at once", async () => {
    const result = await readIssuerForm(form({ issuer: "nope", subject: "", scope: "a\\b", expires_at: "x", jwk: "{" }), now);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["expires_at", "issuer", "jwk", "scope", "subject"]);
  });
});

const trust = (id: string, issuer: string, kid: string, subject = "s"): TrustedIssuer => ({ id, issuer, subject, public_key: { set: issuer, kid } });

describe("trustsSharingKey", () => {
  it("finds the other trusts of the same issuer under the same kid", () => {
    const all = [trust("1", "https://a", "k"), trust("2", "https://a", "k", "t"), trust("3", "https://a", "other"), trust("4", "https://b", "k")];
    expect(trustsSharingKey(all, all[0]!).map((t) => t.id)).toEqual(["2"]);
    expect(trustsSharingKey(all, all[2]!)).toEqual([]);
    expect(trustsSharingKey(all, { id: "5", issuer: "https://a", public_key: null })).toEqual([]);
  });
});

describe("the audit record of a trust", () => {
  it("keeps the kid and alg of the key and nothing else of it, and the alg can be read back", async () => {
    const result = await readIssuerForm(form({}), now);
    if (!result.ok) throw new Error("form refused");
    const saved: TrustedIssuer = { id: "g", issuer: "https://idp.example.com", subject: "service-7", allow_any_subject: false, scope: ["read", "write"], expires_at: "2031-01-01T00:00:00Z", public_key: { set: "https://idp.example.com", kid: "key-1" } };
    const summary = auditSummary(undefined, trustAuditRecord(result.trust, saved));
    expect(summary).toEqual([
      { field: "expires_at", after: "2031-01-01T00:00:00Z" },
      { field: "issuer", after: "https://idp.example.com" },
      { field: "key_alg", after: "ES256" },
      { field: "key_id", after: "key-1" },
      { field: "scope", after: '["read","write"]' },
      { field: "subject", after: "service-7" },
    ]);
    expect(JSON.stringify(summary)).not.toContain(String(publicJwk.x));
    expect(recordedKeyAlg(JSON.parse(JSON.stringify(summary)))).toBe("ES256");
    expect(recordedKeyAlg(null)).toBeUndefined();
    expect(recordedKeyAlg([{ field: "key_alg", after: "<script>" }])).toBeUndefined();
  });
});
