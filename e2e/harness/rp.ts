import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as client from "openid-client";
import { verifyLogoutToken, type BackchannelLogout } from "./logout-token";
import { renderPage } from "./rp-page";

export type { BackchannelLogout } from "./logout-token";

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

interface PendingFlow {
  clientId: string;
  codeVerifier: string;
  nonce: string;
  maxAge?: number;
}

// Parameters /start handles itself; everything else goes to /oauth2/auth unchanged.
const OWN_START_PARAMS = new Set(["client_id", "scope", "state", "nonce", "code_challenge", "code_challenge_method"]);
const DEFAULT_SCOPE = "openid offline_access profile email";

function authenticationFor(rpClient: RpClient): client.ClientAuth {
  switch (rpClient.token_endpoint_auth_method) {
    case "none":
      return client.None();
    case "client_secret_post":
      return client.ClientSecretPost(rpClient.client_secret);
    default:
      return client.ClientSecretBasic(rpClient.client_secret);
  }
}

function describeError(error: unknown): { error: string; error_description?: string } {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) {
    return { error: error.error, error_description: error.error_description };
  }
  const e = error as { code?: string; name?: string; message?: string };
  return { error: e.code ?? e.name ?? "error", error_description: e.message };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

/** A relying party (OIDC client) served on http://localhost:<port>, driven by the browser. */
export class RelyingParty {
  readonly url: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** Tokens of the last successful /callback. */
  lastTokens: RpTokens | undefined;
  /** Every /callback answer, oldest first. */
  readonly callbacks: CallbackResult[] = [];
  readonly backchannelTokens: BackchannelLogout[] = [];
  readonly frontchannelHits: FrontchannelHit[] = [];
  /** `state` of every /logged-out visit. */
  readonly loggedOut: Array<string | null> = [];

  private readonly configs = new Map<string, client.Configuration>();
  private defaultClientId: string | undefined;
  private readonly flows = new Map<string, PendingFlow>();

  constructor(
    private readonly server: ReturnType<typeof createServer>,
    private readonly options: StartRpOptions,
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

  /** URL of /start: scope, prompt, max_age, login_hint, acr_values, ui_locales, client_id, … */
  startUrl(params: Record<string, string | number | undefined> = {}): string {
    const url = new URL("/start", this.url);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  /** URL of /logout (RP-initiated logout with the last ID token as id_token_hint). */
  logoutUrl(params: Record<string, string | undefined> = {}): string {
    return this.startUrl(params).replace("/start", "/logout");
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

  private config(clientId = this.defaultClientId): client.Configuration {
    const config = clientId === undefined ? undefined : this.configs.get(clientId);
    if (!config) throw new Error(`the RP has no client ${clientId ?? "(none added)"}: call addClient first`);
    return config;
  }

  private toTokens(config: client.Configuration, tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): RpTokens {
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

  /** The request handler; routes are documented in e2e/harness/README.md. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const send = (status: number, payload: unknown) => {
      const html = this.options.presentation === "html";
      res.writeHead(status, { "content-type": html ? "text/html; charset=utf-8" : "application/json" });
      res.end(html ? renderPage(this, payload) : JSON.stringify(payload, null, 2));
    };
    const redirect = (location: string) => {
      res.writeHead(302, { location });
      res.end();
    };

    if (req.method === "GET" && url.pathname === "/") {
      send(200, { result: "ready", start: this.startUrl(), clients: [...this.configs.keys()] });
    } else if (req.method === "GET" && url.pathname === "/start") {
      const clientId = url.searchParams.get("client_id") ?? undefined;
      const config = this.config(clientId);
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const maxAge = url.searchParams.get("max_age");
      const params: Record<string, string> = {
        redirect_uri: this.redirectUri,
        scope: url.searchParams.get("scope") ?? DEFAULT_SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      };
      for (const [key, value] of url.searchParams) {
        if (!OWN_START_PARAMS.has(key)) params[key] = value;
      }
      this.flows.set(state, {
        clientId: config.clientMetadata().client_id,
        codeVerifier,
        nonce,
        maxAge: maxAge === null ? undefined : Number(maxAge),
      });
      redirect(client.buildAuthorizationUrl(config, params).href);
    } else if (req.method === "GET" && url.pathname === "/callback") {
      const state = url.searchParams.get("state");
      let result: CallbackResult;
      const flow = state === null ? undefined : this.flows.get(state);
      if (url.searchParams.has("error")) {
        result = {
          result: "error",
          error: url.searchParams.get("error")!,
          error_description: url.searchParams.get("error_description") ?? undefined,
          state,
        };
      } else if (!flow) {
        result = { result: "error", error: "unknown_state", error_description: "no flow was started with this state", state };
      } else {
        this.flows.delete(state!);
        const config = this.config(flow.clientId);
        try {
          // Checks PKCE, state and nonce, and validates the ID token (JWKS signature, iss, aud, exp, auth_time).
          const tokens = await client.authorizationCodeGrant(config, url, {
            pkceCodeVerifier: flow.codeVerifier,
            expectedState: state!,
            expectedNonce: flow.nonce,
            maxAge: flow.maxAge,
          });
          this.lastTokens = this.toTokens(config, tokens);
          result = { result: "success", ...this.lastTokens };
        } catch (error) {
          result = { result: "error", ...describeError(error), state };
        }
      }
      this.callbacks.push(result);
      send(200, result);
    } else if (req.method === "GET" && url.pathname === "/logout") {
      // id_token_hint and post_logout_redirect_uri default to the last ID token and /logged-out;
      // pass them empty to leave them out.
      const params: Record<string, string> = {
        id_token_hint: url.searchParams.get("id_token_hint") ?? this.lastTokens?.id_token ?? "",
        post_logout_redirect_uri: url.searchParams.get("post_logout_redirect_uri") ?? this.postLogoutRedirectUri,
        state: url.searchParams.get("state") ?? "",
      };
      for (const key of Object.keys(params)) if (params[key] === "") delete params[key];
      const config = this.config(url.searchParams.get("client_id") ?? this.lastTokens?.client_id);
      redirect(client.buildEndSessionUrl(config, params).href);
    } else if (req.method === "GET" && url.pathname === "/logged-out") {
      const state = url.searchParams.get("state");
      this.loggedOut.push(state);
      send(200, { result: "logged-out", state });
    } else if (req.method === "POST" && url.pathname === "/backchannel") {
      const logoutToken = new URLSearchParams(await readBody(req)).get("logout_token") ?? "";
      const audiences = [...this.configs.keys()];
      const jwksUri = this.config().serverMetadata().jwks_uri!;
      const received = await verifyLogoutToken(logoutToken, { issuer: this.options.issuer, audiences, jwksUri });
      this.backchannelTokens.push(received);
      // OpenID Back-Channel Logout 1.0 §2.8: 400 for a token that fails validation.
      res.writeHead(received.verified ? 200 : 400, { "cache-control": "no-store" });
      res.end();
    } else if (req.method === "GET" && url.pathname === "/frontchannel") {
      this.frontchannelHits.push({ iss: url.searchParams.get("iss"), sid: url.searchParams.get("sid"), receivedAt: new Date() });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end("<!doctype html><title>front-channel logout</title>");
    } else {
      send(404, { result: "error", error: "not_found", error_description: `${req.method} ${url.pathname}` });
    }
  }
}

/** Starts the relying party. Add a client with addClient() before using /start. */
export async function startRp(options: StartRpOptions): Promise<RelyingParty> {
  let rp: RelyingParty | undefined;
  const server = createServer((req, res) => {
    rp!.handle(req, res).catch((error: unknown) => {
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
