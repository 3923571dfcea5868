import { describe, expect, it } from "vitest";
import { trustedIssuerSchema } from "./jwt-issuers";

describe("trustedIssuerSchema", () => {
  it("reads a trust relationship as Hydra v2.3.0 writes it (oauth2/trust/grant.go)", () => {
    const issuer = trustedIssuerSchema.parse({
      id: "9edc811f-4e28-453c-9b46-4de65f00217f",
      issuer: "https://jwt-idp.example.com",
      subject: "mike@example.com",
      allow_any_subject: false,
      scope: ["openid", "offline"],
      public_key: { set: "https://jwt-idp.example.com", kid: "123" },
      created_at: "2025-01-20T10:00:00Z",
      expires_at: "2026-01-20T10:00:00Z",
    });
    expect(issuer).toMatchObject({ issuer: "https://jwt-idp.example.com", scope: ["openid", "offline"], public_key: { kid: "123" } });
  });

  it("reads a trust for any subject", () => {
    const issuer = trustedIssuerSchema.parse({ id: "i", issuer: "https://idp", subject: "", allow_any_subject: true, scope: null });
    expect(issuer.allow_any_subject).toBe(true);
    expect(trustedIssuerSchema.safeParse({ issuer: "https://idp" }).success).toBe(false);
  });
});
