import { describe, expect, it } from "vitest";
import { decideLoginStart, loginAcceptBody } from "./login";
import { client, loginRequest } from "./testing/fixtures";

describe("decideLoginStart", () => {
  it("shows the form when Hydra does not know the person", () => {
    expect(decideLoginStart(loginRequest())).toEqual({ action: "show", prefillEmail: "" });
  });

  it("pre-fills the email from login_hint", () => {
    const request = loginRequest({ oidc: { acrValues: [], uiLocales: [], loginHint: "foo@bar.com" } });
    expect(decideLoginStart(request)).toEqual({ action: "show", prefillEmail: "foo@bar.com" });
  });

  it("accepts a remembered session at once, with the same subject and the acr/amr Hydra forgets", () => {
    expect(decideLoginStart(loginRequest({ skip: true, subject: "user-1" }))).toEqual({
      action: "accept",
      body: { subject: "user-1", acr: "1", amr: ["pwd"] },
    });
  });
});

describe("loginAcceptBody", () => {
  const base = { subject: "user-1", methods: ["pwd" as const], policy: { rememberFor: 600 }, client: client() };

  it("remembers for the configured time when asked to", () => {
    expect(loginAcceptBody({ ...base, remember: true })).toEqual({
      subject: "user-1",
      remember: true,
      remember_for: 600,
      acr: "1",
      amr: ["pwd"],
    });
  });

  it("does not remember when not asked to", () => {
    expect(loginAcceptBody({ ...base, remember: false })).toMatchObject({ remember: false, remember_for: 0 });
  });

  it("lets a client override how long logins are remembered", () => {
    const body = loginAcceptBody({ ...base, remember: true, client: client({ metadata: { remember_login_for: 60 } }) });
    expect(body.remember_for).toBe(60);
  });

  it("ignores a malformed client override", () => {
    const body = loginAcceptBody({ ...base, remember: true, client: client({ metadata: { remember_login_for: "1y" } }) });
    expect(body.remember_for).toBe(600);
  });
});
