import type { LogoutRequest } from "@/lib/hydra/models";

export type LogoutStart = { action: "accept" } | { action: "show" };

/**
 * Hydra stores `skip_logout_consent` but never acts on it (contract §0.4). A
 * client that set it asked to end the session without a question, and only
 * it can ask that: an OP-initiated logout has no client and is always confirmed.
 * First-party clients of the deployment are trusted the same way.
 */
export function decideLogoutStart(request: LogoutRequest, trust: { firstPartyClients: readonly string[] }): LogoutStart {
  const client = request.client;
  const trusted = client !== undefined && (client.skipLogoutConsent || trust.firstPartyClients.includes(client.id));
  return request.rpInitiated && trusted ? { action: "accept" } : { action: "show" };
}
