import type { AcceptOAuth2ConsentRequest, AcceptOAuth2LoginRequest, RejectOAuth2Request } from "@ory/client-fetch";
import { config } from "@/lib/config";
import { isHydraRedirect } from "@/lib/security/redirects";
import { call, parsed } from "./call";
import { callOptions, hydraApis, hydraFetch } from "./client";
import { HydraError } from "./errors";
import {
  type ConsentRequest,
  type LoginRequest,
  type LogoutRequest,
  consentRequestSchema,
  loginRequestSchema,
  logoutRequestSchema,
} from "./models";

export { HydraError } from "./errors";
export type { HydraFailure } from "./errors";
export type { ClientInfo, ConsentRequest, LoginRequest, LogoutRequest } from "./models";

/** Hydra answers accept/reject with a URL the browser must be sent to; refuse anything off Hydra's public origin. */
async function redirectTarget(run: (options: RequestInit) => Promise<{ redirect_to: string }>): Promise<string> {
  const { redirect_to } = await call(run);
  if (!isHydraRedirect(redirect_to, config().hydra.publicUrl)) throw new HydraError({ kind: "unavailable" });
  return redirect_to;
}

export async function getLoginRequest(challenge: string): Promise<LoginRequest> {
  const raw = await call(async (o) => (await hydraApis().admin.getOAuth2LoginRequestRaw({ loginChallenge: challenge }, o)).raw.json());
  return parsed(loginRequestSchema, raw);
}

export function acceptLogin(challenge: string, body: AcceptOAuth2LoginRequest): Promise<string> {
  return redirectTarget((o) =>
    hydraApis().admin.acceptOAuth2LoginRequest({ loginChallenge: challenge, acceptOAuth2LoginRequest: body }, o),
  );
}

export function rejectLogin(challenge: string, body: RejectOAuth2Request): Promise<string> {
  return redirectTarget((o) =>
    hydraApis().admin.rejectOAuth2LoginRequest({ loginChallenge: challenge, rejectOAuth2Request: body }, o),
  );
}

export async function getConsentRequest(challenge: string): Promise<ConsentRequest> {
  const raw = await call(async (o) => (await hydraApis().admin.getOAuth2ConsentRequestRaw({ consentChallenge: challenge }, o)).raw.json());
  return parsed(consentRequestSchema, raw);
}

export function acceptConsent(challenge: string, body: AcceptOAuth2ConsentRequest): Promise<string> {
  return redirectTarget((o) =>
    hydraApis().admin.acceptOAuth2ConsentRequest({ consentChallenge: challenge, acceptOAuth2ConsentRequest: body }, o),
  );
}

export function rejectConsent(challenge: string, body: RejectOAuth2Request): Promise<string> {
  return redirectTarget((o) =>
    hydraApis().admin.rejectOAuth2ConsentRequest({ consentChallenge: challenge, rejectOAuth2Request: body }, o),
  );
}

export async function getLogoutRequest(challenge: string): Promise<LogoutRequest> {
  const raw = await call(async (o) => (await hydraApis().admin.getOAuth2LogoutRequestRaw({ logoutChallenge: challenge }, o)).raw.json());
  return parsed(logoutRequestSchema, raw);
}

export function acceptLogout(challenge: string): Promise<string> {
  return redirectTarget((o) => hydraApis().admin.acceptOAuth2LogoutRequest({ logoutChallenge: challenge }, o));
}

/** Hydra answers 204 and keeps the session; where the browser goes next is ours to choose. */
export async function rejectLogout(challenge: string): Promise<void> {
  await call((o) => hydraApis().admin.rejectOAuth2LogoutRequest({ logoutChallenge: challenge }, o));
}

export async function hydraIsReady(): Promise<boolean> {
  const { adminUrl, apiKey } = config().hydra;
  try {
    const response = await hydraFetch(`${adminUrl}/health/ready`, {
      ...callOptions(),
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    });
    return response.ok;
  } catch {
    return false;
  }
}
