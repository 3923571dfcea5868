import { describe, expect, it } from "vitest";
import { accountClientBody, clientDrifted, endSessionUrl, signInOrigins } from "./client";

const account = { clientId: "acc", clientSecret: "s".repeat(40), issuer: "http://localhost:4444/", sessionKey: "k", sessionMaxAge: 3600, reauthMaxAge: 300 };
const wanted = accountClientBody(account, ["https://login.example.com"], "Acme");
const asRegistered = { ...wanted, client_id: "acc", client_secret: undefined } as Parameters<typeof clientDrifted>[0];

describe("the account client", () => {
  it("is first-party, client_secret_basic, with redirect URIs from APP_URL", () => {
    expect(wanted).toMatchObject({
      skip_consent: true,
      skip_logout_consent: true,
      token_endpoint_auth_method: "client_secret_basic",
      redirect_uris: ["https://login.example.com/api/auth/callback/hydra"],
      post_logout_redirect_uris: ["https://login.example.com/account/signed-out"],
      scope: "openid profile email offline_access",
    });
    expect(JSON.stringify(wanted.metadata)).not.toContain(account.clientSecret);
  });

  it("also comes back to the admin console's own host, when it has one", () => {
    const admin = { host: "admin.example.com", origin: "https://admin.example.com", reauthMaxAge: 900 };
    const origins = signInOrigins("https://login.example.com/", admin);
    expect(origins).toEqual(["https://login.example.com", "https://admin.example.com"]);
    expect(signInOrigins("https://login.example.com", { ...admin, host: undefined, origin: "https://login.example.com" })).toEqual(["https://login.example.com"]);
    expect(accountClientBody(account, origins, undefined).redirect_uris).toEqual([
      "https://login.example.com/api/auth/callback/hydra",
      "https://admin.example.com/api/auth/callback/hydra",
    ]);
  });

  it("has not drifted when Hydra has it as wanted, in any order", () => {
    expect(clientDrifted({ ...asRegistered, grant_types: ["refresh_token", "authorization_code"] }, wanted)).toBe(false);
  });

  it.each([
    ["another redirect URI", { redirect_uris: ["https://old.example.com/api/auth/callback/hydra"] }],
    ["consent no longer skipped", { skip_consent: false }],
    ["another secret", { metadata: { secret_sha256: "old" } }],
    ["another auth method", { token_endpoint_auth_method: "client_secret_post" }],
  ])("has drifted with %s", (_, change) => {
    expect(clientDrifted({ ...asRegistered, ...change }, wanted)).toBe(true);
  });
});

describe("endSessionUrl", () => {
  it("is Hydra's logout endpoint under the issuer, with the ID token and our signed-out page", () => {
    const url = new URL(endSessionUrl("https://auth.example.com/tenant/", "https://login.example.com", "a.b.c"));
    expect(url.origin + url.pathname).toBe("https://auth.example.com/tenant/oauth2/sessions/logout");
    expect(url.searchParams.get("id_token_hint")).toBe("a.b.c");
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe("https://login.example.com/account/signed-out");
    expect(endSessionUrl("https://auth.example.com", "https://l", "t")).toMatch(/^https:\/\/auth\.example\.com\/oauth2\/sessions\/logout\?/);
  });
});
