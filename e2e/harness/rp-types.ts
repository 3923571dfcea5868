// The relying party's shared shapes: what it records, its options, and what its routes
// (rp-routes.ts) need from it. rp.ts implements them; both import from here, so imports run
// one way: rp.ts → rp-routes.ts → rp-types.ts.
import type * as client from "openid-client";
import type { BackchannelLogout } from "./logout-token";

/** What /callback answered with after a successful code exchange (also what refresh() returns). */
export interface RpTokens {
  client_id: string;
  access_token: string;
  token_type: string;
  expires_in?: number;
  scope?: string;
  refresh_token?: string;
  id_token?: string;
  id_token_claims?: Record<string, unknown>;
}

export type CallbackResult =
  | ({ result: "success" } & RpTokens)
  | { result: "error"; error: string; error_description?: string; state: string | null };

export interface FrontchannelHit {
  iss: string | null;
  sid: string | null;
  receivedAt: Date;
}

/** The fields of a Hydra client the RP needs (an OAuth2Client from clients.ts fits). */
export interface RpClient {
  client_id: string;
  client_secret?: string;
  token_endpoint_auth_method?: string;
}

export interface StartRpOptions {
  issuer: string;
  /** Hydra's admin URL, for introspection. */
  adminUrl: string;
  /** Fixed port (the demo); a free one when omitted. */
  port?: number;
  /** "json" (default) for tests; "html" shows the same data as a page with links (the demo). */
  presentation?: "json" | "html";
}

/** An authorization request started at /start and not yet finished at /callback. */
export interface PendingFlow {
  clientId: string;
  codeVerifier: string;
  nonce: string;
  maxAge?: number;
}

/** What the routes read and record on the relying party (RelyingParty in rp.ts). */
export interface RpRouteContext {
  readonly url: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly options: StartRpOptions;
  lastTokens: RpTokens | undefined;
  readonly callbacks: CallbackResult[];
  readonly backchannelTokens: BackchannelLogout[];
  readonly frontchannelHits: FrontchannelHit[];
  readonly loggedOut: Array<string | null>;
  readonly flows: Map<string, PendingFlow>;
  readonly clientIds: string[];
  config(clientId?: string): client.Configuration;
  startUrl(params?: Record<string, string | number | undefined>): string;
  toTokens(config: client.Configuration, tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): RpTokens;
}
