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
 * Scopes this subject has granted this client in earlier consent sessions.
 * One page of 500 and no paging: Hydra v2.3.0's Link header on this endpoint
 * points at wrong pages, and a person with more than 500 sessions with one
 * provider only loses the "already shared" grouping, never a permission.
 */
export async function scopesPreviouslyGranted(subject: string, clientId: string): Promise<string[]> {
  let raw: unknown;
  try {
    raw = await hydraApis().admin.listOAuth2ConsentSessions({ subject, pageSize: 500 }, callOptions());
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
