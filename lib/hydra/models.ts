import { z } from "zod";

/** What the pages and flow decisions know of a client: only what Hydra sends, minus the secret. */
export type ClientInfo = {
  id: string;
  name: string;
  logoUri?: string;
  clientUri?: string;
  policyUri?: string;
  tosUri?: string;
  skipConsent: boolean;
  skipLogoutConsent: boolean;
  metadata: Record<string, unknown>;
  /** Where Hydra may send the browser after this client's flows: the page's form-action must allow them. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

export type OidcContext = {
  loginHint?: string;
  acrValues: string[];
  uiLocales: string[];
  display?: string;
  idTokenHintClaims?: Record<string, unknown>;
};

export type LoginRequest = {
  challenge: string;
  skip: boolean;
  subject: string;
  sessionId?: string;
  requestedScope: string[];
  requestedAudience: string[];
  client: ClientInfo;
  requestUrl: string;
  oidc: OidcContext;
};

export type ConsentRequest = {
  challenge: string;
  skip: boolean;
  subject: string;
  requestedScope: string[];
  requestedAudience: string[];
  client: ClientInfo;
  requestUrl?: string;
  loginSessionId?: string;
  acr?: string;
  amr: string[];
  context?: Record<string, unknown>;
  oidc: OidcContext;
};

export type LogoutRequest = {
  challenge: string;
  subject?: string;
  sid?: string;
  rpInitiated: boolean;
  client?: ClientInfo;
  requestUrl?: string;
};

const strings = z.array(z.string()).nullish().transform((list) => list ?? []);
const optionalString = z.string().nullish().transform((value) => value || undefined);
const record = z.record(z.string(), z.unknown());

export const clientSchema = z
  .object({
    client_id: z.string().nullish(),
    client_name: z.string().nullish(),
    logo_uri: z.string().nullish(),
    client_uri: z.string().nullish(),
    policy_uri: z.string().nullish(),
    tos_uri: z.string().nullish(),
    skip_consent: z.boolean().nullish(),
    skip_logout_consent: z.boolean().nullish(),
    metadata: z.unknown().nullish(),
    redirect_uris: strings,
    post_logout_redirect_uris: strings,
  })
  .transform(
    (c): ClientInfo => ({
      id: c.client_id ?? "",
      name: c.client_name || c.client_id || "",
      logoUri: c.logo_uri || undefined,
      clientUri: c.client_uri || undefined,
      policyUri: c.policy_uri || undefined,
      tosUri: c.tos_uri || undefined,
      skipConsent: c.skip_consent === true,
      skipLogoutConsent: c.skip_logout_consent === true,
      metadata: record.safeParse(c.metadata).data ?? {},
      redirectUris: c.redirect_uris,
      postLogoutRedirectUris: c.post_logout_redirect_uris,
    }),
  );

const oidcSchema = z
  .object({
    login_hint: optionalString,
    acr_values: strings,
    ui_locales: strings,
    display: optionalString,
    id_token_hint_claims: record.nullish(),
  })
  .nullish()
  .transform(
    (o): OidcContext => ({
      loginHint: o?.login_hint,
      acrValues: o?.acr_values ?? [],
      uiLocales: o?.ui_locales ?? [],
      display: o?.display,
      idTokenHintClaims: o?.id_token_hint_claims ?? undefined,
    }),
  );

export const loginRequestSchema = z
  .object({
    challenge: z.string(),
    skip: z.boolean(),
    subject: z.string().nullish(),
    session_id: optionalString,
    requested_scope: strings,
    requested_access_token_audience: strings,
    client: clientSchema,
    request_url: z.string(),
    oidc_context: oidcSchema,
  })
  .transform(
    (r): LoginRequest => ({
      challenge: r.challenge,
      skip: r.skip,
      subject: r.subject ?? "",
      sessionId: r.session_id,
      requestedScope: r.requested_scope,
      requestedAudience: r.requested_access_token_audience,
      client: r.client,
      requestUrl: r.request_url,
      oidc: r.oidc_context,
    }),
  );

export const consentRequestSchema = z
  .object({
    challenge: z.string(),
    skip: z.boolean().nullish(),
    subject: z.string(),
    requested_scope: strings,
    requested_access_token_audience: strings,
    client: clientSchema,
    request_url: optionalString,
    login_session_id: optionalString,
    acr: optionalString,
    amr: strings,
    context: record.nullish(),
    oidc_context: oidcSchema,
  })
  .transform(
    (r): ConsentRequest => ({
      challenge: r.challenge,
      skip: r.skip === true,
      subject: r.subject,
      requestedScope: r.requested_scope,
      requestedAudience: r.requested_access_token_audience,
      client: r.client,
      requestUrl: r.request_url,
      loginSessionId: r.login_session_id,
      acr: r.acr,
      amr: r.amr,
      context: r.context ?? undefined,
      oidc: r.oidc_context,
    }),
  );

export const logoutRequestSchema = z
  .object({
    challenge: z.string(),
    subject: optionalString,
    sid: optionalString,
    rp_initiated: z.boolean().nullish(),
    client: clientSchema.nullish(),
    request_url: optionalString,
  })
  .transform(
    (r): LogoutRequest => ({
      challenge: r.challenge,
      subject: r.subject,
      sid: r.sid,
      rpInitiated: r.rp_initiated === true,
      client: r.client ?? undefined,
      requestUrl: r.request_url,
    }),
  );
