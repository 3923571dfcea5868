import type { LogoutRequest } from "@/lib/hydra/models";

export type LogoutStart = { action: "accept" } | { action: "show" };

/**
 * Hydra stores `skip_logout_consent` but never acts on it (contract §0.4). A
 * client that set it asked to end the session without a question, and only
 * it can ask that: an OP-initiated logout has no client and is always confirmed.
 */
export function decideLogoutStart(request: LogoutRequest): LogoutStart {
  return request.rpInitiated && request.client?.skipLogoutConsent ? { action: "accept" } : { action: "show" };
}
