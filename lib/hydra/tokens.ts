import type { ApiResponse, InitOverrideFunction } from "@ory/client-fetch";
import { z } from "zod";
import type { AccountConfig } from "@/lib/config";
import { call, parsed } from "./call";
import { hydraApis } from "./client";

export type IssuedTokens = { accessToken: string; refreshToken?: string; idToken?: string; expiresAt: number; scope?: string };

/** A client at Hydra's public token and revocation endpoints: confidential with a secret, public without. */
export type TokenClient = { clientId: string; clientSecret?: string };

const text = z.string().nullish();

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: text,
  id_token: text,
  expires_in: z.number().nullish(),
  scope: text,
});

/** What Hydra says of a token (oauth2/introspector.go); an unknown, expired or revoked one is just `{ active: false }`. */
export const introspectionSchema = z.object({
  active: z.boolean(),
  client_id: text,
  sub: text,
  scope: text,
  exp: z.number().nullish(),
  iat: z.number().nullish(),
  nbf: z.number().nullish(),
  aud: z.array(z.string()).nullish(),
  iss: text,
  token_type: text,
  token_use: text,
  username: text,
  ext: z.record(z.string(), z.unknown()).nullish(),
  obfuscated_subject: text,
});

export type IntrospectedToken = z.output<typeof introspectionSchema>;

/**
 * Authenticates as `client` at a public endpoint and adds the `form` fields
 * the SDK does not know (PKCE's code_verifier). With a secret it is
 * client_secret_basic, id and secret form-encoded before base64 (RFC 6749
 * §2.3.1); without, a public client names itself in the body (§3.2.1). The
 * Authorization header is ours alone: the SDK would put the Ory API key there,
 * which is no client's credential and not for the public endpoint.
 */
export function asClient(client: TokenClient, options: RequestInit, form: Record<string, string> = {}): InitOverrideFunction {
  return async ({ init }) => {
    const headers = Object.fromEntries(
      Object.entries((init.headers ?? {}) as Record<string, string>).filter(([name]) => name.toLowerCase() !== "authorization"),
    );
    const body = new URLSearchParams(init.body as URLSearchParams);
    if (client.clientSecret) {
      const basic = Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64");
      headers.authorization = `Basic ${basic}`;
    } else body.set("client_id", client.clientId);
    for (const [name, value] of Object.entries(form)) body.set(name, value);
    return { ...options, headers, body };
  };
}

async function issued(run: (options: RequestInit) => Promise<ApiResponse<unknown>>): Promise<IssuedTokens> {
  const tokens = parsed(tokenResponseSchema, await call(async (o) => (await run(o)).raw.json()));
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? undefined,
    idToken: tokens.id_token ?? undefined,
    expiresAt: Math.floor(Date.now() / 1000) + (tokens.expires_in ?? 0),
    scope: tokens.scope ?? undefined,
  };
}

/** Redeems an authorization code (PKCE); Hydra accepts a code once. */
export function exchangeCode({
  code,
  redirectUri,
  codeVerifier,
  ...client
}: TokenClient & { code: string; redirectUri: string; codeVerifier: string }): Promise<IssuedTokens> {
  return issued((o) =>
    hydraApis().public.oauth2TokenExchangeRaw(
      { grantType: "authorization_code", code, redirectUri },
      asClient(client, o, { code_verifier: codeVerifier }),
    ),
  );
}

/**
 * Hydra rotates refresh tokens: the one passed in is spent, and using it
 * again revokes the whole chain.
 */
export function refreshTokens({ refreshToken, ...client }: TokenClient & { refreshToken: string }): Promise<IssuedTokens> {
  return issued((o) => hydraApis().public.oauth2TokenExchangeRaw({ grantType: "refresh_token", refreshToken }, asClient(client, o)));
}

/** Renews the account page's tokens (a confidential client). */
export function refreshAccountTokens(account: AccountConfig, refreshToken: string): Promise<IssuedTokens> {
  return refreshTokens({ refreshToken, clientId: account.clientId, clientSecret: account.clientSecret });
}

/** Revokes an access or refresh token (RFC 7009); a refresh token takes its access tokens with it. Only the client it was issued to may. */
export async function revokeToken({ token, ...client }: TokenClient & { token: string }): Promise<void> {
  await call((o) => hydraApis().public.revokeOAuth2Token({ token }, asClient(client, o)));
}

/** Asks the admin API about a token; with `scope`, it is active only if it was granted every one of them. */
export async function introspect(token: string, scope?: string): Promise<IntrospectedToken> {
  const raw = await call(async (o) => (await hydraApis().admin.introspectOAuth2TokenRaw({ token, scope: scope || undefined }, o)).raw.json());
  return parsed(introspectionSchema, raw);
}
