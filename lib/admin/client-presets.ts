import { clientFormFields, type ClientFormValues } from "./client-form";

export const clientPresetNames = ["web", "spa_native", "machine", "jwt_bearer"] as const;
export type ClientPresetName = (typeof clientPresetNames)[number];

const blank = Object.fromEntries(clientFormFields.map((field) => [field, ""])) as ClientFormValues;

/** The initial values of the create form for each kind of client; the admin edits them before saving. */
export const clientPresets: Record<ClientPresetName, ClientFormValues> = {
  /** A server-rendered web app: it keeps a secret, signs people in, and refreshes. */
  web: {
    ...blank,
    grant_types: "authorization_code\nrefresh_token",
    response_types: "code",
    scope: "openid offline_access",
    token_endpoint_auth_method: "client_secret_basic",
  },
  /**
   * A browser or native app: public, it cannot keep a secret, so PKCE is what
   * binds the code to it. Hydra v2.3.0 enforces PKCE for public clients only
   * when the deployment sets `oauth2.pkce.enforced_for_public_clients: true`
   * (or `oauth2.pkce.enforced` for every client); both default to false and
   * there is no per-client switch, so the deployment must set it.
   */
  spa_native: {
    ...blank,
    grant_types: "authorization_code\nrefresh_token",
    response_types: "code",
    scope: "openid offline_access",
    token_endpoint_auth_method: "none",
  },
  /** A service acting for itself: no user, no browser, hence no redirect URIs and no response type. */
  machine: {
    ...blank,
    grant_types: "client_credentials",
    token_endpoint_auth_method: "client_secret_basic",
  },
  /**
   * A service that proves itself with a signed JWT (private_key_jwt, RFC 7523 §2.2)
   * instead of a shared secret; it needs jwks or jwks_uri, left empty here on
   * purpose. client_credentials, not authorization_code: a party holding a
   * private key is a back end acting for itself; a web app that wants key-based
   * authentication starts from "web" and switches the method. The jwt-bearer
   * grant (trusted issuers, RFC 7523 §2.1) is a separate tick, given only to
   * clients that exchange such assertions.
   */
  jwt_bearer: {
    ...blank,
    grant_types: "client_credentials",
    token_endpoint_auth_method: "private_key_jwt",
  },
};
