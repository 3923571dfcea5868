import "server-only";
import { cookies } from "next/headers";
import { type MessageKey, type Messages, defaultLocale, messagesFor, translate } from "@/lib/i18n";
import { type CsrfPurpose, csrfToken, verifyCsrfToken } from "@/lib/security/csrf";
import { type FlowSession, csrfKey, flowCookieName, unsealFlowSession } from "@/lib/security/flow-session";
import { config } from "@/lib/config";

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

export function translator(locale = defaultLocale): { messages: Messages; t: Translate } {
  const messages = messagesFor(locale);
  return { messages, t: (key, vars) => translate(messages, key, vars) };
}

/** The flow session proxy.ts guarantees on every page request; undefined only for a forged or expired cookie. */
export async function currentFlowSession(): Promise<FlowSession | undefined> {
  return unsealFlowSession((await cookies()).get(flowCookieName())?.value);
}

export function formToken(session: FlowSession | undefined, purpose: CsrfPurpose, challenge: string): string {
  return session ? csrfToken(csrfKey(), session.id, purpose, challenge) : "";
}

/** Tokens made with any configured secret stay valid while secrets rotate. */
export function formTokenIsValid(
  session: FlowSession | undefined,
  purpose: CsrfPurpose,
  challenge: string,
  token: string,
): boolean {
  if (!session) return false;
  return Object.values(config().sessionSecrets).some((key) => verifyCsrfToken(key, session.id, purpose, challenge, token));
}

export function clientLabels(t: Translate) {
  return { policy: t("consent.policy"), terms: t("consent.terms"), clientSite: t("consent.clientSite") };
}

export function loginPolicy() {
  const { rememberLoginFor, extendSessionOnSkip } = config();
  return { rememberFor: rememberLoginFor, extendSessionOnSkip };
}

export function trustedClients() {
  return { firstPartyClients: config().firstPartyClients };
}
