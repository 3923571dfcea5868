import { describe, expect, it } from "vitest";
import { decideLogoutStart } from "./logout";
import { client, logoutRequest } from "./testing/fixtures";

const trust = { firstPartyClients: [] };

describe("decideLogoutStart", () => {
  it("signs out at once for a first-party client, but still asks on OP-initiated logout", () => {
    const firstParty = { firstPartyClients: ["rp"] };
    expect(decideLogoutStart(logoutRequest({ rpInitiated: true, client: client() }), firstParty)).toEqual({ action: "accept" });
    expect(decideLogoutStart(logoutRequest(), firstParty)).toEqual({ action: "show" });
  });

  it("asks before signing out", () => {
    expect(decideLogoutStart(logoutRequest(), trust)).toEqual({ action: "show" });
    expect(decideLogoutStart(logoutRequest({ rpInitiated: true, client: client() }), trust)).toEqual({ action: "show" });
  });

  it("signs out at once when the requesting client set skip_logout_consent", () => {
    const request = logoutRequest({ rpInitiated: true, client: client({ skipLogoutConsent: true }) });
    expect(decideLogoutStart(request, trust)).toEqual({ action: "accept" });
  });
});
