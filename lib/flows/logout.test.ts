import { describe, expect, it } from "vitest";
import { decideLogoutStart } from "./logout";
import { client, logoutRequest } from "./testing/fixtures";

describe("decideLogoutStart", () => {
  it("asks before signing out", () => {
    expect(decideLogoutStart(logoutRequest())).toEqual({ action: "show" });
    expect(decideLogoutStart(logoutRequest({ rpInitiated: true, client: client() }))).toEqual({ action: "show" });
  });

  it("signs out at once when the requesting client set skip_logout_consent", () => {
    const request = logoutRequest({ rpInitiated: true, client: client({ skipLogoutConsent: true }) });
    expect(decideLogoutStart(request)).toEqual({ action: "accept" });
  });
});
