import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { parseUpstreamProviders } from "./config";

const secret = { clientId: "our-id", clientSecret: "our-secret" };
const parse = (providers: unknown) => parseUpstreamProviders({ UPSTREAM_PROVIDERS: JSON.stringify(providers) });

describe("UPSTREAM_PROVIDERS", () => {
  it("is empty when unset", () => {
    expect(parseUpstreamProviders({})).toEqual([]);
  });

  it("fills in the presets: issuers, scopes, names and claim mappings", () => {
    const [google, microsoft, gitlab, apple, github] = parse([
      { type: "google", id: "google", ...secret },
      { type: "microsoft", id: "entra", tenant: "00000000-1111-2222-3333-444444444444", ...secret },
      { type: "gitlab", id: "gitlab", ...secret },
      { type: "apple", id: "apple", ...secret },
      { type: "github", id: "github", ...secret },
    ]);
    expect(google).toMatchObject({ name: "Google", scopes: ["openid", "email", "profile"], protocol: { kind: "oidc", issuer: "https://accounts.google.com" }, responseMode: "query" });
    expect(microsoft?.protocol).toEqual({ kind: "oidc", issuer: "https://login.microsoftonline.com/00000000-1111-2222-3333-444444444444/v2.0" });
    expect(gitlab?.protocol).toEqual({ kind: "oidc", issuer: "https://gitlab.com" });
    expect(apple).toMatchObject({ responseMode: "form_post", scopes: ["openid", "email"], protocol: { issuer: "https://appleid.apple.com" } });
    expect(github).toMatchObject({ name: "GitHub", scopes: ["read:user", "user:email"], protocol: { kind: "github" }, claims: { picture: "avatar_url" } });
  });

  it("takes a generic issuer, its own scopes and a claim mapping over the standard one", () => {
    const [corp] = parse([{ type: "oidc", id: "corp", name: "Corp", issuer: "https://id.corp.example", scopes: ["openid", "email"], claims: { email: "mail", name: "displayName" }, ...secret }]);
    expect(corp).toMatchObject({ scopes: ["openid", "email"], claims: { email: "mail", name: "displayName", given_name: "given_name" }, responseMode: "query" });
    const [posting] = parse([{ type: "oidc", id: "posting", name: "Posting", issuer: "https://id.corp.example", responseMode: "form_post", ...secret }]);
    expect(posting?.responseMode).toBe("form_post");
  });

  it.each([
    ["an http issuer off the loopback", [{ type: "oidc", id: "a", name: "A", issuer: "http://id.example", ...secret }], /https/],
    ["a repeated id", [{ type: "google", id: "g", ...secret }, { type: "github", id: "g", ...secret }], /used twice/],
    ["an id with capitals", [{ type: "google", id: "Google", ...secret }], /lower-case/],
    ["a tenant that is not a GUID", [{ type: "microsoft", id: "m", tenant: "common", ...secret }], /GUID/],
    ["an unknown claim target", [{ type: "google", id: "g", claims: { roles: "groups" }, ...secret }], /claims/],
    ["a missing client secret", [{ type: "google", id: "g", clientId: "x" }], /clientSecret/],
    ["an unknown type", [{ type: "okta", id: "o", ...secret }], /type/],
  ])("refuses %s, naming the variable", (_, providers, message) => {
    expect(() => parse(providers)).toThrow(ConfigError);
    expect(() => parse(providers)).toThrow(message);
    expect(() => parse(providers)).toThrow(/UPSTREAM_PROVIDERS/);
  });

  it("accepts http:// on localhost, and reads UPSTREAM_PROVIDERS_FILE", () => {
    const file = JSON.stringify([{ type: "oidc", id: "local", name: "Local", issuer: "http://127.0.0.1:4444/", ...secret }]);
    const [local] = parseUpstreamProviders({ UPSTREAM_PROVIDERS_FILE: "/etc/upstreams.json" }, (path) => (path === "/etc/upstreams.json" ? file : ""));
    expect(local?.protocol).toEqual({ kind: "oidc", issuer: "http://127.0.0.1:4444/" });
  });
});
