import type { AcceptOAuth2LoginRequest, RejectOAuth2Request } from "@ory/client-fetch";
import type { LoginRequest } from "@/lib/hydra/models";
import { type Achieved, type Level, nextSignInStep, requiredLevel } from "@/lib/second-factor/levels";
import { rememberFor } from "./remember";

/** A password alone: what a sign-in proved unless we recorded more for its session. */
export const passwordOnly: Achieved = { acr: "1", amr: ["pwd"] };

/**
 * What a sign-in that stopped to verify the address had proved, for the flow
 * to go on with once it is verified: what was kept for this very account (an
 * upstream sign-in: "fed"), else a password (sign-up, a password sign-in).
 */
export function provedBeforeVerification(kept: ({ subject: string } & Achieved) | undefined, subject: string): Achieved {
  return kept?.subject === subject ? { acr: kept.acr, amr: kept.amr } : passwordOnly;
}

export type LoginPolicy = {
  rememberFor: number;
  extendSessionOnSkip: boolean;
  /** REQUIRE_SECOND_FACTOR: every sign-in must reach acr "2". */
  requireSecondFactor: boolean;
};

/** Why the person must type the password although Hydra may know them. */
export type ReauthenticationReason = "prompt_login" | "max_age";

export type LoginStart =
  | { kind: "accept"; body: AcceptOAuth2LoginRequest }
  /** prompt=none, and the remembered session is below the level asked: the relying party gets the error, no page. */
  | { kind: "reject"; body: RejectOAuth2Request }
  /** A remembered session below the level asked: the second factor only, the password was proved when it began. */
  | { kind: "second_factor"; proved: Achieved }
  /** Asked for a level this account cannot reach: it has no second factor to prove. */
  | { kind: "enrol" }
  | {
      kind: "show";
      prefillEmail: string;
      reason?: ReauthenticationReason;
      /** From a verified id_token_hint: signing in as anyone else ends the flow with login_required. */
      expectedEmail?: string;
    };

/** What the step looked up for a remembered login: what its session proved, and whether the account has a second factor. */
export type RememberedFacts = { proved: Achieved | undefined; hasSecondFactor: boolean };

/**
 * What to do when the browser arrives with a login challenge. On skip Hydra
 * already knows the person (a remembered session): if the session reached the
 * level the client asks for, we accept at once with the same subject and what
 * the session proved; showing a form would break prompt=none. Below that level
 * the person proves the second factor only, or learns they need one.
 */
export function decideLoginStart(request: LoginRequest, policy: LoginPolicy, remembered?: RememberedFacts): LoginStart {
  if (request.skip) {
    const proved = remembered?.proved ?? passwordOnly;
    const next = nextSignInStep({
      proved,
      fresh: false,
      required: levelAsked(request, policy),
      accountHasSecondFactor: remembered?.hasSecondFactor ?? false,
    });
    if (next.kind === "done") return { kind: "accept", body: loginAcceptBody({ subject: request.subject, remember: true, achieved: proved, policy, request }) };
    // OpenID Connect Core §3.1.2.6: with prompt=none the provider answers login_required rather than show a page.
    if (prompts(request.requestUrl).includes("none")) return { kind: "reject", body: levelNotReachedWithoutPage };
    if (next.kind === "second_factor") return { kind: "second_factor", proved };
    // REQUIRE_SECOND_FACTOR's set-up follows a password typed in this flow, so a remembered session signs in again first.
    if (!policy.requireSecondFactor) return { kind: "enrol" };
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

export const levelNotReachedWithoutPage: RejectOAuth2Request = {
  error: "login_required",
  error_description: "The authentication level requested needs a step the person has not taken in this session",
};

/**
 * The relying party's answer when the account cannot reach the level it asked
 * for (OpenID Connect Core Unmet Authentication Requirements 1.0).
 */
export const levelNotReachable: RejectOAuth2Request = {
  error: "unmet_authentication_requirements",
  error_description: "The account has no second factor, which the requested authentication level needs",
};

/** What comes after a correct password: done, the second factor, or the page that says one is needed. */
export function afterPassword(request: LoginRequest, policy: LoginPolicy, hasSecondFactor: boolean) {
  return nextSignInStep({ proved: passwordOnly, fresh: true, required: levelAsked(request, policy), accountHasSecondFactor: hasSecondFactor });
}

/** The level a flow must reach: the client's acr_values and metadata.minimum_acr, or the deployment's policy. */
export function levelAsked(request: LoginRequest, policy: LoginPolicy): Level {
  return policy.requireSecondFactor ? "2" : requiredLevel(request.oidc.acrValues, request.client.metadata.minimum_acr);
}

function prompts(requestUrl: string): string[] {
  try {
    return (new URL(requestUrl).searchParams.get("prompt") ?? "").split(" ");
  } catch {
    return [];
  }
}

/** prompt and max_age are not in Hydra's login request; they are read from the original authorization URL. */
export function reauthenticationReason(requestUrl: string): ReauthenticationReason | undefined {
  if (prompts(requestUrl).includes("login")) return "prompt_login";
  try {
    if (new URL(requestUrl).searchParams.has("max_age")) return "max_age";
  } catch {
    // Hydra's own request URL; an unreadable one gives no reason.
  }
  return undefined;
}

/**
 * The accept body for what this sign-in reached. On skip Hydra takes acr, amr
 * and context from this body, not from the original session
 * (consent/handler.go, acceptOAuth2LoginRequest), and forces remember: they
 * are re-sent, and the session is extended only when configured.
 */
export function loginAcceptBody(options: {
  subject: string;
  remember: boolean;
  achieved: Achieved;
  policy: LoginPolicy;
  request: LoginRequest;
}): AcceptOAuth2LoginRequest {
  const { subject, remember, achieved, policy, request } = options;
  const claims = authenticationClaims(achieved, request.oidc.acrValues);
  if (request.skip) {
    if (!policy.extendSessionOnSkip) return { subject, ...claims };
    // Only on skip does Hydra re-issue its session cookie, with this accept's remember_for.
    return { subject, ...claims, extend_session_lifespan: true, remember_for: rememberFor(request.client.metadata, "remember_login_for", policy.rememberFor) };
  }
  return {
    subject,
    remember,
    remember_for: remember ? rememberFor(request.client.metadata, "remember_login_for", policy.rememberFor) : 0,
    ...claims,
  };
}

/**
 * The acr we reached is what we report, never the one asked for; the levels the
 * client requested travel in the context so the consent step (and Hydra's
 * consent sessions) can see whether they were met.
 */
function authenticationClaims(achieved: Achieved, requestedAcr: readonly string[]): Pick<AcceptOAuth2LoginRequest, "acr" | "amr" | "context"> {
  const { acr } = achieved;
  const claims: Pick<AcceptOAuth2LoginRequest, "acr" | "amr" | "context"> = { acr, amr: [...achieved.amr] };
  // A level above the one asked for meets it too.
  if (requestedAcr.length > 0) claims.context = { acr_requested: [...requestedAcr], acr_met: requestedAcr.some((asked) => asked === acr || (asked === "1" && acr === "2")) };
  return claims;
}
