import { z } from "zod";
import { type ReadFile, readConfigDocument, readTextFile } from "@/lib/config-document";

/** Our claims an upstream's claims can fill, when an account is made from a first upstream sign-in. */
export const profileClaims = ["email", "email_verified", "name", "given_name", "family_name", "locale", "picture"] as const;
export type ProfileClaim = (typeof profileClaims)[number];
export type ClaimMapping = Partial<Record<ProfileClaim, string>>;

const standardMapping: ClaimMapping = {
  email: "email",
  email_verified: "email_verified",
  name: "name",
  given_name: "given_name",
  family_name: "family_name",
  locale: "locale",
  picture: "picture",
};

/**
 * http:// only on the loopback (a provider on this machine, e.g. in tests):
 * anywhere else the code, tokens and client secret must travel over TLS.
 */
const issuerUrl = z
  .string()
  .url()
  .max(2000)
  .refine((value) => /^https:\/\//.test(value) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(value), "must be an https:// URL (http:// only on localhost)");

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, "lower-case letters, digits and - only, at most 32"),
  name: z.string().min(1).max(60),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().min(1).max(4000),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, "one scope token")).max(30).optional(),
  /** Our claim → the upstream's claim (a top-level name in the ID token or user info). */
  claims: z.partialRecord(z.enum(profileClaims), z.string().min(1).max(100)).optional(),
};

const providerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("oidc"), issuer: issuerUrl, responseMode: z.enum(["query", "form_post"]).default("query"), ...common }).strict(),
  z.object({ type: z.literal("google"), ...common, name: common.name.default("Google") }).strict(),
  z
    .object({
      type: z.literal("microsoft"),
      // Entra's issuer names the tenant by its id; "common" or a domain name would never match the ID token's iss.
      tenant: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "the directory (tenant) id, a GUID"),
      ...common,
      name: common.name.default("Microsoft"),
    })
    .strict(),
  z.object({ type: z.literal("gitlab"), issuer: issuerUrl.default("https://gitlab.com"), ...common, name: common.name.default("GitLab") }).strict(),
  z.object({ type: z.literal("apple"), ...common, name: common.name.default("Apple") }).strict(),
  z.object({ type: z.literal("github"), ...common, name: common.name.default("GitHub") }).strict(),
]);

export const upstreamProvidersSchema = z.array(providerSchema).max(20).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((provider, index) => {
    if (seen.has(provider.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${provider.id}" is used twice` });
    seen.add(provider.id);
  });
});

/** A configured upstream, with its preset filled in. */
export type UpstreamProvider = {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  claims: ClaimMapping;
  /** The redirect's response_mode: Apple posts the response back when it is asked for name or email. */
  responseMode: "query" | "form_post";
  protocol:
    | { kind: "oidc"; issuer: string }
    /** OAuth 2.0 with the user API for who the person is (GitHub is not an OpenID provider). */
    | { kind: "github"; authorizationEndpoint: string; tokenEndpoint: string; userApi: string };
};

type ProviderInput = z.output<typeof providerSchema>;

function withPreset(input: ProviderInput): UpstreamProvider {
  const base = { id: input.id, name: input.name, clientId: input.clientId, clientSecret: input.clientSecret };
  const oidc = (issuer: string, scopes: string[], claims: ClaimMapping = standardMapping, responseMode: "query" | "form_post" = "query"): UpstreamProvider => ({
    ...base,
    scopes: input.scopes ?? scopes,
    claims: { ...claims, ...input.claims },
    responseMode,
    protocol: { kind: "oidc", issuer },
  });
  switch (input.type) {
    case "oidc":
      return oidc(input.issuer, ["openid", "email", "profile"], standardMapping, input.responseMode);
    case "google":
      return oidc("https://accounts.google.com", ["openid", "email", "profile"]);
    case "microsoft":
      // Entra's v2.0 ID tokens carry no email_verified: the address is one the tenant's admin set, so it is not taken as verified.
      return oidc(`https://login.microsoftonline.com/${input.tenant}/v2.0`, ["openid", "email", "profile"], { ...standardMapping, email_verified: "xms_edov" });
    case "gitlab":
      return oidc(input.issuer, ["openid", "email", "profile"]);
    case "apple":
      // Sign in with Apple answers with response_mode=form_post whenever name or email is asked for.
      return oidc("https://appleid.apple.com", ["openid", "email"], { email: "email", email_verified: "email_verified" }, "form_post");
    case "github":
      return {
        ...base,
        scopes: input.scopes ?? ["read:user", "user:email"],
        claims: { email: "email", email_verified: "email_verified", name: "name", picture: "avatar_url", ...input.claims },
        responseMode: "query",
        protocol: {
          kind: "github",
          authorizationEndpoint: "https://github.com/login/oauth/authorize",
          tokenEndpoint: "https://github.com/login/oauth/access_token",
          userApi: "https://api.github.com",
        },
      };
  }
}

/** UPSTREAM_PROVIDERS (a JSON array) or UPSTREAM_PROVIDERS_FILE (its path). None configured: no buttons. */
export function parseUpstreamProviders(env: Record<string, string | undefined>, readFile: ReadFile = readTextFile): UpstreamProvider[] {
  const document = readConfigDocument(env, "UPSTREAM_PROVIDERS", upstreamProvidersSchema, readFile);
  return document ? document.data.map(withPreset) : [];
}

let cached: UpstreamProvider[] | undefined;

export function upstreamProviders(): UpstreamProvider[] {
  cached ??= parseUpstreamProviders(process.env);
  return cached;
}

export function upstreamProvider(id: string): UpstreamProvider | undefined {
  return upstreamProviders().find((provider) => provider.id === id);
}
