import type { AcceptOAuth2ConsentRequest, RejectOAuth2Request } from "@ory/client-fetch";
import type { ConsentRequest } from "@/lib/hydra/models";
import { idTokenClaims } from "@/lib/identity/claims";
import type { User } from "@/lib/identity/user";
import { rememberFor } from "./remember";

export type ConsentPolicy = { rememberFor: number };

export type ConsentStart =
  | { kind: "accept"; body: AcceptOAuth2ConsentRequest }
  | { kind: "reject"; body: RejectOAuth2Request }
  | { kind: "show"; user: User };

/**
 * What to do when the browser arrives with a consent challenge. Hydra only
 * stores and echoes `client.skip_consent` (requestConsent in
 * consent/strategy_default.go never reads it): acting on it is ours. On skip
 * Hydra copies no claims from the remembered consent, so we send them again.
 * Clients the deployment lists as first-party are treated like skip_consent.
 */
export function decideConsentStart(
  request: ConsentRequest,
  user: User | undefined,
  trust: { firstPartyClients: readonly string[] },
): ConsentStart {
  if (!user) {
    return {
      kind: "reject",
      body: { error: "login_required", error_description: "The account no longer exists" },
    };
  }
  if (request.skip || request.client.skipConsent || trust.firstPartyClients.includes(request.client.id)) {
    return {
      kind: "accept",
      body: consentAcceptBody({ request, user, ticked: request.requestedScope, remember: false, policy: { rememberFor: 0 } }),
    };
  }
  return { kind: "show", user };
}

/** Only scopes that were both requested and ticked: Hydra does not check this itself (consent/handler.go, acceptOAuth2ConsentRequest). */
export function grantableScopes(requested: readonly string[], ticked: readonly string[]): string[] {
  const chosen = new Set(ticked);
  return requested.filter((scope) => chosen.has(scope));
}

export function consentAcceptBody(options: {
  request: ConsentRequest;
  user: User;
  ticked: readonly string[];
  remember: boolean;
  policy: ConsentPolicy;
  /** Required and hidden scopes of the catalogue: granted even when the form leaves them out. */
  grantedRegardless?: readonly string[];
}): AcceptOAuth2ConsentRequest {
  const { request, user, ticked, remember, policy, grantedRegardless = [] } = options;
  // A locked checkbox is not posted, and a form can be edited: the catalogue, not the form, decides these.
  const grantScope = grantableScopes(request.requestedScope, [...ticked, ...grantedRegardless]);
  return {
    grant_scope: grantScope,
    // Hydra already limited the requested audience to what the client may ask for.
    grant_access_token_audience: [...request.requestedAudience],
    remember,
    remember_for: remember ? rememberFor(request.client.metadata, "remember_consent_for", policy.rememberFor) : 0,
    session: { id_token: idTokenClaims(user, grantScope), access_token: {} },
  };
}
