import { config } from "@/lib/config";
import { decideLogoutStart, logoutUiLocales } from "@/lib/flows/logout";
import { type LogoutRequest, acceptLogout, getLogoutRequest, rejectLogout } from "@/lib/hydra";
import type { User } from "@/lib/identity/user";
import { findUserById } from "@/lib/identity/users";
import type { LogoutForm } from "@/lib/validations/flow-input";
import { type Shown, type StepStart, type StepSubmit, flowPageUrl, formTargets, redirectTo } from "./step";

export type LogoutShown = Shown & { request: LogoutRequest; user: User | undefined };

export const logoutPageUrl = (challenge: string) => flowPageUrl("/logout", "logout_challenge", challenge);

/** The browser arrives with a logout challenge: a trusted client's logout ends at once, anything else asks. */
export async function start(challenge: string): Promise<StepStart<LogoutShown>> {
  const request = await getLogoutRequest(challenge);
  const decision = decideLogoutStart(request, { firstPartyClients: config().firstPartyClients });
  if (decision.kind === "accept") return redirectTo(await acceptLogout(challenge));
  return {
    kind: "show",
    request,
    user: request.subject ? await findUserById(request.subject) : undefined,
    formTargets: formTargets([config().logoutRejectUrl, ...(request.client?.postLogoutRedirectUris ?? [])]),
    uiLocales: logoutUiLocales(request.requestUrl),
  };
}

/** "Yes" ends the session at Hydra; "No" keeps it and goes to a configured page, never one from a parameter. */
export async function submit(form: LogoutForm): Promise<StepSubmit> {
  if (form.action === "accept") return redirectTo(await acceptLogout(form.challenge));
  // Hydra answers 204 and keeps the session; where the browser goes next is ours to choose.
  await rejectLogout(form.challenge);
  return redirectTo(config().logoutRejectUrl);
}
