import { describe, expect, it } from "vitest";
import { consentAcceptBody, decideConsentStart, grantableScopes } from "./consent";
import { client, consentRequest, user } from "./testing/fixtures";

describe("grantableScopes", () => {
  it("keeps only scopes that were requested and ticked, in request order", () => {
    expect(grantableScopes(["openid", "email", "profile"], ["profile", "openid", "admin"])).toEqual([
      "openid",
      "profile",
    ]);
  });

  it("grants nothing when nothing is ticked", () => {
    expect(grantableScopes(["openid"], [])).toEqual([]);
  });
});

const trust = { firstPartyClients: [] };

describe("decideConsentStart", () => {
  it("accepts without asking for a client the deployment lists as first-party", () => {
    expect(decideConsentStart(consentRequest(), user(), { firstPartyClients: ["rp"] }).kind).toBe("accept");
  });

  it("shows the consent page by default", () => {
    expect(decideConsentStart(consentRequest(), user(), trust)).toEqual({ kind: "show", user: user() });
  });

  it("accepts a remembered consent with the requested scopes and the claims again", () => {
    const decision = decideConsentStart(consentRequest({ skip: true }), user(), trust);
    expect(decision).toEqual({
      kind: "accept",
      body: {
        grant_scope: ["openid", "email", "profile"],
        grant_access_token_audience: [],
        remember: false,
        remember_for: 0,
        session: {
          id_token: { email: "foo@bar.com", email_verified: true, name: "Foo Bar", updated_at: 1767225600 },
          access_token: {},
        },
      },
    });
  });

  it("accepts without asking for a client marked skip_consent", () => {
    const decision = decideConsentStart(consentRequest({ client: client({ skipConsent: true }) }), user(), trust);
    expect(decision.kind).toBe("accept");
  });

  it("rejects when the account behind the subject is gone", () => {
    expect(decideConsentStart(consentRequest(), undefined, trust)).toMatchObject({
      kind: "reject",
      body: { error: "login_required" },
    });
  });
});

describe("consentAcceptBody", () => {
  const policy = { rememberFor: 0 };

  it("puts only claims of granted scopes into the ID token", () => {
    const body = consentAcceptBody({ request: consentRequest(), user: user(), ticked: ["openid", "email"], remember: false, policy });
    expect(body.grant_scope).toEqual(["openid", "email"]);
    expect(body.session?.id_token).toEqual({ email: "foo@bar.com", email_verified: true });
  });

  it("grants the requested audience", () => {
    const request = consentRequest({ requestedAudience: ["https://api.example"] });
    const body = consentAcceptBody({ request, user: user(), ticked: ["openid"], remember: true, policy });
    expect(body.grant_access_token_audience).toEqual(["https://api.example"]);
    expect(body).toMatchObject({ remember: true, remember_for: 0 });
  });

  it("lets a client override how long consent is remembered", () => {
    const request = consentRequest({ client: client({ metadata: { remember_consent_for: 120 } }) });
    expect(consentAcceptBody({ request, user: user(), ticked: [], remember: true, policy }).remember_for).toBe(120);
  });

  it("grants required and hidden scopes even when the form leaves them out", () => {
    const body = consentAcceptBody({
      request: consentRequest(),
      user: user(),
      ticked: ["email"],
      remember: false,
      policy,
      grantedRegardless: ["openid", "offline_access"],
    });
    // offline_access was not requested, so it is still not granted.
    expect(body.grant_scope).toEqual(["openid", "email"]);
  });
});
