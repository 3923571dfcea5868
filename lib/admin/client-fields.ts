import type { JsonWebKeySet } from "@ory/client-fetch";
import { z } from "zod";
import { isPrivateJwk } from "./jwk";
import { corsOrigin, isHttpUrl, redirectUriProblem } from "./uris";

/** The zod pieces of the client form, one per kind of field; each fails with a message key. */

export const clientFormMessageKeys = [
  "admin.client.errors.tooLong",
  "admin.client.errors.tooMany",
  "admin.client.errors.redirectUriInvalid",
  "admin.client.errors.redirectUriHttps",
  "admin.client.errors.redirectUriFragment",
  "admin.client.errors.uriCredentials",
  "admin.client.errors.redirectUriRequired",
  "admin.client.errors.postLogoutRedirectUriUnmatched",
  "admin.client.errors.httpUrl",
  "admin.client.errors.corsOrigin",
  "admin.client.errors.scopeToken",
  "admin.client.errors.audience",
  "admin.client.errors.grantType",
  "admin.client.errors.grantTypeRequired",
  "admin.client.errors.responseType",
  "admin.client.errors.responseTypeNeedsGrant",
  "admin.client.errors.authMethod",
  "admin.client.errors.clientSecretTooShort",
  "admin.client.errors.clientSecretTooLong",
  "admin.client.errors.clientSecretCharacters",
  "admin.client.errors.clientSecretUnused",
  "admin.client.errors.jwksJson",
  "admin.client.errors.jwksInvalid",
  "admin.client.errors.jwksPrivate",
  "admin.client.errors.jwksRequired",
  "admin.client.errors.jwksAndJwksUri",
  "admin.client.errors.metadataJson",
  "admin.client.errors.metadataNotObject",
  "admin.client.errors.metadataTooLarge",
  "admin.client.errors.rememberFor",
  "admin.client.errors.minimumAcr",
  "admin.client.errors.accessTokenStrategy",
] as const;
export type ClientFormMessageKey = (typeof clientFormMessageKeys)[number];

/**
 * The grant types Hydra v2.3.0 serves (fositex/config.go). The device_code grant
 * (urn:ietf:params:oauth:grant-type:device_code) came after v2.3.0: Hydra would
 * store it without complaint, and the client could never use it.
 */
export const grantTypes = [
  "authorization_code",
  "refresh_token",
  "client_credentials",
  "implicit",
  "urn:ietf:params:oauth:grant-type:jwt-bearer",
] as const;
export const authMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"] as const;
export const accessTokenStrategies = ["jwt", "opaque"] as const;

function fail(ctx: z.RefinementCtx, key: ClientFormMessageKey): never {
  ctx.addIssue({ code: "custom", message: key });
  return z.NEVER as never;
}

/** One item per line or per space; empty lines dropped, duplicates kept once. */
export function listItems(text: string): string[] {
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

export const checkbox = z.string().transform((value) => value !== "" && value !== "off");

export const freeText = (max: number) =>
  z.string().transform((value, ctx) => {
    const text = value.trim();
    return text.length > max ? fail(ctx, "admin.client.errors.tooLong") : text;
  });

function list(maxItems: number, check: (item: string) => ClientFormMessageKey | undefined, normalise = (item: string) => item) {
  return z.string().transform((value, ctx) => {
    const items = listItems(value);
    if (items.length > maxItems) return fail(ctx, "admin.client.errors.tooMany");
    for (const item of items) {
      const problem = item.length > 2000 ? "admin.client.errors.tooLong" : check(item);
      if (problem) return fail(ctx, problem);
    }
    return [...new Set(items.map(normalise))];
  });
}

const redirectKeys = {
  invalid: "admin.client.errors.redirectUriInvalid",
  https: "admin.client.errors.redirectUriHttps",
  fragment: "admin.client.errors.redirectUriFragment",
  credentials: "admin.client.errors.uriCredentials",
} as const;

/** Redirect and post-logout URIs; native apps may use their reverse-domain scheme. */
export const redirectUris = list(50, (item) => {
  const problem = redirectUriProblem(item, { allowPrivateUseScheme: true });
  return problem && redirectKeys[problem];
});

/** Front/back-channel logout URIs and jwks_uri: https, or http to a loopback host. */
export const serverUri = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 2000) return fail(ctx, "admin.client.errors.tooLong");
  const problem = redirectUriProblem(text, { allowPrivateUseScheme: false });
  return problem ? fail(ctx, redirectKeys[problem]) : text;
});

export const httpUrl = z.string().transform((value, ctx) => {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 2000) return fail(ctx, "admin.client.errors.tooLong");
  return isHttpUrl(text) ? text : fail(ctx, "admin.client.errors.httpUrl");
});

export const corsOrigins = list(50, (item) => (corsOrigin(item) ? undefined : "admin.client.errors.corsOrigin"), (item) => corsOrigin(item) ?? item);

// RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
export const scopes = list(100, (item) => (/^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/.test(item) ? undefined : "admin.client.errors.scopeToken"));

export const audiences = list(50, (item) => (/^[\x21-\x7E]{1,500}$/.test(item) ? undefined : "admin.client.errors.audience"));

export const grantTypeList = list(grantTypes.length, (item) =>
  (grantTypes as readonly string[]).includes(item) ? undefined : "admin.client.errors.grantType",
);

/**
 * Response types are themselves space-separated ("code id_token"), so this field
 * takes one per line or comma. Word order does not matter to fosite; we store a sorted form.
 */
export const responseTypes = z.string().transform((value, ctx) => {
  const combos = value.split(/[\n,]/).map((line) => line.trim().split(/\s+/).filter(Boolean));
  const result = new Set<string>();
  for (const words of combos) {
    if (words.length === 0) continue;
    const unique = new Set(words);
    if (unique.size !== words.length || words.some((word) => !["code", "id_token", "token"].includes(word))) {
      return fail(ctx, "admin.client.errors.responseType");
    }
    result.add([...unique].sort().join(" "));
  }
  return [...result];
});

export const authMethod = z.string().transform((value, ctx) => {
  const method = value.trim() || "client_secret_basic";
  return (authMethods as readonly string[]).includes(method) ? method : fail(ctx, "admin.client.errors.authMethod");
});

/**
 * A hand-entered secret: at least 32 characters (a guessable secret is a password),
 * at most 72 bytes (Hydra's bcrypt hasher, oauth2.hashers.algorithm, refuses longer),
 * printable ASCII so it survives Basic authentication. Empty: Hydra generates one.
 */
export const clientSecret = z.string().transform((value, ctx) => {
  if (value === "") return undefined;
  if (!/^[\x21-\x7E]*$/.test(value)) return fail(ctx, "admin.client.errors.clientSecretCharacters");
  if (value.length < 32) return fail(ctx, "admin.client.errors.clientSecretTooShort");
  return value.length > 72 ? fail(ctx, "admin.client.errors.clientSecretTooLong") : value;
});

export const jwks = z.string().transform((value, ctx): JsonWebKeySet | undefined => {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 64 * 1024) return fail(ctx, "admin.client.errors.tooLong");
  const parsed = jsonValue(text);
  if (parsed === undefined) return fail(ctx, "admin.client.errors.jwksJson");
  const keys = isRecord(parsed) ? parsed.keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 20) return fail(ctx, "admin.client.errors.jwksInvalid");
  if (!keys.every((key) => isRecord(key) && typeof key.kty === "string")) return fail(ctx, "admin.client.errors.jwksInvalid");
  // Hydra would store a private key and publish it with the client.
  if (keys.some((key) => isPrivateJwk(key))) return fail(ctx, "admin.client.errors.jwksPrivate");
  return { keys } as JsonWebKeySet;
});

/** Metadata: a JSON object; the keys this provider reads are checked (lib/flows/remember.ts). */
export const metadata = z.string().transform((value, ctx): Record<string, unknown> | undefined => {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 16 * 1024) return fail(ctx, "admin.client.errors.metadataTooLarge");
  const parsed = jsonValue(text);
  if (parsed === undefined) return fail(ctx, "admin.client.errors.metadataJson");
  if (!isRecord(parsed)) return fail(ctx, "admin.client.errors.metadataNotObject");
  for (const key of ["remember_login_for", "remember_consent_for"]) {
    const seconds = parsed[key];
    if (seconds !== undefined && !(Number.isSafeInteger(seconds) && (seconds as number) >= 0)) return fail(ctx, "admin.client.errors.rememberFor");
  }
  // An acr value is compared as a string and requested in a space-separated acr_values list.
  const acr = parsed.minimum_acr;
  if (acr !== undefined && !(typeof acr === "string" && /^[\x21-\x7E]{1,255}$/.test(acr))) return fail(ctx, "admin.client.errors.minimumAcr");
  return parsed;
});

export const accessTokenStrategy = z.string().transform((value, ctx) => {
  const strategy = value.trim();
  if (strategy === "") return undefined;
  return (accessTokenStrategies as readonly string[]).includes(strategy) ? strategy : fail(ctx, "admin.client.errors.accessTokenStrategy");
});

function jsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
