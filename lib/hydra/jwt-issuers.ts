import type { ApiResponse, JsonWebKey } from "@ory/client-fetch";
import { z } from "zod";
import { call, parsed } from "./call";
import { hydraApis } from "./client";
import { unlessNotFound } from "./errors";
import { pageAfter, pageSizeOf } from "./paging";

/** An issuer whose signed JWTs Hydra accepts as authorization grants (RFC 7523), as oauth2/trust/grant.go writes it. */
export const trustedIssuerSchema = z.object({
  id: z.string(),
  issuer: z.string(),
  subject: z.string().nullish(),
  allow_any_subject: z.boolean().nullish(),
  scope: z.array(z.string()).nullish(),
  expires_at: z.string().nullish(),
  created_at: z.string().nullish(),
  public_key: z.object({ set: z.string().nullish(), kid: z.string().nullish() }).nullish(),
});

export type TrustedIssuer = z.output<typeof trustedIssuerSchema>;

export type IssuerPage = { issuers: TrustedIssuer[]; nextPageToken?: string; total?: number };

export type IssuerTrust = {
  issuer: string;
  /** Exactly one of a subject or allowAnySubject (oauth2/trust/validator.go). */
  subject?: string;
  allowAnySubject?: boolean;
  scope: string[];
  expiresAt: Date;
  /** The issuer's public key; it needs a kid. */
  jwk: JsonWebKey;
};

/** One page of trust relationships, optionally of one issuer only. */
export async function listIssuers(query: { issuer?: string; pageSize?: number; pageToken?: string } = {}): Promise<IssuerPage> {
  const pageSize = pageSizeOf(query.pageSize);
  const { raw, headers } = await call(async (o) => {
    const response = await hydraApis().admin.listTrustedOAuth2JwtGrantIssuersRaw(
      { issuer: query.issuer || undefined, pageSize, pageToken: query.pageToken || undefined },
      o,
    );
    return { raw: await response.raw.json(), headers: response.raw.headers };
  });
  const issuers = parsed(z.array(trustedIssuerSchema), raw);
  const { nextPageToken, total } = pageAfter(headers, issuers.length, pageSize);
  // Hydra counts every trust whatever the issuer filter (CountGrants): a filtered page has no total.
  return { issuers, nextPageToken, total: query.issuer ? undefined : total };
}

async function answeredIssuer(run: (options: RequestInit) => Promise<ApiResponse<unknown>>): Promise<TrustedIssuer> {
  return parsed(trustedIssuerSchema, await call(async (o) => (await run(o)).raw.json()));
}

export function getIssuer(id: string): Promise<TrustedIssuer | undefined> {
  return unlessNotFound(answeredIssuer((o) => hydraApis().admin.getTrustedOAuth2JwtGrantIssuerRaw({ id }, o)));
}

/**
 * Trusts an issuer's key for a subject (or any) and scopes until `expiresAt`.
 * Hydra files the key under the issuer and its kid and keeps a key it already
 * has there (persister_grant_jwk.go, CreateGrant): a new key needs a new kid.
 * The same issuer, subject and kid twice is a 409 (`isConflict`).
 */
export function trustIssuer(trust: IssuerTrust): Promise<TrustedIssuer> {
  const body = {
    issuer: trust.issuer,
    subject: trust.subject,
    allow_any_subject: trust.allowAnySubject,
    scope: trust.scope,
    expires_at: trust.expiresAt,
    jwk: publicPart(trust.jwk),
  };
  return answeredIssuer((o) => hydraApis().admin.trustOAuth2JwtGrantIssuerRaw({ trustOAuth2JwtGrantIssuer: body }, o));
}

/** Hydra stores the JWK as given; a private part pasted by mistake never leaves this app. */
function publicPart({ kty, kid, alg, use, crv, x, y, n, e, x5c }: JsonWebKey): JsonWebKey {
  return { kty, kid, alg, use, crv, x, y, n, e, x5c };
}

/** Ends the trust and deletes its key; the issuer's assertions are refused from then on. */
export async function deleteIssuer(id: string): Promise<void> {
  await call((o) => hydraApis().admin.deleteTrustedOAuth2JwtGrantIssuer({ id }, o));
}
