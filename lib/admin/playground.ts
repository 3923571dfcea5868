import { createHash, randomBytes } from "node:crypto";

/** Random bytes; injected so tests can pin them. */
export type RandomBytes = (size: number) => Buffer;

/** What the playground keeps between sending the browser to Hydra and its return, sealed in a cookie. */
export type PlaygroundFlow = {
  clientId: string;
  clientSecret?: string;
  codeVerifier: string;
  state: string;
  nonce: string;
  scope: string;
  redirectUri: string;
};

/** The PKCE S256 challenge of a verifier (RFC 7636 §4.2): BASE64URL(SHA256(ASCII(verifier))). */
export function s256Challenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/**
 * A new flow's secrets: a 43-character verifier (32 random bytes, the
 * shortest RFC 7636 §4.1 allows, with 256 bits in it), its challenge, and
 * a state and a nonce of 128 bits each.
 */
export function newFlowSecrets(random: RandomBytes = randomBytes) {
  const codeVerifier = random(32).toString("base64url");
  return { codeVerifier, codeChallenge: s256Challenge(codeVerifier), state: random(16).toString("base64url"), nonce: random(16).toString("base64url") };
}

/** The playground's own URIs, which a client must have registered to be tried here. */
export function playgroundUris(origin: string) {
  return { callback: `${origin}/admin/playground/callback`, signedOut: `${origin}/admin/playground/signed-out` };
}

/** Hydra's authorization endpoint with an authorization-code request using PKCE (the oAuth2Authorize operation, done by the browser). */
export function authorizationUrl(
  publicUrl: string,
  request: { clientId: string; redirectUri: string; scope: string; state: string; nonce: string; codeChallenge: string },
): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: "S256",
  });
  return `${publicUrl.replace(/\/+$/, "")}/oauth2/auth?${query}`;
}

/** Hydra's end-session endpoint, which the OpenID discovery document names (oauth2/handler.go, LogoutPath). */
export function endSessionUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, "")}/oauth2/sessions/logout`;
}

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
const scopeToken = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** Typed scopes, split on any whitespace, each once, in the order typed; undefined when one is not a valid scope token. */
export function parseScopes(text: string): string[] | undefined {
  const scopes = [...new Set(text.split(/\s+/).filter(Boolean))];
  return scopes.every((scope) => scopeToken.test(scope)) ? scopes : undefined;
}

export type PlaygroundClient = {
  client_id: string;
  grant_types?: string[] | null;
  response_types?: string[] | null;
  redirect_uris?: string[] | null;
  post_logout_redirect_uris?: string[] | null;
  token_endpoint_auth_method?: string | null;
};

/** How the playground authenticates the client at the token endpoint, if it can. */
export function playgroundAuthMethod(client: PlaygroundClient): "basic" | "none" | "unsupported" {
  // Hydra's default for a client registered without one (client/validator.go).
  const method = client.token_endpoint_auth_method || "client_secret_basic";
  if (method === "none") return "none";
  // Hydra answers 401 when the method used is not the one registered (fosite client_authentication.go).
  return method === "client_secret_basic" ? "basic" : "unsupported";
}

export type StartField = "client" | "scope" | "client_secret";
export type StartErrorKey =
  | "clientMissing"
  | "clientUnknown"
  | "noCodeGrant"
  | "authMethod"
  | "callbackMissing"
  | "scopeInvalid"
  | "secretMissing"
  | "secretNotUsed";
export type StartErrors = Partial<Record<StartField, StartErrorKey>>;

/**
 * Whether this client can be tried: it has the authorization-code grant,
 * authenticates in a way the playground speaks, has the playground's
 * callback among its redirect URIs (Hydra refuses any other, and says so
 * only to the browser), and gets a secret exactly when it is confidential.
 */
export function checkStart(input: { client: PlaygroundClient | undefined; clientId: string; scope: string; secret: string; callback: string }): StartErrors {
  const errors: StartErrors = {};
  if (parseScopes(input.scope) === undefined) errors.scope = "scopeInvalid";
  if (!input.clientId) return { ...errors, client: "clientMissing" };
  const { client } = input;
  if (!client) return { ...errors, client: "clientUnknown" };
  const grants = client.grant_types?.length ? client.grant_types : ["authorization_code"];
  const responses = client.response_types?.length ? client.response_types : ["code"];
  if (!grants.includes("authorization_code") || !responses.includes("code")) errors.client = "noCodeGrant";
  else if (!(client.redirect_uris ?? []).includes(input.callback)) errors.client = "callbackMissing";
  const method = playgroundAuthMethod(client);
  if (method === "unsupported") errors.client ??= "authMethod";
  else if (method === "basic" && !input.secret) errors.client_secret = "secretMissing";
  else if (method === "none" && input.secret) errors.client_secret = "secretNotUsed";
  return errors;
}

export type CallbackQuery = { code?: string; state?: string; error?: string; error_description?: string };

export type CallbackDecision =
  | { kind: "refused"; error: string; description?: string }
  | { kind: "no_flow" }
  | { kind: "state_mismatch" }
  | { kind: "no_code" }
  | { kind: "exchange"; code: string; flow: PlaygroundFlow };

/**
 * What to do when Hydra sends the browser back. Hydra's error is shown
 * first (its state is not needed to read it). A code is exchanged only when
 * the state is the one this browser's cookie holds (RFC 6749 §10.12), and
 * only once: the cookie loses its state after the exchange, because Hydra
 * revokes the tokens of a code that is redeemed twice (fosite
 * flow_authorize_code_token.go).
 */
export function decideCallback(query: CallbackQuery, flow: PlaygroundFlow | undefined): CallbackDecision {
  if (query.error) return { kind: "refused", error: query.error, description: query.error_description || undefined };
  if (!flow?.state) return { kind: "no_flow" };
  if (!query.state || query.state !== flow.state) return { kind: "state_mismatch" };
  if (!query.code) return { kind: "no_code" };
  return { kind: "exchange", code: query.code, flow };
}
