import "server-only";
import { decideConsentStart } from "@/lib/flows/consent";
import { decideLoginStart } from "@/lib/flows/login";
import { decideLogoutStart } from "@/lib/flows/logout";
import {
  type ConsentRequest,
  type LoginRequest,
  type LogoutRequest,
  acceptConsent,
  acceptLogin,
  acceptLogout,
  rejectConsent,
} from "@/lib/hydra";
import { findUserById } from "@/lib/identity/users";
import { loginPolicy, trustedClients } from "./context";

/**
 * Flow steps that need no page: Hydra already knows the answer (skip), or the
 * client is trusted. Each returns where to send the browser, or undefined when
 * the person must be asked. The flow gate calls them before anything renders,
 * so a remembered flow costs no page at all.
 */
export async function answerLoginWithoutPage(request: LoginRequest): Promise<string | undefined> {
  const decision = decideLoginStart(request, loginPolicy());
  return decision.action === "accept" ? acceptLogin(request.challenge, decision.body) : undefined;
}

export async function answerConsentWithoutPage(request: ConsentRequest): Promise<string | undefined> {
  const decision = decideConsentStart(request, await findUserById(request.subject), trustedClients());
  if (decision.action === "accept") return acceptConsent(request.challenge, decision.body);
  if (decision.action === "reject") return rejectConsent(request.challenge, decision.body);
  return undefined;
}

export async function answerLogoutWithoutPage(request: LogoutRequest): Promise<string | undefined> {
  return decideLogoutStart(request, trustedClients()).action === "accept" ? acceptLogout(request.challenge) : undefined;
}
