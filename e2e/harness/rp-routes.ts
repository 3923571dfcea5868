// The relying party's HTTP routes:
//   GET  /            status and the clients it knows
//   GET  /start       PKCE + state + nonce, 302 to /oauth2/auth (other query params pass through)
//   GET  /callback    code exchange and ID token validation → {result:"success"|"error", …}
//   GET  /logout      RP-initiated logout (id_token_hint, post_logout_redirect_uri, state, ui_locales)
//   GET  /logged-out  → {result:"logged-out", state}
//   POST /backchannel stores and verifies logout_token
//   GET  /frontchannel records iss and sid
import type { IncomingMessage, ServerResponse } from "node:http";
import * as client from "openid-client";
import { verifyLogoutToken } from "./logout-token";
import { renderPage } from "./rp-page";
import type { CallbackResult, RpRouteContext } from "./rp-types";

// Parameters /start sets itself; everything else goes to /oauth2/auth unchanged.
const OWN_START_PARAMS = new Set(["client_id", "scope", "state", "nonce", "code_challenge", "code_challenge_method"]);
const DEFAULT_SCOPE = "openid offline_access profile email";

export function describeError(error: unknown): { error: string; error_description?: string } {
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

async function start(rp: RpRouteContext, url: URL): Promise<string> {
  const config = rp.config(url.searchParams.get("client_id") ?? undefined);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const params: Record<string, string> = {
    redirect_uri: rp.redirectUri,
    scope: url.searchParams.get("scope") ?? DEFAULT_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  };
  for (const [key, value] of url.searchParams) {
    if (!OWN_START_PARAMS.has(key)) params[key] = value;
  }
  const maxAge = url.searchParams.get("max_age");
  rp.flows.set(state, {
    clientId: config.clientMetadata().client_id,
    codeVerifier,
    nonce,
    maxAge: maxAge === null ? undefined : Number(maxAge),
  });
  return client.buildAuthorizationUrl(config, params).href;
}

async function callback(rp: RpRouteContext, url: URL): Promise<CallbackResult> {
  const state = url.searchParams.get("state");
  if (url.searchParams.has("error")) {
    return {
      result: "error",
      error: url.searchParams.get("error")!,
      error_description: url.searchParams.get("error_description") ?? undefined,
      state,
    };
  }
  const flow = state === null ? undefined : rp.flows.get(state);
  if (!flow) {
    return { result: "error", error: "unknown_state", error_description: "no flow was started with this state", state };
  }
  rp.flows.delete(state!);
  const config = rp.config(flow.clientId);
  try {
    // Checks PKCE, state and nonce, and validates the ID token (JWKS signature, iss, aud, exp, auth_time).
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state!,
      expectedNonce: flow.nonce,
      maxAge: flow.maxAge,
    });
    rp.lastTokens = rp.toTokens(config, tokens);
    return { result: "success", ...rp.lastTokens };
  } catch (error) {
    return { result: "error", ...describeError(error), state };
  }
}

function logout(rp: RpRouteContext, url: URL): string {
  // id_token_hint and post_logout_redirect_uri default to the last ID token and /logged-out;
  // pass them empty to leave them out.
  const params: Record<string, string> = {
    id_token_hint: url.searchParams.get("id_token_hint") ?? rp.lastTokens?.id_token ?? "",
    post_logout_redirect_uri: url.searchParams.get("post_logout_redirect_uri") ?? rp.postLogoutRedirectUri,
    state: url.searchParams.get("state") ?? "",
    // OpenID RP-Initiated Logout 1.0 §2: the RP may say which languages its user reads.
    ui_locales: url.searchParams.get("ui_locales") ?? "",
  };
  for (const key of Object.keys(params)) if (params[key] === "") delete params[key];
  const config = rp.config(url.searchParams.get("client_id") ?? rp.lastTokens?.client_id);
  return client.buildEndSessionUrl(config, params).href;
}

export async function routeRpRequest(rp: RpRouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", rp.url);
  const route = `${req.method} ${url.pathname}`;
  const send = (status: number, payload: unknown) => {
    const html = rp.options.presentation === "html";
    res.writeHead(status, { "content-type": html ? "text/html; charset=utf-8" : "application/json", "cache-control": "no-store" });
    res.end(html ? renderPage(rp, payload) : JSON.stringify(payload, null, 2));
  };
  const redirect = (location: string) => {
    res.writeHead(302, { location });
    res.end();
  };

  switch (route) {
    case "GET /":
      return send(200, { result: "ready", start: rp.startUrl(), clients: rp.clientIds });
    case "GET /start":
      return redirect(await start(rp, url));
    case "GET /callback": {
      const result = await callback(rp, url);
      rp.callbacks.push(result);
      return send(200, result);
    }
    case "GET /logout":
      return redirect(logout(rp, url));
    case "GET /logged-out": {
      const state = url.searchParams.get("state");
      rp.loggedOut.push(state);
      return send(200, { result: "logged-out", state });
    }
    case "POST /backchannel": {
      const logoutToken = new URLSearchParams(await readBody(req)).get("logout_token") ?? "";
      const received = await verifyLogoutToken(logoutToken, {
        issuer: rp.options.issuer,
        audiences: rp.clientIds,
        jwksUri: rp.config().serverMetadata().jwks_uri!,
      });
      rp.backchannelTokens.push(received);
      // OpenID Back-Channel Logout 1.0 §2.8: 400 for a token that fails validation.
      res.writeHead(received.verified ? 200 : 400, { "cache-control": "no-store" });
      return void res.end();
    }
    case "GET /frontchannel":
      rp.frontchannelHits.push({
        iss: url.searchParams.get("iss"),
        sid: url.searchParams.get("sid"),
        receivedAt: new Date(),
      });
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return void res.end("<!doctype html><title>front-channel logout</title>");
    default:
      return send(404, { result: "error", error: "not_found", error_description: route });
  }
}
