import { describe, expect, it } from "vitest";
import { afterPassword, decideLoginStart, levelNotReachedWithoutPage, loginAcceptBody, passwordOnly, provedBeforeVerification, reauthenticationReason } from "./login";
import { client, loginRequest } from "./testing/fixtures";

const policy = { rememberFor: 600, extendSessionOnSkip: false, requireSecondFactor: false };

describe("decideLoginStart", () => {
  it("shows the form when Hydra does not know the person", () => {
    expect(decideLoginStart(loginRequest(), policy)).toEqual({ kind: "show", prefillEmail: "" });
  });

  it("pre-fills the email from login_hint", () => {
    const request = loginRequest({ oidc: { acrValues: [], uiLocales: [], loginHint: "foo@bar.com" } });
    expect(decideLoginStart(request, policy)).toMatchObject({ kind: "show", prefillEmail: "foo@bar.com" });
  });

  it("pre-fills from a verified id_token_hint and warns who is expected", () => {
    const request = loginRequest({
      oidc: { acrValues: [], uiLocales: [], idTokenHintClaims: { sub: "user-1", email: "foo@bar.com" } },
    });
    expect(decideLoginStart(request, policy)).toMatchObject({ prefillEmail: "foo@bar.com", expectedEmail: "foo@bar.com" });
  });

  it("accepts a remembered session at once, with the same subject and the acr/amr Hydra forgets", () => {
    expect(decideLoginStart(loginRequest({ skip: true, subject: "user-1" }), policy)).toEqual({
      kind: "accept",
      body: { subject: "user-1", acr: "1", amr: ["pwd"] },
    });
  });

  it("extends the session on skip when configured, for the client's remember time", () => {
    const request = loginRequest({ skip: true, subject: "user-1", client: client({ metadata: { remember_login_for: 90 } }) });
    const decision = decideLoginStart(request, { ...policy, extendSessionOnSkip: true });
    expect(decision).toMatchObject({ kind: "accept", body: { extend_session_lifespan: true, remember_for: 90 } });
  });

  it("says why a known person must sign in again", () => {
    const promptLogin = loginRequest({ requestUrl: "http://localhost:4444/oauth2/auth?client_id=rp&prompt=login" });
    expect(decideLoginStart(promptLogin, policy)).toMatchObject({ reason: "prompt_login" });
    const maxAge = loginRequest({ requestUrl: "http://localhost:4444/oauth2/auth?client_id=rp&max_age=0" });
    expect(decideLoginStart(maxAge, policy)).toMatchObject({ reason: "max_age" });
  });
});

describe("decideLoginStart on a remembered login (step-up)", () => {
  const wantsTwo = (extra: Partial<Parameters<typeof loginRequest>[0]> = {}) =>
    loginRequest({ skip: true, subject: "user-1", oidc: { acrValues: ["2"], uiLocales: [] }, ...extra });
  const two = { acr: "2" as const, amr: ["pwd", "otp", "mfa"] };

  it("reports again what the session proved, kept by us, without asking anything", () => {
    const decision = decideLoginStart(loginRequest({ skip: true, subject: "user-1" }), policy, { proved: two, hasSecondFactor: true });
    expect(decision).toEqual({ kind: "accept", body: { subject: "user-1", acr: "2", amr: ["pwd", "otp", "mfa"] } });
    expect(decideLoginStart(wantsTwo(), policy, { proved: two, hasSecondFactor: true })).toMatchObject({ kind: "accept", body: { acr: "2" } });
  });

  it("asks a one-factor session for the second factor only when the client asks for 2", () => {
    expect(decideLoginStart(wantsTwo(), policy, { proved: undefined, hasSecondFactor: true })).toEqual({
      kind: "second_factor",
      proved: { acr: "1", amr: ["pwd"] },
    });
  });

  it("counts a client's metadata.minimum_acr and the deployment's policy as asking for 2", () => {
    const strict = loginRequest({ skip: true, subject: "user-1", client: client({ metadata: { minimum_acr: "2" } }) });
    expect(decideLoginStart(strict, policy, { proved: undefined, hasSecondFactor: true }).kind).toBe("second_factor");
    const plain = loginRequest({ skip: true, subject: "user-1" });
    expect(decideLoginStart(plain, { ...policy, requireSecondFactor: true }, { proved: undefined, hasSecondFactor: true }).kind).toBe("second_factor");
  });

  it("sends an account without a second factor to the page that says one is needed", () => {
    expect(decideLoginStart(wantsTwo(), policy, { proved: undefined, hasSecondFactor: false })).toEqual({ kind: "enrol" });
  });

  it("asks for the password again when REQUIRE_SECOND_FACTOR needs an app set up, which follows a password typed in the flow", () => {
    const decision = decideLoginStart(loginRequest({ skip: true, subject: "user-1" }), { ...policy, requireSecondFactor: true }, { proved: undefined, hasSecondFactor: false });
    expect(decision).toMatchObject({ kind: "show" });
  });

  it("answers prompt=none below the level with login_required and no page", () => {
    const silent = wantsTwo({ requestUrl: "http://localhost:4444/oauth2/auth?client_id=rp&prompt=none&acr_values=2" });
    expect(decideLoginStart(silent, policy, { proved: undefined, hasSecondFactor: true })).toEqual({ kind: "reject", body: levelNotReachedWithoutPage });
    expect(decideLoginStart(silent, policy, { proved: two, hasSecondFactor: true }).kind).toBe("accept");
  });
});

describe("afterPassword", () => {
  it("goes on to the second factor whenever the account has one, else is done unless 2 is asked", () => {
    expect(afterPassword(loginRequest(), policy, true)).toEqual({ kind: "second_factor" });
    expect(afterPassword(loginRequest(), policy, false)).toEqual({ kind: "done" });
    const wantsTwo = loginRequest({ oidc: { acrValues: ["2"], uiLocales: [] } });
    expect(afterPassword(wantsTwo, policy, false)).toEqual({ kind: "enrol" });
    expect(afterPassword(loginRequest(), { ...policy, requireSecondFactor: true }, false)).toEqual({ kind: "enrol" });
  });
});

describe("reauthenticationReason", () => {
  it("reads prompt (space separated) before max_age, and survives garbage", () => {
    expect(reauthenticationReason("http://h/oauth2/auth?prompt=consent%20login&max_age=5")).toBe("prompt_login");
    expect(reauthenticationReason("http://h/oauth2/auth?prompt=consent")).toBeUndefined();
    expect(reauthenticationReason("not a url")).toBeUndefined();
  });
});

describe("loginAcceptBody", () => {
  const base = { subject: "user-1", achieved: { acr: "1" as const, amr: ["pwd"] }, policy, request: loginRequest() };

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

  it("lets a client override how long logins are remembered, ignoring a malformed override", () => {
    const overriding = loginRequest({ client: client({ metadata: { remember_login_for: 60 } }) });
    expect(loginAcceptBody({ ...base, request: overriding, remember: true }).remember_for).toBe(60);
    const malformed = loginRequest({ client: client({ metadata: { remember_login_for: "1y" } }) });
    expect(loginAcceptBody({ ...base, request: malformed, remember: true }).remember_for).toBe(600);
  });

  it("reports requested acr levels as met or unmet instead of faking them", () => {
    const wantsTwo = loginRequest({ oidc: { acrValues: ["2"], uiLocales: [] } });
    expect(loginAcceptBody({ ...base, request: wantsTwo, remember: false })).toMatchObject({
      acr: "1",
      context: { acr_requested: ["2"], acr_met: false },
    });
    const wantsOne = loginRequest({ oidc: { acrValues: ["1", "2"], uiLocales: [] } });
    expect(loginAcceptBody({ ...base, request: wantsOne, remember: false }).context).toEqual({
      acr_requested: ["1", "2"],
      acr_met: true,
    });
    const two = { acr: "2" as const, amr: ["pwd", "otp", "mfa"] };
    const onlyOne = loginRequest({ oidc: { acrValues: ["1"], uiLocales: [] } });
    expect(loginAcceptBody({ ...base, achieved: two, request: onlyOne, remember: false }).context).toEqual({ acr_requested: ["1"], acr_met: true });
  });
});

describe("provedBeforeVerification", () => {
  it("goes on with what an upstream sign-in proved for this account, and as a password otherwise", () => {
    const kept = { subject: "u1", acr: "1" as const, amr: ["fed"] };
    expect(provedBeforeVerification(kept, "u1")).toEqual({ acr: "1", amr: ["fed"] });
    // Kept for another account (a later sign-in in the same browser verified a different one): nothing carries over.
    expect(provedBeforeVerification(kept, "u2")).toEqual(passwordOnly);
    expect(provedBeforeVerification(undefined, "u1")).toEqual(passwordOnly);
  });
});
