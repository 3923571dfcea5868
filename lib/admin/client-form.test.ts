import { generateKeyPairSync } from "node:crypto";
import type { OAuth2Client } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { clientForm, clientFormValues, clientReplacement } from "./client-form";
import { clientPresets } from "./client-presets";

const web = { ...clientPresets.web, client_name: "Shop", redirect_uris: "https://shop.example/cb" };
const publicJwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
const secret = "s".repeat(32);

function errorsOf(input: Record<string, string>) {
  const result = clientForm(input);
  return result.ok ? {} : result.errors;
}

describe("clientForm", () => {
  it("turns the web preset plus a redirect URI into Hydra's client", () => {
    expect(clientForm(web)).toEqual({
      ok: true,
      body: {
        client_name: "Shop",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        scope: "openid offline_access",
        redirect_uris: ["https://shop.example/cb"],
        token_endpoint_auth_method: "client_secret_basic",
        skip_consent: false,
        skip_logout_consent: false,
        frontchannel_logout_session_required: false,
        backchannel_logout_session_required: false,
      },
    });
  });

  it("reads lists one per line or space, drops blanks and duplicates, and keeps repeated checkboxes", () => {
    const result = clientForm({
      ...web,
      redirect_uris: "https://shop.example/cb\r\n\n  http://localhost:3000/cb https://shop.example/cb",
      audience: "https://api.example\nhttps://api2.example",
      allowed_cors_origins: "https://Shop.example:443/",
      scope: "openid  email\nprofile",
      skip_consent: "on",
    });
    expect(result).toMatchObject({
      ok: true,
      body: {
        redirect_uris: ["https://shop.example/cb", "http://localhost:3000/cb"],
        audience: ["https://api.example", "https://api2.example"],
        allowed_cors_origins: ["https://shop.example"],
        scope: "openid email profile",
        skip_consent: true,
      },
    });
    expect(clientForm({ ...web, grant_types: ["authorization_code", "refresh_token"] })).toMatchObject({ ok: true });
  });

  it.each([
    ["redirect_uris", "http://shop.example/cb", "admin.client.errors.redirectUriHttps"],
    ["redirect_uris", "https://shop.example/cb#top", "admin.client.errors.redirectUriFragment"],
    ["redirect_uris", "/cb", "admin.client.errors.redirectUriInvalid"],
    ["redirect_uris", "", "admin.client.errors.redirectUriRequired"],
    ["post_logout_redirect_uris", "https://other.example/bye", "admin.client.errors.postLogoutRedirectUriUnmatched"],
    ["frontchannel_logout_uri", "http://shop.example/logout", "admin.client.errors.redirectUriHttps"],
    ["backchannel_logout_uri", "com.shop.app:/logout", "admin.client.errors.redirectUriHttps"],
    ["logo_uri", "javascript:alert(1)", "admin.client.errors.httpUrl"],
    ["tos_uri", "data:text/html,x", "admin.client.errors.httpUrl"],
    ["allowed_cors_origins", "https://shop.example/app", "admin.client.errors.corsOrigin"],
    ["scope", 'openid "quoted"', "admin.client.errors.scopeToken"],
    ["grant_types", "password", "admin.client.errors.grantType"],
    ["grant_types", "urn:ietf:params:oauth:grant-type:device_code", "admin.client.errors.grantType"],
    ["response_types", "code token", "admin.client.errors.responseTypeNeedsGrant"],
    ["response_types", "id_token", "admin.client.errors.responseTypeNeedsGrant"],
    ["response_types", "code code", "admin.client.errors.responseType"],
    ["response_types", "none", "admin.client.errors.responseType"],
    ["token_endpoint_auth_method", "client_secret_jwt", "admin.client.errors.authMethod"],
    ["client_secret", "short", "admin.client.errors.clientSecretTooShort"],
    ["client_secret", "x".repeat(73), "admin.client.errors.clientSecretTooLong"],
    ["client_secret", `${"x".repeat(31)} y`, "admin.client.errors.clientSecretCharacters"],
    ["access_token_strategy", "hmac", "admin.client.errors.accessTokenStrategy"],
    ["client_name", "n".repeat(256), "admin.client.errors.tooLong"],
    ["metadata", "{", "admin.client.errors.metadataJson"],
    ["metadata", "[1]", "admin.client.errors.metadataNotObject"],
    ["metadata", '{"remember_login_for": -1}', "admin.client.errors.rememberFor"],
    ["metadata", '{"remember_consent_for": 1.5}', "admin.client.errors.rememberFor"],
    ["metadata", '{"remember_login_for": "3600"}', "admin.client.errors.rememberFor"],
    ["metadata", '{"minimum_acr": 2}', "admin.client.errors.minimumAcr"],
    ["metadata", '{"minimum_acr": "1 2"}', "admin.client.errors.minimumAcr"],
    ["jwks", '{"keys": "x"}', "admin.client.errors.jwksInvalid"],
  ])("%s %j → %s", (field, value, error) => {
    expect(errorsOf({ ...web, [field]: value })).toEqual({ [field]: error });
  });

  it("accepts a native app's scheme, a matching post-logout URI and checked metadata", () => {
    const result = clientForm({
      ...clientPresets.spa_native,
      redirect_uris: "com.shop.app:/cb\nhttps://shop.example/cb",
      post_logout_redirect_uris: "https://shop.example/bye",
      metadata: '{"remember_login_for": 0, "remember_consent_for": 86400, "minimum_acr": "2", "team": "x"}',
    });
    expect(result).toMatchObject({
      ok: true,
      body: { token_endpoint_auth_method: "none", metadata: { remember_login_for: 0, minimum_acr: "2", team: "x" } },
    });
  });

  it("gives back what was typed, with one message per field", () => {
    const typed = { ...web, redirect_uris: "http://shop.example/cb\nhttps://shop.example/cb#x", logo_uri: "ftp://x" };
    expect(clientForm(typed)).toEqual({
      ok: false,
      errors: { redirect_uris: "admin.client.errors.redirectUriHttps", logo_uri: "admin.client.errors.httpUrl" },
      values: expect.objectContaining({ redirect_uris: typed.redirect_uris, logo_uri: "ftp://x", client_name: "Shop" }),
    });
  });

  it("takes a hand-entered secret of 32 to 72 characters, but not for a client that never uses one", () => {
    expect(clientForm({ ...web, client_secret: secret })).toMatchObject({ ok: true, body: { client_secret: secret } });
    expect(clientForm(web)).toMatchObject({ ok: true, body: expect.not.objectContaining({ client_secret: expect.anything() }) });
    const spa = { ...clientPresets.spa_native, redirect_uris: "https://shop.example/cb", client_secret: secret };
    expect(errorsOf(spa)).toEqual({ client_secret: "admin.client.errors.clientSecretUnused" });
    expect(clientForm({ ...spa, logo_uri: "x" })).toMatchObject({ ok: false, values: { client_secret: "", logo_uri: "x" } });
  });

  it("needs a grant type", () => {
    expect(errorsOf({ ...clientPresets.machine, grant_types: "" })).toEqual({ grant_types: "admin.client.errors.grantTypeRequired" });
  });

  it("accepts the hybrid flow without implicit, as fosite does", () => {
    expect(clientForm({ ...web, response_types: "code\nid_token code" })).toMatchObject({ ok: true, body: { response_types: ["code", "code id_token"] } });
  });

  it("refuses client_credentials to a public client", () => {
    expect(errorsOf({ ...clientPresets.machine, token_endpoint_auth_method: "none" })).toEqual({ grant_types: "admin.client.errors.grantType" });
  });

  it("needs a public key set or its URL for private_key_jwt, never both, and never a private key", () => {
    const preset = clientPresets.jwt_bearer;
    expect(errorsOf(preset)).toEqual({ jwks: "admin.client.errors.jwksRequired" });
    const jwks = JSON.stringify({ keys: [{ ...publicJwk, kid: "k1", alg: "ES256", use: "sig" }] });
    expect(clientForm({ ...preset, jwks })).toMatchObject({ ok: true, body: { jwks: { keys: [{ kid: "k1" }] } } });
    expect(clientForm({ ...preset, jwks_uri: "https://svc.example/jwks.json" })).toMatchObject({ ok: true });
    expect(errorsOf({ ...preset, jwks, jwks_uri: "https://svc.example/jwks.json" })).toEqual({ jwks_uri: "admin.client.errors.jwksAndJwksUri" });
    const withPrivate = JSON.stringify({ keys: [{ ...publicJwk, d: "secret" }] });
    expect(errorsOf({ ...preset, jwks: withPrivate })).toEqual({ jwks: "admin.client.errors.jwksPrivate" });
  });

  it("accepts every preset once the admin fills in what it asks for", () => {
    expect(clientForm(web).ok).toBe(true);
    expect(clientForm({ ...clientPresets.spa_native, redirect_uris: "http://127.0.0.1:5173/cb" }).ok).toBe(true);
    expect(clientForm(clientPresets.machine)).toMatchObject({ ok: true, body: { grant_types: ["client_credentials"], redirect_uris: [] } });
    expect(clientForm({ ...clientPresets.jwt_bearer, jwks_uri: "https://svc.example/jwks" }).ok).toBe(true);
  });
});

describe("clientFormValues", () => {
  const hydraClient: OAuth2Client = {
    client_id: "c1",
    client_name: "Shop",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code", "code id_token"],
    redirect_uris: ["https://shop.example/cb", "http://localhost:3000/cb"],
    post_logout_redirect_uris: ["https://shop.example/bye"],
    scope: "openid offline_access",
    audience: ["https://api.example"],
    allowed_cors_origins: ["https://shop.example"],
    token_endpoint_auth_method: "client_secret_post",
    skip_consent: true,
    skip_logout_consent: false,
    frontchannel_logout_session_required: false,
    backchannel_logout_session_required: true,
    backchannel_logout_uri: "https://shop.example/bc",
    metadata: { remember_login_for: 60 },
    access_token_strategy: "jwt",
    authorization_code_grant_access_token_lifespan: "1h0m0s",
  };

  it("fills the edit form so that saving it unchanged gives the same client back", () => {
    const values = clientFormValues(hydraClient);
    expect(values.redirect_uris).toBe("https://shop.example/cb\nhttp://localhost:3000/cb");
    expect(values.skip_consent).toBe("on");
    expect(values.client_secret).toBe("");
    const { client_id, authorization_code_grant_access_token_lifespan, ...managed } = hydraClient;
    expect(clientForm(values)).toEqual({ ok: true, body: managed });
  });

  it("fills an empty client with the defaults Hydra would apply", () => {
    expect(clientFormValues({})).toMatchObject({ token_endpoint_auth_method: "client_secret_basic", metadata: "", jwks: "" });
  });
});

describe("clientReplacement", () => {
  it("keeps what the form does not show, clears what it emptied, and drops read-only fields", () => {
    const current: OAuth2Client = {
      client_id: "c1",
      client_name: "Old",
      logo_uri: "https://shop.example/logo.png",
      contacts: ["ops@shop.example"],
      authorization_code_grant_access_token_lifespan: "1h0m0s",
      registration_access_token: "rat",
      created_at: new Date(0),
      updated_at: new Date(0),
    };
    const edited = clientForm({ ...web, client_name: "New" });
    if (!edited.ok) throw new Error("expected ok");
    const body = clientReplacement(current, edited.body);
    expect(body).toMatchObject({ client_id: "c1", client_name: "New", contacts: ["ops@shop.example"] });
    expect(body.authorization_code_grant_access_token_lifespan).toBe("1h0m0s");
    for (const gone of ["logo_uri", "registration_access_token", "created_at", "updated_at", "client_secret"]) {
      expect(body).not.toHaveProperty(gone);
    }
  });
});
