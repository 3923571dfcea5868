import { config } from "@/lib/config";
import { consentAcceptBody, decideConsentStart } from "@/lib/flows/consent";
import { deniedByUser } from "@/lib/flows/denial";
import { type ConsentRequest, acceptConsent, getConsentRequest, rejectConsent } from "@/lib/hydra";
import { scopesPreviouslyGranted } from "@/lib/hydra/consent-sessions";
import type { User } from "@/lib/identity/user";
import { findUserById } from "@/lib/identity/users";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { scopesGrantedRegardless } from "@/lib/scopes/consent-view";
import type { ConsentForm } from "@/lib/validations/flow-input";
import { type Shown, type StepStart, type StepSubmit, flowPageUrl, formTargets, redirectTo } from "./step";

export type ConsentShown = Shown & {
  request: ConsentRequest;
  user: User;
  /** Scopes this client already holds from earlier consents: listed apart as "already shared". */
  previouslyGranted: string[];
};

function trustedClients() {
  return { firstPartyClients: config().firstPartyClients };
}

/** Only groups the list as "already shared": with no history configured, or if Hydra cannot list sessions, every scope is new. */
async function earlierGrants(request: ConsentRequest): Promise<string[]> {
  const newest = config().consentHistory;
  if (newest === 0) return [];
  return scopesPreviouslyGranted(request.subject, request.client.id, newest).catch(() => []);
}

export const consentPageUrl = (challenge: string) => flowPageUrl("/consent", "consent_challenge", challenge);

/**
 * The browser arrives with a consent challenge: one lookup at Hydra, then
 * Hydra's answer for a remembered consent or a trusted client (no page), or
 * the question, with the client's earlier grants for grouping.
 */
export async function start(challenge: string): Promise<StepStart<ConsentShown>> {
  const request = await getConsentRequest(challenge);
  const user = await findUserById(request.subject);
  const decision = decideConsentStart(request, user, trustedClients());
  if (decision.kind === "accept") return redirectTo(await acceptConsent(challenge, decision.body));
  if (decision.kind === "reject") return redirectTo(await rejectConsent(challenge, decision.body));
  const previouslyGranted = await earlierGrants(request);
  return {
    kind: "show",
    request,
    user: decision.user,
    previouslyGranted,
    formTargets: formTargets(request.client.redirectUris),
    uiLocales: request.oidc.uiLocales,
  };
}

/** The posted form: deny, or grant what was both requested and ticked (plus what the catalogue requires). */
export async function submit(form: ConsentForm): Promise<StepSubmit> {
  if (form.action === "reject") return redirectTo(await rejectConsent(form.challenge, deniedByUser));
  const request = await getConsentRequest(form.challenge);
  const user = await findUserById(request.subject);
  // The account was removed while the page was open: the page rejects the request with login_required.
  if (!user) return redirectTo(consentPageUrl(form.challenge));
  const body = consentAcceptBody({
    request,
    user,
    ticked: form.grant_scope,
    remember: form.remember,
    policy: { rememberFor: config().rememberConsentFor },
    grantedRegardless: scopesGrantedRegardless(request.requestedScope, scopeCatalogue()),
  });
  return redirectTo(await acceptConsent(form.challenge, body));
}
