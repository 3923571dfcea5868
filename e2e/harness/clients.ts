import { randomBytes } from "node:crypto";

/** The subset of Hydra's OAuth2Client model the tests use; any other field is passed through. */
export interface OAuth2ClientBody {
  client_id?: string;
  client_secret?: string;
  client_name?: string;
  grant_types?: string[];
  response_types?: string[];
  /** Space-separated, as in Hydra's model. */
  scope?: string;
  audience?: string[];
  redirect_uris?: string[];
  post_logout_redirect_uris?: string[];
  frontchannel_logout_uri?: string;
  frontchannel_logout_session_required?: boolean;
  backchannel_logout_uri?: string;
  backchannel_logout_session_required?: boolean;
  token_endpoint_auth_method?: "client_secret_basic" | "client_secret_post" | "none";
  subject_type?: "public" | "pairwise";
  /** Stored and echoed by Hydra OSS only: the provider decides to skip. */
  skip_consent?: boolean;
  skip_logout_consent?: boolean;
  access_token_strategy?: "opaque" | "jwt";
  metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A client as Hydra returns it; `client_secret` is only present in the create/update answer. */
export type OAuth2Client = OAuth2ClientBody & { client_id: string };

export const defaultScopes = "openid offline_access offline profile email address phone";

async function adminRequest(adminUrl: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${adminUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

async function expectJson<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: Hydra answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** POST /admin/clients. Returns the stored client, including the secret. */
export async function createClient(adminUrl: string, body: OAuth2ClientBody): Promise<OAuth2Client> {
  const client = await expectJson<OAuth2Client>(
    await adminRequest(adminUrl, "POST", "/admin/clients", body),
    "create client",
  );
  // Hydra echoes the secret it stored; keep ours if it ever stops doing that.
  return { ...client, client_secret: client.client_secret ?? body.client_secret };
}

/** GET /admin/clients/{id}, or undefined when there is no such client. */
export async function getClient(adminUrl: string, clientId: string): Promise<OAuth2Client | undefined> {
  const response = await adminRequest(adminUrl, "GET", `/admin/clients/${encodeURIComponent(clientId)}`);
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  return expectJson<OAuth2Client>(response, `get client ${clientId}`);
}

/** PUT /admin/clients/{id}: replaces the whole client (omitted fields are reset). */
export async function replaceClient(adminUrl: string, clientId: string, body: OAuth2ClientBody): Promise<OAuth2Client> {
  const client = await expectJson<OAuth2Client>(
    await adminRequest(adminUrl, "PUT", `/admin/clients/${encodeURIComponent(clientId)}`, {
      ...body,
      client_id: clientId,
    }),
    `replace client ${clientId}`,
  );
  return { ...client, client_secret: client.client_secret ?? body.client_secret };
}

/** DELETE /admin/clients/{id}; a missing client is not an error. */
export async function deleteClient(adminUrl: string, clientId: string): Promise<void> {
  const response = await adminRequest(adminUrl, "DELETE", `/admin/clients/${encodeURIComponent(clientId)}`);
  await response.body?.cancel();
  if (!response.ok && response.status !== 404) {
    throw new Error(`delete client ${clientId}: Hydra answered ${response.status}`);
  }
}

export interface RpClientOptions extends OAuth2ClientBody {
  /** Also register <rp>/frontchannel as frontchannel_logout_uri. Off by default: it turns
   *  Hydra's logout redirect into an HTML page with iframes. */
  frontchannel?: boolean;
  /** Register <rp>/backchannel as backchannel_logout_uri. On by default. */
  backchannel?: boolean;
}

/**
 * The body of a confidential authorization_code + refresh_token client whose URIs
 * point at the test relying party at `rpUrl`. Every field can be overridden.
 */
export function rpClientBody(rpUrl: string, options: RpClientOptions = {}): OAuth2ClientBody {
  const { frontchannel = false, backchannel = true, ...overrides } = options;
  const body: OAuth2ClientBody = {
    client_id: `rp-${randomBytes(6).toString("hex")}`,
    client_secret: randomBytes(24).toString("base64url"),
    client_name: "E2E relying party",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: defaultScopes,
    redirect_uris: [`${rpUrl}/callback`],
    post_logout_redirect_uris: [`${rpUrl}/logged-out`],
    token_endpoint_auth_method: "client_secret_basic",
  };
  if (frontchannel) {
    body.frontchannel_logout_uri = `${rpUrl}/frontchannel`;
    body.frontchannel_logout_session_required = true;
  }
  if (backchannel) {
    body.backchannel_logout_uri = `${rpUrl}/backchannel`;
    body.backchannel_logout_session_required = true;
  }
  return { ...body, ...overrides };
}

/** Creates an RP client (see rpClientBody) in Hydra. */
export function createRpClient(adminUrl: string, rpUrl: string, options: RpClientOptions = {}): Promise<OAuth2Client> {
  return createClient(adminUrl, rpClientBody(rpUrl, options));
}
