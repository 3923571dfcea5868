import type { OAuth2Client } from "@ory/client-fetch";
import { z } from "zod";
import { call, parsed } from "./call";
import { hydraApis } from "./client";
import { HydraError } from "./errors";

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

/** A client by id, or undefined when Hydra knows none. */
export async function findClient(id: string): Promise<ManagedClient | undefined> {
  try {
    const raw = await call(async (o) => (await hydraApis().admin.getOAuth2ClientRaw({ id }, o)).raw.json());
    return parsed(managedClientSchema, raw);
  } catch (error) {
    if (error instanceof HydraError && error.failure.kind === "not_found") return undefined;
    throw error;
  }
}

export async function createClient(body: OAuth2Client): Promise<void> {
  await call((o) => hydraApis().admin.createOAuth2Client({ oAuth2Client: body }, o));
}

/** Replaces a client whole (PUT), its secret included. */
export async function replaceClient(id: string, body: OAuth2Client): Promise<void> {
  await call((o) => hydraApis().admin.setOAuth2Client({ id, oAuth2Client: body }, o));
}
