import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as client from "openid-client";
import type { BackchannelLogout } from "./logout-token";
import { describeError, routeRpRequest } from "./rp-routes";
import type { CallbackResult, FrontchannelHit, PendingFlow, RpClient, RpRouteContext, RpTokens, StartRpOptions } from "./rp-types";

export type { BackchannelLogout } from "./logout-token";
export type { CallbackResult, FrontchannelHit, PendingFlow, RpClient, RpTokens, StartRpOptions } from "./rp-types";

function authenticationFor(rpClient: RpClient): client.ClientAuth {
  // Hydra insists on the method the client was registered with.
  switch (rpClient.token_endpoint_auth_method) {
    case "none":
      return client.None();
    case "client_secret_post":
      return client.ClientSecretPost(rpClient.client_secret);
    default:
      return client.ClientSecretBasic(rpClient.client_secret);
  }
}

/**
 * A relying party (OIDC client, openid-client v6) served on http://localhost:<port> and
 * driven by the browser. Routes are in rp-routes.ts; this class holds its state and the
 * calls tests make directly.
 */
export class RelyingParty implements RpRouteContext {
  readonly url: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** Tokens of the last successful /callback. */
  lastTokens: RpTokens | undefined;
  /** Every /callback answer, oldest first. */
  readonly callbacks: CallbackResult[] = [];
  /** logout_token POSTs to /backchannel, oldest first. */
  readonly backchannelTokens: BackchannelLogout[] = [];
  /** GET /frontchannel?iss=&sid= visits, oldest first. */
  readonly frontchannelHits: FrontchannelHit[] = [];
  /** `state` of every /logged-out visit. */
  readonly loggedOut: Array<string | null> = [];
  /** Pending /start flows by state (used by the routes). */
  readonly flows = new Map<string, PendingFlow>();

  private readonly configs = new Map<string, client.Configuration>();
  private defaultClientId: string | undefined;

  constructor(
    private readonly server: Server,
    readonly options: StartRpOptions,
    port: number,
  ) {
    this.url = `http://localhost:${port}`;
    this.redirectUri = `${this.url}/callback`;
    this.postLogoutRedirectUri = `${this.url}/logged-out`;
  }

  /** Discovers the issuer for this client. The first client added is the default for /start. */
  async addClient(rpClient: RpClient): Promise<void> {
    const config = await client.discovery(
      new URL(this.options.issuer),
      rpClient.client_id,
      undefined,
      authenticationFor(rpClient),
      { execute: [client.allowInsecureRequests] }, // the issuer is http://localhost
    );
    this.configs.set(rpClient.client_id, config);
    this.defaultClientId ??= rpClient.client_id;
  }

  /** Makes an added client the default for /start, refresh() and revoke(). */
  useClient(clientId: string): void {
    this.config(clientId);
    this.defaultClientId = clientId;
  }

  /** Client ids added so far. */
  get clientIds(): string[] {
    return [...this.configs.keys()];
  }

  /** openid-client configuration of a client (default: the default client). */
  config(clientId = this.defaultClientId): client.Configuration {
    const config = clientId === undefined ? undefined : this.configs.get(clientId);
    if (!config) throw new Error(`the RP has no client ${clientId ?? "(none added)"}: call addClient first`);
    return config;
  }

  /** URL of /start: scope, prompt, max_age, login_hint, acr_values, ui_locales, client_id, … */
  startUrl(params: Record<string, string | number | undefined> = {}): string {
    return this.routeUrl("/start", params);
  }

  /** URL of /logout: RP-initiated logout with the last ID token as id_token_hint. */
  logoutUrl(params: { state?: string; post_logout_redirect_uri?: string; id_token_hint?: string; client_id?: string; ui_locales?: string } = {}): string {
    return this.routeUrl("/logout", params);
  }

  /** GET /userinfo with the access token; the raw status and body (errors included). */
  async userinfo(accessToken: string): Promise<{ status: number; body: unknown }> {
    const endpoint = this.config().serverMetadata().userinfo_endpoint!;
    const response = await fetch(endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  }

  /** Hydra's admin introspection (POST /admin/oauth2/introspect). */
  async introspect(token: string, scope?: string): Promise<Record<string, unknown> & { active: boolean }> {
    const form = new URLSearchParams({ token });
    if (scope) form.set("scope", scope);
    const response = await fetch(`${this.options.adminUrl}/admin/oauth2/introspect`, { method: "POST", body: form });
    if (!response.ok) throw new Error(`introspection answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, unknown> & { active: boolean };
  }

  /** refresh_token grant; rejects with client.ResponseBodyError (e.g. invalid_grant) on failure. */
  async refresh(refreshToken: string, clientId?: string): Promise<RpTokens> {
    const config = this.config(clientId);
    return this.toTokens(config, await client.refreshTokenGrant(config, refreshToken));
  }

  /** RFC 7009 revocation at Hydra's public /oauth2/revoke. */
  async revoke(token: string, clientId?: string): Promise<void> {
    await client.tokenRevocation(this.config(clientId), token);
  }

  /** Forgets tokens, callbacks and logout notifications (clients stay). */
  reset(): void {
    this.lastTokens = undefined;
    this.callbacks.length = 0;
    this.backchannelTokens.length = 0;
    this.frontchannelHits.length = 0;
    this.loggedOut.length = 0;
    this.flows.clear();
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  toTokens(
    config: client.Configuration,
    tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  ): RpTokens {
    return {
      client_id: config.clientMetadata().client_id,
      access_token: tokens.access_token,
      token_type: tokens.token_type,
      expires_in: tokens.expires_in,
      scope: tokens.scope,
      refresh_token: tokens.refresh_token,
      id_token: tokens.id_token,
      id_token_claims: tokens.claims() as Record<string, unknown> | undefined,
    };
  }

  private routeUrl(path: string, params: Record<string, string | number | undefined>): string {
    const url = new URL(path, this.url);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }
}

/** Starts the relying party. Add a client with addClient() before using /start. */
export async function startRp(options: StartRpOptions): Promise<RelyingParty> {
  let rp: RelyingParty | undefined;
  const server = createServer((req, res) => {
    routeRpRequest(rp!, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ result: "error", ...describeError(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // No host: both IPv4 and IPv6, since localhost may resolve to 127.0.0.1 or ::1.
    server.listen(options.port ?? 0, () => resolve());
  });
  rp = new RelyingParty(server, options, (server.address() as AddressInfo).port);
  return rp;
}
