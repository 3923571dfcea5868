import { describe, expect, it } from "vitest";
import { decideLogoutStart, logoutUiLocales } from "./logout";
import { client, logoutRequest } from "./testing/fixtures";

const trust = { firstPartyClients: [] };

describe("decideLogoutStart", () => {
  it("signs out at once for a first-party client, but still asks on OP-initiated logout", () => {
    const firstParty = { firstPartyClients: ["rp"] };
    expect(decideLogoutStart(logoutRequest({ rpInitiated: true, client: client() }), firstParty)).toEqual({ kind: "accept" });
    expect(decideLogoutStart(logoutRequest(), firstParty)).toEqual({ kind: "show" });
  });

  it("asks before signing out", () => {
    expect(decideLogoutStart(logoutRequest(), trust)).toEqual({ kind: "show" });
    expect(decideLogoutStart(logoutRequest({ rpInitiated: true, client: client() }), trust)).toEqual({ kind: "show" });
  });

  it("signs out at once when the requesting client set skip_logout_consent", () => {
    const request = logoutRequest({ rpInitiated: true, client: client({ skipLogoutConsent: true }) });
    expect(decideLogoutStart(request, trust)).toEqual({ kind: "accept" });
  });
});

describe("logoutUiLocales", () => {
  it("reads the RP's ui_locales from the logout URL, whole or a bare path", () => {
    expect(logoutUiLocales("http://localhost:4444/oauth2/sessions/logout?ui_locales=ar%20de&state=x")).toEqual(["ar", "de"]);
    expect(logoutUiLocales("/oauth2/sessions/logout?ui_locales=fr")).toEqual(["fr"]);
  });

  it("is empty without them", () => {
    expect(logoutUiLocales(undefined)).toEqual([]);
    expect(logoutUiLocales("/oauth2/sessions/logout")).toEqual([]);
  });
});
