import { describe, expect, it } from "vitest";
import { auditSummary } from "./audit-summary";

describe("auditSummary", () => {
  it("lists only the changed top-level fields, before and after", () => {
    const before = { client_id: "c1", client_name: "Shop", redirect_uris: ["https://a.example/cb"], skip_consent: false };
    const after = { ...before, client_name: "Shop 2", skip_consent: true, logo_uri: "https://a.example/l.png", updated_at: "2026-01-01" };
    expect(auditSummary(before, after)).toEqual([
      { field: "client_name", before: "Shop", after: "Shop 2" },
      { field: "logo_uri", after: "https://a.example/l.png" },
      { field: "skip_consent", before: "false", after: "true" },
    ]);
  });

  it("describes a creation and a deletion", () => {
    expect(auditSummary(undefined, { client_id: "c1", grant_types: ["client_credentials"] })).toEqual([
      { field: "client_id", after: "c1" },
      { field: "grant_types", after: '["client_credentials"]' },
    ]);
    expect(auditSummary({ issuer: "https://idp.example" }, undefined)).toEqual([{ field: "issuer", before: "https://idp.example" }]);
    expect(auditSummary(undefined, undefined)).toEqual([]);
  });

  it("never shows the client secret or the registration token", () => {
    const created = auditSummary(undefined, { client_secret: "hunter2-hunter2-hunter2-hunter2-x", registration_access_token: "ory_at_x" });
    expect(created).toEqual([
      { field: "client_secret", after: "(set)" },
      { field: "registration_access_token", after: "(set)" },
    ]);
    expect(auditSummary({ client_secret: "old-secret" }, { client_secret: "new-secret" })).toEqual([
      { field: "client_secret", before: "(set)", after: "(changed)" },
    ]);
    expect(JSON.stringify(created)).not.toMatch(/hunter2|ory_at_x/);
  });

  it("hides private JWK members in a key set or a single key, but shows the public ones", () => {
    const before = { jwks: { keys: [{ kty: "EC", kid: "k1", x: "pubX", d: "privD1" }] } };
    const after = { jwks: { keys: [{ kty: "EC", kid: "k1", x: "pubX", d: "privD2" }] }, jwk: { kty: "RSA", n: "pubN", p: "privP" } };
    const summary = auditSummary(before, after);
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(/privD|privP/);
    expect(summary).toEqual([
      { field: "jwk", after: '{"kty":"RSA","n":"pubN","p":"(set)"}' },
      { field: "jwks", before: '{"keys":[{"d":"(set)","kid":"k1","kty":"EC","x":"pubX"}]}', after: '{"keys":[{"d":"(changed)","kid":"k1","kty":"EC","x":"pubX"}]}' },
    ]);
  });

  it("hides metadata values under keys that look secret, at any depth", () => {
    const before = { metadata: { team: "a", api_key: "k-old", nested: { Password: "p1" }, remember_login_for: 60 } };
    const after = { metadata: { team: "a", api_key: "k-new", nested: { Password: "p1" }, remember_login_for: 120, webhookToken: "t" } };
    const [change] = auditSummary(before, after);
    expect(change).toEqual({
      field: "metadata",
      before: '{"api_key":"(set)","nested":{"Password":"(set)"},"remember_login_for":60,"team":"a"}',
      after: '{"api_key":"(changed)","nested":{"Password":"(set)"},"remember_login_for":120,"team":"a","webhookToken":"(set)"}',
    });
    expect(JSON.stringify(change)).not.toMatch(/k-old|k-new|p1|"t"/);
  });

  it("sees no change in reordered keys, null for absent, or dates as their JSON", () => {
    expect(auditSummary({ metadata: { a: 1, b: 2 }, logo_uri: null }, { metadata: { b: 2, a: 1 } })).toEqual([]);
    expect(auditSummary({ expires_at: new Date("2030-01-01T00:00:00Z") }, { expires_at: "2030-01-01T00:00:00.000Z" })).toEqual([]);
  });

  it("keeps long values short", () => {
    const [change] = auditSummary(undefined, { client_name: "x".repeat(500) });
    expect(change?.after).toHaveLength(200);
    expect(change?.after?.endsWith("…")).toBe(true);
  });
});
