import type { OAuth2Client } from "@ory/client-fetch";
import { z } from "zod";
import {
  accessTokenStrategy,
  audiences,
  authMethod,
  checkbox,
  type ClientFormMessageKey,
  clientSecret,
  corsOrigins,
  freeText,
  grantTypeList,
  httpUrl,
  jwks,
  metadata,
  redirectUris,
  responseTypes,
  scopes,
  serverUri,
} from "./client-fields";
import { hydraSiteKey } from "./uris";

export { clientFormMessageKeys, type ClientFormMessageKey } from "./client-fields";

/** The form's fields, named as in Hydra's client. Lists are one item per line (or per space). */
const clientFormSchema = z.object({
  client_name: freeText(255),
  owner: freeText(255),
  redirect_uris: redirectUris,
  post_logout_redirect_uris: redirectUris,
  grant_types: grantTypeList,
  response_types: responseTypes,
  scope: scopes,
  audience: audiences,
  token_endpoint_auth_method: authMethod,
  client_secret: clientSecret,
  jwks,
  jwks_uri: serverUri,
  allowed_cors_origins: corsOrigins,
  frontchannel_logout_uri: serverUri,
  frontchannel_logout_session_required: checkbox,
  backchannel_logout_uri: serverUri,
  backchannel_logout_session_required: checkbox,
  client_uri: httpUrl,
  logo_uri: httpUrl,
  policy_uri: httpUrl,
  tos_uri: httpUrl,
  skip_consent: checkbox,
  skip_logout_consent: checkbox,
  access_token_strategy: accessTokenStrategy,
  metadata,
});

export const clientFormFields = clientFormSchema.keyof().options;
export type ClientFormField = (typeof clientFormFields)[number];
export type ClientFormValues = Record<ClientFormField, string>;
/** A form post: one string per field; a repeated field (checkboxes) may come as several. */
export type ClientFormInput = Readonly<Record<string, string | readonly string[] | undefined>>;
export type ClientFormErrors = Partial<Record<ClientFormField, ClientFormMessageKey>>;
export type ClientFormResult = { ok: true; body: OAuth2Client } | { ok: false; errors: ClientFormErrors; values: ClientFormValues };
type ParsedClientForm = z.output<typeof clientFormSchema>;

/**
 * The create/edit form to a client for Hydra, or the first problem of each field
 * with everything that was typed (but the secret). Empty fields are left out of
 * the body, so Hydra applies its defaults; for an edit, `clientReplacement`
 * clears them explicitly.
 */
export function clientForm(input: ClientFormInput): ClientFormResult {
  const values = formValues(input);
  const parsed = clientFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: ClientFormErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ClientFormField;
      errors[field] ??= issue.message as ClientFormMessageKey;
    }
    return { ok: false, errors, values: retyped(values) };
  }
  const errors = crossFieldErrors(parsed.data);
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: retyped(values) };
  return { ok: true, body: clientBody(parsed.data) };
}

/** Rules between fields, mostly the ones Hydra or fosite would only enforce at the first sign-in. */
function crossFieldErrors(form: ParsedClientForm): ClientFormErrors {
  const errors: ClientFormErrors = {};
  const grants = new Set(form.grant_types);
  const method = form.token_endpoint_auth_method;
  if (grants.size === 0) errors.grant_types = "admin.client.errors.grantTypeRequired";
  // fosite refuses client_credentials to a public client: it has nothing to prove itself with.
  else if (method === "none" && grants.has("client_credentials")) errors.grant_types = "admin.client.errors.grantType";
  if ((grants.has("authorization_code") || grants.has("implicit")) && form.redirect_uris.length === 0) {
    errors.redirect_uris = "admin.client.errors.redirectUriRequired";
  }
  // fosite's handlers: "code" needs authorization_code, "token" needs implicit, and a bare
  // "id_token" is the implicit flow while "code id_token" is hybrid (openid/flow_hybrid.go).
  const needsGrant = form.response_types.some((combo) => {
    const words = combo.split(" ");
    const code = words.includes("code");
    const implicit = words.includes("token") || (words.includes("id_token") && !code);
    return (code && !grants.has("authorization_code")) || (implicit && !grants.has("implicit"));
  });
  if (needsGrant) errors.response_types = "admin.client.errors.responseTypeNeedsGrant";
  // Hydra: each post-logout URI must share scheme, host and port with a redirect URI (client/validator.go).
  const sites = new Set(form.redirect_uris.map(hydraSiteKey));
  if (form.post_logout_redirect_uris.some((uri) => !sites.has(hydraSiteKey(uri)))) {
    errors.post_logout_redirect_uris = "admin.client.errors.postLogoutRedirectUriUnmatched";
  }
  if (form.jwks && form.jwks_uri) errors.jwks_uri = "admin.client.errors.jwksAndJwksUri";
  else if (method === "private_key_jwt" && !form.jwks && !form.jwks_uri) errors.jwks = "admin.client.errors.jwksRequired";
  // A public client or one signing with its key never presents a secret; one typed here would be a false comfort.
  if (form.client_secret && (method === "none" || method === "private_key_jwt")) errors.client_secret = "admin.client.errors.clientSecretUnused";
  return errors;
}

function clientBody(form: ParsedClientForm): OAuth2Client {
  const body: OAuth2Client = {
    grant_types: form.grant_types,
    redirect_uris: form.redirect_uris,
    token_endpoint_auth_method: form.token_endpoint_auth_method,
    skip_consent: form.skip_consent,
    skip_logout_consent: form.skip_logout_consent,
    frontchannel_logout_session_required: form.frontchannel_logout_session_required,
    backchannel_logout_session_required: form.backchannel_logout_session_required,
  };
  const optional = {
    client_name: form.client_name || undefined,
    owner: form.owner || undefined,
    client_secret: form.client_secret,
    post_logout_redirect_uris: nonEmpty(form.post_logout_redirect_uris),
    response_types: nonEmpty(form.response_types),
    scope: form.scope.join(" ") || undefined,
    audience: nonEmpty(form.audience),
    allowed_cors_origins: nonEmpty(form.allowed_cors_origins),
    jwks: form.jwks,
    jwks_uri: form.jwks_uri,
    frontchannel_logout_uri: form.frontchannel_logout_uri,
    backchannel_logout_uri: form.backchannel_logout_uri,
    client_uri: form.client_uri,
    logo_uri: form.logo_uri,
    policy_uri: form.policy_uri,
    tos_uri: form.tos_uri,
    access_token_strategy: form.access_token_strategy,
    metadata: form.metadata,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(body, { [key]: value });
  }
  return body;
}

/**
 * The body for PUT /admin/clients/{id}, which replaces the whole client: the
 * edited fields over the current client, so what the form does not show
 * (token lifespans, contacts, request URIs, signing algorithms) survives, and
 * a field emptied in the form is cleared. Read-only fields are dropped, and
 * so is the secret unless a new one was typed (Hydra keeps the old one then).
 */
export function clientReplacement(current: OAuth2Client, edited: OAuth2Client): OAuth2Client {
  const kept: Record<string, unknown> = { ...current };
  for (const field of [...clientFormFields, "client_secret_expires_at", "registration_access_token", "registration_client_uri", "created_at", "updated_at"]) {
    delete kept[field];
  }
  return { ...kept, ...edited, client_id: current.client_id };
}

/** The edit form filled from Hydra's client. The secret is never shown (Hydra does not return it anyway). */
export function clientFormValues(client: OAuth2Client): ClientFormValues {
  const lines = (items: readonly string[] | undefined) => (items ?? []).join("\n");
  const check = (value: boolean | undefined) => (value ? "on" : "");
  const json = (value: object | undefined) => (value && Object.keys(value).length > 0 ? JSON.stringify(value, null, 2) : "");
  return {
    client_name: client.client_name ?? "",
    owner: client.owner ?? "",
    redirect_uris: lines(client.redirect_uris),
    post_logout_redirect_uris: lines(client.post_logout_redirect_uris),
    grant_types: lines(client.grant_types),
    response_types: lines(client.response_types),
    scope: client.scope ?? "",
    audience: lines(client.audience),
    token_endpoint_auth_method: client.token_endpoint_auth_method ?? "client_secret_basic",
    client_secret: "",
    jwks: client.jwks?.keys?.length ? JSON.stringify(client.jwks, null, 2) : "",
    jwks_uri: client.jwks_uri ?? "",
    allowed_cors_origins: lines(client.allowed_cors_origins),
    frontchannel_logout_uri: client.frontchannel_logout_uri ?? "",
    frontchannel_logout_session_required: check(client.frontchannel_logout_session_required),
    backchannel_logout_uri: client.backchannel_logout_uri ?? "",
    backchannel_logout_session_required: check(client.backchannel_logout_session_required),
    client_uri: client.client_uri ?? "",
    logo_uri: client.logo_uri ?? "",
    policy_uri: client.policy_uri ?? "",
    tos_uri: client.tos_uri ?? "",
    skip_consent: check(client.skip_consent),
    skip_logout_consent: check(client.skip_logout_consent),
    access_token_strategy: client.access_token_strategy ?? "",
    metadata: json(client.metadata),
  };
}

function formValues(input: ClientFormInput): ClientFormValues {
  const values = {} as ClientFormValues;
  for (const field of clientFormFields) {
    const value = input[field];
    values[field] = typeof value === "string" ? value : (value ?? []).join("\n");
  }
  return values;
}

/** What the form shows again: everything typed except a secret, which, like a password, is not written back into the page. */
function retyped(values: ClientFormValues): ClientFormValues {
  return { ...values, client_secret: "" };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}
