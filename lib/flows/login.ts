import type { AcceptOAuth2LoginRequest } from "@ory/client-fetch";
import type { LoginRequest } from "@/lib/hydra/models";
import { type AuthMethod, acrForMethods } from "./authentication";
import { rememberFor } from "./remember";

export type LoginPolicy = { rememberFor: number; extendSessionOnSkip: boolean };

/** Why the person must type the password although Hydra may know them. */
export type ReauthenticationReason = "prompt_login" | "max_age";

export type LoginStart =
  | { kind: "accept"; body: AcceptOAuth2LoginRequest }
  | {
      kind: "show";
      prefillEmail: string;
      reason?: ReauthenticationReason;
      /** From a verified id_token_hint: signing in as anyone else ends the flow with login_required. */
      expectedEmail?: string;
    };

/**
 * What to do when the browser arrives with a login challenge. On skip Hydra
 * already knows the person (a remembered session); showing a form then would
 * break prompt=none, so we accept at once with the same subject.
 */
export function decideLoginStart(request: LoginRequest, policy: LoginPolicy): LoginStart {
  if (request.skip) {
    const body: AcceptOAuth2LoginRequest = {
      subject: request.subject,
      // On skip Hydra takes acr, amr and context from this accept body, not from the original session
      // (consent/handler.go, acceptOAuth2LoginRequest): re-send them.
      ...authenticationClaims(["pwd"], request.oidc.acrValues),
    };
    if (policy.extendSessionOnSkip) {
      // Only on skip does Hydra re-issue its session cookie, with this accept's remember_for.
      body.extend_session_lifespan = true;
      body.remember_for = rememberFor(request.client.metadata, "remember_login_for", policy.rememberFor);
    }
    return { kind: "accept", body };
  }
  const hinted = request.oidc.idTokenHintClaims;
  const expectedEmail = typeof hinted?.email === "string" ? hinted.email : undefined;
  return {
    kind: "show",
    prefillEmail: request.oidc.loginHint ?? expectedEmail ?? "",
    reason: reauthenticationReason(request.requestUrl),
    expectedEmail,
  };
}

/** prompt and max_age are not in Hydra's login request; they are read from the original authorization URL. */
export function reauthenticationReason(requestUrl: string): ReauthenticationReason | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(requestUrl).searchParams;
  } catch {
    return undefined;
  }
  if ((params.get("prompt") ?? "").split(" ").includes("login")) return "prompt_login";
  if (params.has("max_age")) return "max_age";
  return undefined;
}

export function loginAcceptBody(options: {
  subject: string;
  remember: boolean;
  methods: AuthMethod[];
  policy: LoginPolicy;
  request: LoginRequest;
}): AcceptOAuth2LoginRequest {
  const { subject, remember, methods, policy, request } = options;
  return {
    subject,
    remember,
    remember_for: remember ? rememberFor(request.client.metadata, "remember_login_for", policy.rememberFor) : 0,
    ...authenticationClaims(methods, request.oidc.acrValues),
  };
}

/**
 * The acr we reached is what we report, never the one asked for; the levels the
 * client requested travel in the context so the consent step (and Hydra's
 * consent sessions) can see whether they were met.
 */
function authenticationClaims(
  methods: AuthMethod[],
  requestedAcr: readonly string[],
): Pick<AcceptOAuth2LoginRequest, "acr" | "amr" | "context"> {
  const acr = acrForMethods(methods);
  const claims: Pick<AcceptOAuth2LoginRequest, "acr" | "amr" | "context"> = { acr, amr: [...methods] };
  if (requestedAcr.length > 0) claims.context = { acr_requested: [...requestedAcr], acr_met: requestedAcr.includes(acr) };
  return claims;
}
