import { createHash } from "node:crypto";
import type { OAuth2Client } from "@ory/client-fetch";
import type { AccountConfig, AdminConfig } from "@/lib/config";
import type { ManagedClient } from "@/lib/hydra/clients";

/** The account page's scopes: who you are, your profile and email, and a refresh token to stay signed in. */
export const accountScope = "openid profile email offline_access";

/** Where next-auth takes the browser back after Hydra (its callback route for the provider id "hydra"). */
export const accountCallbackPath = "/api/auth/callback/hydra";
export const accountSignedOutPath = "/account/signed-out";

/**
 * The origins people sign in on: APP_URL's, and the admin console's when it
 * has a host of its own (its sessions are that host's cookies).
 */
export function signInOrigins(appUrl: string, admin: AdminConfig | null): string[] {
  const app = new URL(appUrl).origin;
  return admin && admin.origin !== app ? [app, admin.origin] : [app];
}

/**
 * The app's own OAuth2 client, as it must be registered in Hydra: first-party
 * (no consent page, no logout question), redirect URIs derived from APP_URL
 * (and ADMIN_HOST),
 * client_secret_basic. Hydra never shows a secret again, so a hash of it rides
 * in the metadata: a changed secret is then a drift like any other field.
 */
export function accountClientBody(account: AccountConfig, origins: string[], productName: string | undefined): OAuth2Client {
  return {
    client_id: account.clientId,
    client_secret: account.clientSecret,
    client_name: productName ? `${productName} account` : "Account",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: accountScope,
    redirect_uris: origins.map((origin) => `${origin}${accountCallbackPath}`),
    post_logout_redirect_uris: origins.map((origin) => `${origin}${accountSignedOutPath}`),
    token_endpoint_auth_method: "client_secret_basic",
    skip_consent: true,
    skip_logout_consent: true,
    metadata: { first_party: true, secret_sha256: secretFingerprint(account.clientSecret) },
  };
}

export function secretFingerprint(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | undefined) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort());

/** Whether the client Hydra has differs from the one we want in any field we manage. */
export function clientDrifted(existing: ManagedClient, wanted: OAuth2Client): boolean {
  return !(
    existing.client_name === wanted.client_name &&
    sameList(existing.grant_types, wanted.grant_types) &&
    sameList(existing.response_types, wanted.response_types) &&
    sameList(existing.scope?.split(" "), wanted.scope?.split(" ")) &&
    sameList(existing.redirect_uris, wanted.redirect_uris) &&
    sameList(existing.post_logout_redirect_uris, wanted.post_logout_redirect_uris) &&
    existing.token_endpoint_auth_method === wanted.token_endpoint_auth_method &&
    existing.skip_consent === wanted.skip_consent &&
    existing.skip_logout_consent === wanted.skip_logout_consent &&
    existing.metadata?.secret_sha256 === (wanted.metadata as Record<string, unknown>).secret_sha256
  );
}

/**
 * RP-initiated logout at Hydra for the account page: Hydra's session ends
 * too, and with skip_logout_consent Hydra asks nothing and comes back to
 * /account/signed-out (OpenID Connect RP-Initiated Logout 1.0 §2).
 */
export function endSessionUrl(issuer: string, origin: string, idToken: string): string {
  const url = new URL("oauth2/sessions/logout", issuer.endsWith("/") ? issuer : `${issuer}/`);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("post_logout_redirect_uri", `${origin}${accountSignedOutPath}`);
  return url.toString();
}
