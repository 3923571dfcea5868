import { z } from "zod";
import { callOptions, hydraApis } from "./client";
import { classifyHydraError } from "./errors";

const consentSessions = z.array(
  z.object({
    grant_scope: z.array(z.string()).nullish(),
    consent_request: z.object({ client: z.object({ client_id: z.string().nullish() }).nullish() }).nullish(),
  }),
);

/**
 * Scopes this subject has granted this client in its `newest` consent
 * sessions. Hydra lists them newest first (FindSubjectsGrantedConsentRequests
 * in persistence/sql/persister_consent.go orders by requested_at), remembered
 * or not, and its time grows with every session listed, so only a page of the
 * newest is read: older grants only lose the "already shared" grouping, never
 * a permission. One page and no paging: Hydra v2.3.0's Link header on this
 * endpoint points at wrong pages. Only the client id and the granted scopes
 * are read, not the SDK's conversion of every field.
 */
export async function scopesPreviouslyGranted(subject: string, clientId: string, newest: number): Promise<string[]> {
  let raw: unknown;
  try {
    const response = await hydraApis().admin.listOAuth2ConsentSessionsRaw({ subject, pageSize: newest }, callOptions());
    raw = await response.raw.json();
  } catch (error) {
    throw await classifyHydraError(error);
  }
  const sessions = consentSessions.safeParse(raw);
  if (!sessions.success) return [];
  const granted = new Set<string>();
  for (const session of sessions.data) {
    if (session.consent_request?.client?.client_id !== clientId) continue;
    for (const scope of session.grant_scope ?? []) granted.add(scope);
  }
  return [...granted];
}
