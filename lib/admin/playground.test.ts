import { describe, expect, it } from "vitest";
import {
  type PlaygroundClient,
  type PlaygroundFlow,
  authorizationUrl,
  checkStart,
  decideCallback,
  endSessionUrl,
  newFlowSecrets,
  parseScopes,
  playgroundAuthMethod,
  playgroundUris,
  s256Challenge,
} from "./playground";

describe("s256Challenge", () => {
  it("matches RFC 7636 appendix B", () => {
    expect(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });
});

describe("newFlowSecrets", () => {
  it("makes a 43-character verifier with its challenge, and a state and a nonce, from fresh random bytes", () => {
    let calls = 0;
    const random = (size: number) => Buffer.alloc(size, ++calls);
    const secrets = newFlowSecrets(random);
    expect(secrets.codeVerifier).toHaveLength(43);
    expect(secrets.codeChallenge).toBe(s256Challenge(secrets.codeVerifier));
    expect(secrets.state).toBe(Buffer.alloc(16, 2).toString("base64url"));
    expect(secrets.nonce).toBe(Buffer.alloc(16, 3).toString("base64url"));
  });

  it("differs every time with real randomness", () => {
    const [a, b] = [newFlowSecrets(), newFlowSecrets()];
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.state).not.toBe(b.state);
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("authorizationUrl", () => {
  it("asks Hydra for a code with PKCE S256, the state and the nonce", () => {
    const url = new URL(
      authorizationUrl("https://auth.example.com/", { clientId: "c 1", redirectUri: "https://admin.example.com/admin/playground/callback", scope: "openid offline_access", state: "s", nonce: "n", codeChallenge: "ch" }),
    );
    expect(url.origin + url.pathname).toBe("https://auth.example.com/oauth2/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "c 1",
      redirect_uri: "https://admin.example.com/admin/playground/callback",
      scope: "openid offline_access",
      state: "s",
      nonce: "n",
      code_challenge: "ch",
      code_challenge_method: "S256",
    });
  });
});

describe("endSessionUrl and playgroundUris", () => {
  it("follow the issuer with or without its trailing slash, and the console's origin", () => {
    expect(endSessionUrl("http://localhost:4444/")).toBe("http://localhost:4444/oauth2/sessions/logout");
    expect(endSessionUrl("https://auth.example.com")).toBe("https://auth.example.com/oauth2/sessions/logout");
    expect(playgroundUris("https://admin.example.com")).toEqual({
      callback: "https://admin.example.com/admin/playground/callback",
      signedOut: "https://admin.example.com/admin/playground/signed-out",
    });
  });
});

describe("parseScopes", () => {
  it("splits on whitespace and keeps each scope once", () => {
    expect(parseScopes(" openid  offline_access\nopenid ")).toEqual(["openid", "offline_access"]);
    expect(parseScopes("")).toEqual([]);
  });

  it("refuses what no scope token may contain", () => {
    expect(parseScopes('openid "x"')).toBeUndefined();
    expect(parseScopes("a\\b")).toBeUndefined();
    expect(parseScopes("é")).toBeUndefined();
  });
});

const callback = "https://admin.example.com/admin/playground/callback";
const confidential: PlaygroundClient = { client_id: "web", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], redirect_uris: [callback] };
const publicClient: PlaygroundClient = { ...confidential, client_id: "spa", token_endpoint_auth_method: "none" };
const start = (client: PlaygroundClient | undefined, more: { scope?: string; secret?: string } = {}) =>
  checkStart({ client, clientId: client?.client_id ?? "", scope: more.scope ?? "openid", secret: more.secret ?? "", callback });

describe("playgroundAuthMethod", () => {
  it("speaks client_secret_basic (Hydra's default) and none only", () => {
    expect(playgroundAuthMethod({ client_id: "a" })).toBe("basic");
    expect(playgroundAuthMethod({ client_id: "a", token_endpoint_auth_method: "client_secret_basic" })).toBe("basic");
    expect(playgroundAuthMethod({ client_id: "a", token_endpoint_auth_method: "none" })).toBe("none");
    expect(playgroundAuthMethod({ client_id: "a", token_endpoint_auth_method: "client_secret_post" })).toBe("unsupported");
    expect(playgroundAuthMethod({ client_id: "a", token_endpoint_auth_method: "private_key_jwt" })).toBe("unsupported");
  });
});

describe("checkStart", () => {
  it("lets a confidential client with its secret and a public client without one start", () => {
    expect(start(confidential, { secret: "s" })).toEqual({});
    expect(start(publicClient)).toEqual({});
  });

  it("asks for the secret of a confidential client, and refuses one for a public client", () => {
    expect(start(confidential)).toEqual({ client_secret: "secretMissing" });
    expect(start(publicClient, { secret: "s" })).toEqual({ client_secret: "secretNotUsed" });
  });

  it("refuses a client without the playground's callback among its redirect URIs", () => {
    expect(start({ ...confidential, redirect_uris: ["https://app.example.com/cb"] }, { secret: "s" })).toEqual({ client: "callbackMissing" });
    expect(start({ ...confidential, redirect_uris: null }, { secret: "s" })).toEqual({ client: "callbackMissing" });
  });

  it("refuses a client that cannot do the authorization-code grant, or authenticates in a way the playground does not", () => {
    expect(start({ ...confidential, grant_types: ["client_credentials"] }, { secret: "s" })).toEqual({ client: "noCodeGrant" });
    expect(start({ ...confidential, response_types: ["token"] }, { secret: "s" })).toEqual({ client: "noCodeGrant" });
    expect(start({ ...confidential, token_endpoint_auth_method: "client_secret_post" }, { secret: "s" })).toEqual({ client: "authMethod" });
  });

  it("takes Hydra's defaults for a client registered without grant or response types", () => {
    expect(start({ client_id: "bare", redirect_uris: [callback] }, { secret: "s" })).toEqual({});
  });

  it("names a missing or unknown client and a bad scope together", () => {
    expect(checkStart({ client: undefined, clientId: "", scope: "openid", secret: "", callback })).toEqual({ client: "clientMissing" });
    expect(checkStart({ client: undefined, clientId: "gone", scope: 'a"b', secret: "", callback })).toEqual({ client: "clientUnknown", scope: "scopeInvalid" });
  });
});

describe("decideCallback", () => {
  const flow: PlaygroundFlow = { clientId: "web", codeVerifier: "v", state: "s1", nonce: "n", scope: "openid", redirectUri: callback };

  it("exchanges the code when the state is this browser's", () => {
    expect(decideCallback({ code: "c", state: "s1" }, flow)).toEqual({ kind: "exchange", code: "c", flow });
  });

  it("shows Hydra's error first, whatever the state", () => {
    expect(decideCallback({ error: "access_denied", error_description: "The resource owner denied the request" }, undefined)).toEqual({
      kind: "refused",
      error: "access_denied",
      description: "The resource owner denied the request",
    });
  });

  it("refuses another browser's or a forged state, a missing code, and a flow already exchanged", () => {
    expect(decideCallback({ code: "c", state: "other" }, flow)).toEqual({ kind: "state_mismatch" });
    expect(decideCallback({ code: "c" }, flow)).toEqual({ kind: "state_mismatch" });
    expect(decideCallback({ state: "s1" }, flow)).toEqual({ kind: "no_code" });
    expect(decideCallback({ code: "c", state: "s1" }, undefined)).toEqual({ kind: "no_flow" });
    expect(decideCallback({ code: "c", state: "" }, { ...flow, state: "" })).toEqual({ kind: "no_flow" });
  });
});
