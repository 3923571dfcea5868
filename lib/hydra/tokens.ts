import type { AccountConfig } from "@/lib/config";
import { call } from "./call";
import { hydraApis } from "./client";

export type RefreshedTokens = { accessToken: string; refreshToken?: string; idToken?: string; expiresAt: number };

/**
 * Renews the account page's tokens at Hydra's token endpoint with a refresh
 * token (client_secret_basic). Hydra rotates refresh tokens: the one passed
 * in is spent, and using it again revokes the whole chain.
 */
export async function refreshAccountTokens(account: AccountConfig, refreshToken: string): Promise<RefreshedTokens> {
  const basic = Buffer.from(`${encodeURIComponent(account.clientId)}:${encodeURIComponent(account.clientSecret)}`).toString("base64");
  const tokens = await call((options) =>
    hydraApis().public.oauth2TokenExchange({ grantType: "refresh_token", refreshToken }, async ({ init }) => ({
      ...options,
      headers: { ...(init.headers as Record<string, string>), authorization: `Basic ${basic}` },
    })),
  );
  if (!tokens.access_token) throw new Error("Hydra answered the refresh without an access token");
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token,
    expiresAt: Math.floor(Date.now() / 1000) + (tokens.expires_in ?? 0),
  };
}
