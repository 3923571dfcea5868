import { describe, expect, it } from "vitest";
import { achievedBy } from "@/lib/second-factor/levels";
import { parseUpstreamProviders } from "./config";
import { decideUpstreamArrival, failureOfUpstreamError, federatedWith, localLoginAllowed, promptNone, rejectionAfterFailure, upstreamsForClient } from "./decisions";
import { mapProfile } from "./profile";

const secret = { clientId: "id", clientSecret: "secret" };
const providers = parseUpstreamProviders({
  UPSTREAM_PROVIDERS: JSON.stringify([
    { type: "google", id: "google", ...secret },
    { type: "github", id: "github", ...secret },
  ]),
});

describe("which upstreams a client's login page offers", () => {
  it("offers all without metadata.allowed_upstreams, only those named with it, none with a malformed one", () => {
    expect(upstreamsForClient(providers, {}).map((p) => p.id)).toEqual(["google", "github"]);
    expect(upstreamsForClient(providers, { allowed_upstreams: ["github", "unknown"] }).map((p) => p.id)).toEqual(["github"]);
    expect(upstreamsForClient(providers, { allowed_upstreams: [] })).toEqual([]);
    expect(upstreamsForClient(providers, { allowed_upstreams: "google" })).toEqual([]);
    expect(upstreamsForClient(providers, { allowed_upstreams: [1] })).toEqual([]);
  });

  it("hides the password form only for local_login: false", () => {
    expect(localLoginAllowed({})).toBe(true);
    expect(localLoginAllowed({ local_login: "false" })).toBe(true);
    expect(localLoginAllowed({ local_login: false })).toBe(false);
  });
});

describe("what an upstream identity leads to", () => {
  const profile = mapProfile({ email: "a@example.com", email_verified: true }, { email: "email", email_verified: "email_verified" });

  it("signs in to the linked account, whatever its email says", () => {
    expect(decideUpstreamArrival({ linkedUserId: "u1", profile, accountWithEmail: { id: "u2" } })).toEqual({ kind: "sign_in", userId: "u1" });
  });

  it("asks for the password of an account that has the email, never merging silently", () => {
    expect(decideUpstreamArrival({ linkedUserId: undefined, profile, accountWithEmail: { id: "u2" } })).toEqual({ kind: "confirm_link", userId: "u2", email: "a@example.com" });
  });

  it("makes an account for a new email, and refuses an identity with none", () => {
    expect(decideUpstreamArrival({ linkedUserId: undefined, profile, accountWithEmail: undefined })).toEqual({ kind: "create", email: "a@example.com" });
    expect(decideUpstreamArrival({ linkedUserId: undefined, profile: mapProfile({}, {}), accountWithEmail: undefined })).toEqual({ kind: "no_email" });
  });
});

describe("the upstream's claims in our terms", () => {
  it("follows the mapping and keeps only well-formed values", () => {
    const mapped = mapProfile(
      { mail: "  b@example.com ", verified: "true", displayName: "B", given: "", locale: "x".repeat(50), avatar: "http://insecure.example/a.png" },
      { email: "mail", email_verified: "verified", name: "displayName", given_name: "given", locale: "locale", picture: "avatar" },
    );
    expect(mapped).toEqual({ email: "b@example.com", emailVerified: true, name: "B", givenName: undefined, familyName: undefined, locale: undefined, picture: undefined });
    expect(mapProfile({ email: "not an address", email_verified: 1 }, { email: "email", email_verified: "email_verified" })).toMatchObject({ email: undefined, emailVerified: false });
  });
});

describe("failures", () => {
  it("reads access_denied as the person's refusal, anything else as a failure", () => {
    expect(failureOfUpstreamError("access_denied")).toBe("denied");
    expect(failureOfUpstreamError("server_error")).toBe("failed");
  });

  it("gives the client access_denied, or login_required when it asked for no page", () => {
    expect(rejectionAfterFailure(false).error).toBe("access_denied");
    expect(rejectionAfterFailure(true).error).toBe("login_required");
    expect(promptNone("https://hydra.example/oauth2/auth?prompt=none&client_id=a")).toBe(true);
    expect(promptNone("https://hydra.example/oauth2/auth?prompt=login")).toBe(false);
    expect(promptNone("not a url")).toBe(false);
  });
});

describe("what linking proved", () => {
  it("keeps the proof's level and adds fed", () => {
    expect(federatedWith(achievedBy({ kind: "password" }))).toEqual({ acr: "1", amr: ["fed", "pwd"] });
    expect(federatedWith(achievedBy({ kind: "passkey", hardware: true, userVerified: true }))).toEqual({ acr: "2", amr: ["fed", "hwk", "user"] });
  });
});
