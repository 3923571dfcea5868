import { levelAsked, provedBeforeVerification } from "@/lib/flows/login";
import { getLoginRequest } from "@/lib/hydra";
import { HydraError } from "@/lib/hydra/errors";
import type { FlowSession } from "@/lib/security/flow-session";
import { withPendingSignIn } from "@/lib/security/pending-sign-in";
import { nextSignInStep } from "@/lib/second-factor/levels";
import { challengeHash } from "@/lib/self-service/challenge-hash";
import { accountHasSecondFactor, acceptProved, loginPolicy, secondStepPageUrl } from "../steps/login";
import { formTargets } from "../steps/step";

/** Whether this browser is the one that asked for the e-mail sent for `challenge`. */
export function askedHere(session: FlowSession | undefined, challenge: string | undefined): challenge is string {
  return Boolean(challenge && session?.selfService?.challengeHash === challengeHash(challenge));
}

/** Where the forms of a page in this flow may lead: Hydra and the client (CSP form-action). */
export async function flowFormTargets(challenge: string): Promise<{ formTargets: string[]; uiLocales: readonly string[] }> {
  const request = await getLoginRequest(challenge);
  return { formTargets: formTargets(request.client.redirectUris), uiLocales: request.oidc.uiLocales };
}

/**
 * The person proved the address (and chose the password) in this browser: the
 * login flow they came from goes on with this account, not remembered. An
 * account with a second factor is sent to it first, as after a password.
 * Undefined when the flow is over at Hydra (expired, or answered meanwhile).
 */
export async function continueSignedIn(challenge: string, subject: string, session: FlowSession): Promise<{ to: string; session: FlowSession } | undefined> {
  const rest = { ...session, selfService: undefined };
  const proved = provedBeforeVerification(session.selfService?.firstStep, subject);
  try {
    const request = await getLoginRequest(challenge);
    const next = nextSignInStep({ proved, fresh: true, required: levelAsked(request, loginPolicy()), accountHasSecondFactor: await accountHasSecondFactor(subject) });
    if (next.kind === "done") return { to: await acceptProved(request, subject, proved, false), session: rest };
    return { to: secondStepPageUrl(challenge), session: withPendingSignIn(rest, challenge, { subject, remember: false, amr: proved.amr }, Date.now()) };
  } catch (error) {
    if (error instanceof HydraError && error.failure.kind !== "unavailable") return undefined;
    throw error;
  }
}
