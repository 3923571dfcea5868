import type { ApiResponse, JsonPatch, OAuth2Client, OAuth2ClientTokenLifespans } from "@ory/client-fetch";
import { z } from "zod";
import { call, parsed } from "./call";
import { hydraApis } from "./client";
import { unlessNotFound } from "./errors";
import { pageAfter, pageSizeOf } from "./paging";

/** The fields of a client this app manages and compares; Hydra never returns the secret. */
const managedClientSchema = z.object({
  client_id: z.string(),
  client_name: z.string().nullish(),
  grant_types: z.array(z.string()).nullish(),
  response_types: z.array(z.string()).nullish(),
  scope: z.string().nullish(),
  redirect_uris: z.array(z.string()).nullish(),
  post_logout_redirect_uris: z.array(z.string()).nullish(),
  token_endpoint_auth_method: z.string().nullish(),
  skip_consent: z.boolean().nullish(),
  skip_logout_consent: z.boolean().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

export type ManagedClient = z.output<typeof managedClientSchema>;

const text = z.string().nullish();
const strings = z.array(z.string()).nullish();
const flag = z.boolean().nullish();
/** A Go duration ("1h0m0s"); null while the client uses Hydra's configured lifespan. */
const lifespan = z.string().nullish();

/**
 * A client as the admin console shows it (client/client.go). Unknown keys are
 * dropped, so neither a secret nor the registration access token Hydra puts
 * in some answers is ever carried on.
 */
export const adminClientSchema = z.object({
  client_id: z.string(),
  client_name: text,
  client_secret_expires_at: z.number().nullish(),
  created_at: text,
  updated_at: text,
  owner: text,
  grant_types: strings,
  response_types: strings,
  scope: text,
  audience: strings,
  redirect_uris: strings,
  post_logout_redirect_uris: strings,
  allowed_cors_origins: strings,
  token_endpoint_auth_method: text,
  token_endpoint_auth_signing_alg: text,
  jwks_uri: text,
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).nullish() }).nullish(),
  frontchannel_logout_uri: text,
  frontchannel_logout_session_required: flag,
  backchannel_logout_uri: text,
  backchannel_logout_session_required: flag,
  skip_consent: flag,
  skip_logout_consent: flag,
  // Any JSON: Hydra stores it as given and does not insist on an object.
  metadata: z.unknown().optional(),
  logo_uri: text,
  policy_uri: text,
  tos_uri: text,
  client_uri: text,
  contacts: strings,
  subject_type: text,
  access_token_strategy: text,
  authorization_code_grant_access_token_lifespan: lifespan,
  authorization_code_grant_id_token_lifespan: lifespan,
  authorization_code_grant_refresh_token_lifespan: lifespan,
  client_credentials_grant_access_token_lifespan: lifespan,
  implicit_grant_access_token_lifespan: lifespan,
  implicit_grant_id_token_lifespan: lifespan,
  jwt_bearer_grant_access_token_lifespan: lifespan,
  refresh_token_grant_id_token_lifespan: lifespan,
  refresh_token_grant_access_token_lifespan: lifespan,
  refresh_token_grant_refresh_token_lifespan: lifespan,
});

export type AdminClient = z.output<typeof adminClientSchema>;

/** Create, set and patch answer with the secret when one was generated or set; Hydra never shows it again. */
const issuedClientSchema = adminClientSchema.extend({ client_secret: text });

export type IssuedClient = z.output<typeof issuedClientSchema>;

export type ClientPage = { clients: AdminClient[]; nextPageToken?: string; total?: number };

async function answered<T>(schema: z.ZodType<T>, run: (options: RequestInit) => Promise<ApiResponse<unknown>>): Promise<T> {
  return parsed(schema, await call(async (o) => (await run(o)).raw.json()));
}

/** A client by id, or undefined when Hydra knows none. */
export function findClient(id: string): Promise<ManagedClient | undefined> {
  return unlessNotFound(answered(managedClientSchema, (o) => hydraApis().admin.getOAuth2ClientRaw({ id }, o)));
}

export async function createClient(body: OAuth2Client): Promise<void> {
  await call((o) => hydraApis().admin.createOAuth2Client({ oAuth2Client: body }, o));
}

/** Replaces a client whole (PUT), its secret included. */
export async function replaceClient(id: string, body: OAuth2Client): Promise<void> {
  await call((o) => hydraApis().admin.setOAuth2Client({ id, oAuth2Client: body }, o));
}

/** One page of clients, optionally only those of one name or owner (exact match). */
export async function listClients(
  query: { pageSize?: number; pageToken?: string; clientName?: string; owner?: string } = {},
): Promise<ClientPage> {
  const pageSize = pageSizeOf(query.pageSize);
  const filter = { clientName: query.clientName || undefined, owner: query.owner || undefined };
  const { raw, headers } = await call(async (o) => {
    const response = await hydraApis().admin.listOAuth2ClientsRaw({ pageSize, pageToken: query.pageToken || undefined, ...filter }, o);
    return { raw: await response.raw.json(), headers: response.raw.headers };
  });
  const clients = parsed(z.array(adminClientSchema), raw);
  const { nextPageToken, total } = pageAfter(headers, clients.length, pageSize);
  // Hydra counts all clients whatever the filter: a filtered page has no total.
  return { clients, nextPageToken, total: filter.clientName || filter.owner ? undefined : total };
}

export function getClient(id: string): Promise<AdminClient | undefined> {
  return unlessNotFound(answered(adminClientSchema, (o) => hydraApis().admin.getOAuth2ClientRaw({ id }, o)));
}

/** Hydra generates the id and, for a confidential client, the secret when the body has none. */
export function createAdminClient(body: OAuth2Client): Promise<IssuedClient> {
  return answered(issuedClientSchema, (o) => hydraApis().admin.createOAuth2ClientRaw({ oAuth2Client: body }, o));
}

/** Replaces a client whole (PUT); without `client_secret` the old secret stays. */
export function setClient(id: string, body: OAuth2Client): Promise<IssuedClient> {
  return answered(issuedClientSchema, (o) => hydraApis().admin.setOAuth2ClientRaw({ id, oAuth2Client: body }, o));
}

export function patchClient(id: string, patch: JsonPatch[]): Promise<IssuedClient> {
  return answered(issuedClientSchema, (o) => hydraApis().admin.patchOAuth2ClientRaw({ id, jsonPatch: patch }, o));
}

export async function deleteClient(id: string): Promise<void> {
  await call((o) => hydraApis().admin.deleteOAuth2Client({ id }, o));
}

/** Sets every lifespan at once: one left out goes back to Hydra's default. */
export function setClientLifespans(id: string, lifespans: OAuth2ClientTokenLifespans): Promise<AdminClient> {
  return answered(adminClientSchema, (o) =>
    hydraApis().admin.setOAuth2ClientLifespansRaw({ id, oAuth2ClientTokenLifespans: lifespans }, o),
  );
}

/**
 * Deletes the access tokens issued to the client. Only those: Hydra v2.3.0
 * (persister_oauth2.go, DeleteAccessTokens) leaves its refresh tokens, which
 * can mint new access tokens; deleting the client, changing a confidential
 * client's secret or revoking the consent sessions stops them.
 */
export async function revokeClientTokens(clientId: string): Promise<void> {
  await call((o) => hydraApis().admin.deleteOAuth2Token({ clientId }, o));
}
