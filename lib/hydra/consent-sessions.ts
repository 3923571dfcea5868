import { z } from "zod";
import { call, parsed } from "./call";
import { hydraApis } from "./client";
import { type ClientInfo, clientSchema } from "./models";

/** One consent a subject gave a client, as Hydra keeps it (remembered or not). */
export type ConsentSession = {
  client: ClientInfo;
  grantScope: string[];
  grantAudience: string[];
  remember: boolean;
  /** Seconds from `handledAt` the consent is remembered; 0: until revoked. */
  rememberFor: number;
  handledAt: Date | undefined;
  /** When the client asked: a remembered consent lasts `rememberFor` from here. */
  requestedAt: Date | undefined;
  /** The login session (sid) the consent was given in. */
  loginSessionId: string | undefined;
};

const strings = z.array(z.string()).nullish().transform((list) => list ?? []);

const sessionSchema = z
  .object({
    grant_scope: strings,
    grant_access_token_audience: strings,
    remember: z.boolean().nullish(),
    remember_for: z.number().int().nullish(),
    handled_at: z.string().nullish(),
    consent_request: z
      .object({ client: clientSchema.nullish(), login_session_id: z.string().nullish(), requested_at: z.string().nullish() })
      .nullish(),
  })
  .transform(
    (s): ConsentSession | undefined =>
      s.consent_request?.client
        ? {
            client: s.consent_request.client,
            grantScope: s.grant_scope,
            grantAudience: s.grant_access_token_audience,
            remember: s.remember === true,
            rememberFor: s.remember_for ?? 0,
            handledAt: dateOrUndefined(s.handled_at),
            requestedAt: dateOrUndefined(s.consent_request.requested_at),
            loginSessionId: s.consent_request.login_session_id || undefined,
          }
        : undefined,
  );

const pageSchema = z.array(sessionSchema);

function dateOrUndefined(value: string | null | undefined): Date | undefined {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * Hydra v2.3.0's page tokens are ory/x token pagination: base64url of
 * `{"offset":"N","v":2}`. The Link header of this endpoint cannot be followed
 * (handler.go passes the page size and offset to its header helper the wrong
 * way round, so its "next" token skips sessions), so the next token is made
 * here from the offset we reached.
 */
export function consentPageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset: String(offset), v: 2 })).toString("base64url");
}

async function listPage(subject: string, pageSize: number, offset: number): Promise<{ sessions: ConsentSession[]; total: number | undefined }> {
  const { raw, total } = await call(async (o) => {
    const response = await hydraApis().admin.listOAuth2ConsentSessionsRaw(
      { subject, pageSize, pageToken: offset > 0 ? consentPageToken(offset) : undefined },
      o,
    );
    const count = Number(response.raw.headers.get("x-total-count"));
    return { raw: await response.raw.json(), total: Number.isInteger(count) ? count : undefined };
  });
  return { sessions: parsed(pageSchema, raw).filter((s): s is ConsentSession => s !== undefined), total };
}

/** Every consent session of a subject, page by page (bounded, so a broken count cannot loop). */
export async function listConsentSessions(subject: string, pageSize = 250, maxPages = 200): Promise<ConsentSession[]> {
  const all: ConsentSession[] = [];
  for (let page = 0, offset = 0; page < maxPages; page++) {
    const { sessions, total } = await listPage(subject, pageSize, offset);
    all.push(...sessions);
    offset += pageSize;
    if (sessions.length < pageSize || (total !== undefined && offset >= total)) break;
  }
  return all;
}

/**
 * Scopes this subject has granted this client, read from at most `limit` of
 * its consent sessions. Hydra lists them in an order of its own, not by time,
 * and every flow counts, remembered or not; its time grows with every session
 * listed, so the consent page reads one bounded page: a person with more
 * sessions may see an earlier grant listed as new, never lose a permission.
 */
export async function scopesPreviouslyGranted(subject: string, clientId: string, limit: number): Promise<string[]> {
  const { sessions } = await listPage(subject, limit, 0);
  const granted = new Set<string>();
  for (const session of sessions) {
    if (session.client.id !== clientId) continue;
    for (const scope of session.grantScope) granted.add(scope);
  }
  return [...granted];
}

/**
 * Takes back what a subject granted one client, or every client: Hydra deletes
 * the consent sessions and the access and refresh tokens issued under them
 * (persistence/sql/persister_consent.go, revokeConsentSession), so the app's
 * next flow asks for consent again.
 */
export async function revokeConsentSessions(subject: string, which: { client: string } | "all"): Promise<void> {
  await call((o) =>
    hydraApis().admin.revokeOAuth2ConsentSessions(which === "all" ? { subject, all: true } : { subject, client: which.client }, o),
  );
}

/**
 * Ends remembered logins: by subject every one of them (no browser skips the
 * form any more), but without back-channel logout; by session id one of them,
 * with back-channel logout to every client of that session
 * (consent/handler.go, revokeOAuth2LoginSessions; HandleHeadlessLogout in
 * consent/strategy_default.go).
 */
export async function revokeLoginSessions(which: { subject: string } | { sid: string }): Promise<void> {
  await call((o) => hydraApis().admin.revokeOAuth2LoginSessions(which, o));
}
