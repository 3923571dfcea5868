import * as oidc from "openid-client";
import { config } from "@/lib/config";
import type { UpstreamProvider } from "./config";
import type { UpstreamFailure } from "./decisions";
import type { UpstreamLevel } from "./store";

/** Where every upstream sends the browser back: the one callback, the provider is known from the flow cookie. */
export const upstreamCallbackPath = "/login/upstream/callback";
export const upstreamRedirectUri = () => `${config().appUrl}${upstreamCallbackPath}`;

const timeoutSeconds = 10;

/** Thrown for anything that stops an upstream sign-in; `failure` is what the page says. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
  constructor(
    readonly failure: UpstreamFailure,
    cause?: unknown,
  ) {
    super(failure, { cause });
  }
}

/** The checks an authorization response must pass, kept in the sealed flow cookie between the two hops. */
export type UpstreamChecks = { state: string; nonce?: string; verifier: string };

// Discovery once per provider and process; a failed one is tried again on the next sign-in.
const configurations = new Map<string, Promise<oidc.Configuration>>();

function configurationOf(provider: UpstreamProvider): Promise<oidc.Configuration> {
  let known = configurations.get(provider.id);
  if (!known) {
    known = makeConfiguration(provider);
    configurations.set(provider.id, known);
    known.catch(() => configurations.delete(provider.id));
  }
  return known;
}

async function makeConfiguration(provider: UpstreamProvider): Promise<oidc.Configuration> {
  const { protocol } = provider;
  if (protocol.kind === "github") {
    const server = { issuer: "https://github.com", authorization_endpoint: protocol.authorizationEndpoint, token_endpoint: protocol.tokenEndpoint };
    const configuration = new oidc.Configuration(server, provider.clientId, provider.clientSecret, oidc.ClientSecretPost(provider.clientSecret));
    configuration.timeout = timeoutSeconds;
    return configuration;
  }
  const insecure = protocol.issuer.startsWith("http://");
  // Discovery checks that the metadata names exactly the configured issuer (OpenID Connect Discovery 1.0 §4.3).
  const discovered = await oidc.discovery(new URL(protocol.issuer), provider.clientId, undefined, undefined, {
    timeout: timeoutSeconds,
    execute: insecure ? [oidc.allowInsecureRequests] : [],
  });
  const metadata = discovered.serverMetadata();
  // client_secret_basic is the default when the provider lists no methods (OpenID Connect Discovery 1.0 §3).
  const methods = metadata.token_endpoint_auth_methods_supported ?? ["client_secret_basic"];
  const authentication = methods.includes("client_secret_basic") ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.ClientSecretPost(provider.clientSecret);
  const configuration = new oidc.Configuration(metadata, provider.clientId, provider.clientSecret, authentication);
  configuration.timeout = timeoutSeconds;
  if (insecure) oidc.allowInsecureRequests(configuration);
  return configuration;
}

/** The upstream's authorization URL for a new sign-in, with fresh PKCE, state and nonce (OpenID Connect Core §3.1.2.1). */
export async function startAuthorization(provider: UpstreamProvider, options: { prompt?: "login" }): Promise<{ url: string; checks: UpstreamChecks }> {
  const configuration = await configurationOf(provider).catch((error) => {
    throw new UpstreamError(classify(error), error);
  });
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = provider.protocol.kind === "oidc" ? oidc.randomNonce() : undefined;
  const parameters: Record<string, string> = {
    redirect_uri: upstreamRedirectUri(),
    scope: provider.scopes.join(" "),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  };
  if (nonce) parameters.nonce = nonce;
  if (provider.responseMode === "form_post") parameters.response_mode = "form_post";
  if (options.prompt) parameters.prompt = options.prompt;
  return { url: oidc.buildAuthorizationUrl(configuration, parameters).href, checks: { state, nonce, verifier } };
}

export type UpstreamIdentity = { subject: string; claims: Record<string, unknown>; level: UpstreamLevel };

/**
 * Exchanges the code of the authorization response that came back to
 * `callbackUrl`: the state must be this browser's, the code is bound to its
 * PKCE verifier, and the ID token's signature, iss, aud, exp and nonce are
 * checked by openid-client (OpenID Connect Core §3.1.3.7).
 */
export async function completeAuthorization(provider: UpstreamProvider, callbackUrl: URL, checks: UpstreamChecks): Promise<UpstreamIdentity> {
  try {
    const configuration = await configurationOf(provider);
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: provider.protocol.kind === "oidc",
    });
    if (provider.protocol.kind === "github") return await githubIdentity(provider.protocol.userApi, tokens.access_token);
    const idToken = tokens.claims();
    if (!idToken) throw new UpstreamError("mismatch");
    let claims: Record<string, unknown> = { ...idToken };
    const mappedEmail = provider.claims.email;
    if (mappedEmail && claims[mappedEmail] === undefined && configuration.serverMetadata().userinfo_endpoint) {
      // Some providers put the profile in user info only; its sub must be the ID token's (OpenID Connect Core §5.3.4).
      claims = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...claims };
    }
    const amr = Array.isArray(idToken.amr) ? idToken.amr.filter((value): value is string => typeof value === "string") : [];
    return { subject: idToken.sub, claims, level: { acr: typeof idToken.acr === "string" ? idToken.acr : undefined, amr } };
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError(classify(error), error);
  }
}

/** GitHub has no ID token: its user API says who signed in, and its emails API which address is primary and verified. */
async function githubIdentity(api: string, accessToken: string): Promise<UpstreamIdentity> {
  const get = async (path: string) => {
    const response = await fetch(`${api}${path}`, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/vnd.github+json", "user-agent": "hydra-provider" },
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
    if (!response.ok) throw new UpstreamError("failed");
    return (await response.json()) as unknown;
  };
  const user = (await get("/user")) as Record<string, unknown>;
  if (typeof user.id !== "number" && typeof user.id !== "string") throw new UpstreamError("failed");
  const emails = await get("/user/emails").catch(() => []);
  const primary = Array.isArray(emails) ? (emails as Array<Record<string, unknown>>).find((entry) => entry.primary === true) : undefined;
  const claims = { ...user, email: primary?.email ?? user.email, email_verified: primary?.verified === true };
  return { subject: String(user.id), claims, level: { amr: [] } };
}

/**
 * The openid-client and oauth4webapi error codes of a response that does not
 * belong to this sign-in (state, nonce, issuer, audience, signature, a code
 * refused at the token endpoint); anything else is the upstream failing.
 */
function classify(error: unknown): UpstreamFailure {
  const code = (error as { code?: unknown })?.code;
  const mismatches = [
    "OAUTH_JWT_CLAIM_COMPARISON_FAILED",
    "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED",
    "OAUTH_INVALID_RESPONSE",
    "OAUTH_RESPONSE_BODY_ERROR",
    "OAUTH_JWT_TIMESTAMP_CHECK_FAILED",
    "OAUTH_KEY_SELECTION_FAILED",
    "OAUTH_INVALID_REQUEST",
  ];
  return typeof code === "string" && mismatches.includes(code) ? "mismatch" : "failed";
}
