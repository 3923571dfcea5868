import type { LogoutRequest } from "@/lib/hydra/models";

export type LogoutStart = { kind: "accept" } | { kind: "show" };

/**
 * Hydra stores `skip_logout_consent` but never acts on it (issueLogoutVerifier in
 * consent/strategy_default.go always sends the browser here). A client that set it
 * asked to end the session without a question, and only it can ask that: an
 * OP-initiated logout has no client and is always confirmed.
 * First-party clients of the deployment are trusted the same way.
 */
export function decideLogoutStart(request: LogoutRequest, trust: { firstPartyClients: readonly string[] }): LogoutStart {
  const client = request.client;
  const trusted = client !== undefined && (client.skipLogoutConsent || trust.firstPartyClients.includes(client.id));
  return request.rpInitiated && trusted ? { kind: "accept" } : { kind: "show" };
}

/**
 * Hydra's logout request has no ui_locales, but an RP may send them with its
 * logout (OpenID RP-Initiated Logout 1.0 §2), and the request keeps the
 * original URL, which may be a bare path: read them from there.
 */
export function logoutUiLocales(requestUrl: string | undefined): string[] {
  if (!requestUrl) return [];
  try {
    const value = new URL(requestUrl, "http://hydra.invalid").searchParams.get("ui_locales") ?? "";
    return value.split(" ").filter(Boolean).slice(0, 20);
  } catch {
    return [];
  }
}
