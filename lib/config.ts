import { createHmac } from "node:crypto";
import { z } from "zod";

const seconds = z.coerce.number().int().min(0);

const url = z
  .string()
  .url()
  .refine((value) => /^https?:\/\//.test(value), "must be an http(s) URL")
  .transform((value) => value.replace(/\/+$/, ""));

/**
 * Session secrets: either one SESSION_SECRET, or SESSION_SECRETS as a JSON map
 * `{"2":"new secret","1":"old secret"}` so secrets can be rotated: the highest
 * id seals, every id still unseals.
 */
const sessionSecrets = z
  .record(z.string().regex(/^\d+$/), z.string().min(32, "each secret needs at least 32 characters"))
  .refine((map) => Object.keys(map).length > 0, "needs at least one secret");

const databaseFields = {
  DATABASE_PATH: z.string().min(1).default(".data/accounts.sqlite"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(value), "must be a postgres:// URL"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
};

const envSchema = z
  .object({
    APP_URL: url.default("http://localhost:3000"),
    HYDRA_ADMIN_URL: url.optional(),
    HYDRA_PUBLIC_URL: url.optional(),
    ORY_PROJECT_URL: url.optional(),
    ORY_API_KEY: z.string().min(1).optional(),
    HYDRA_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    SESSION_SECRET: z.string().min(32, "needs at least 32 characters").optional(),
    SESSION_SECRETS: z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        try {
          return sessionSecrets.parse(JSON.parse(raw));
        } catch {
          ctx.addIssue({ code: "custom", message: 'must be a JSON map like {"1":"<32+ characters>"}' });
          return z.NEVER;
        }
      }),
    ...databaseFields,
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    LOGOUT_REJECT_URL: url.optional(),
    REMEMBER_LOGIN_FOR: seconds.default(30 * 24 * 3600),
    REMEMBER_CONSENT_FOR: seconds.default(0),
    EXTEND_SESSION_ON_SKIP: z.enum(["true", "false"]).default("false"),
    FIRST_PARTY_CLIENTS: z.string().default(""),
    RATE_LIMIT_STORE: z.enum(["memory", "database"]).optional(),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    CONSENT_HISTORY: z.coerce.number().int().min(0).max(100).default(10),
    ACCOUNT_PAGE: z.enum(["on", "off"]).default("on"),
    ACCOUNT_CLIENT_ID: z.string().regex(/^[\w.:-]{1,128}$/, "letters, digits and . _ : - only").default("hydra-provider-account"),
    ACCOUNT_CLIENT_SECRET: z.string().min(32, "needs at least 32 characters").optional(),
    ACCOUNT_SESSION_MAX_AGE: z.coerce.number().int().min(60).max(24 * 3600).default(3600),
    ACCOUNT_REAUTH_MAX_AGE: z.coerce.number().int().min(1).max(24 * 3600).default(300),
    PASSKEYS: z.enum(["on", "off"]).default("on"),
    TWO_STEP_SIGN_IN: z.enum(["on", "off"]).default("on"),
    REQUIRE_SECOND_FACTOR: z.enum(["off", "all"]).default("off"),
    ADMIN_CONSOLE: z.enum(["on", "off"]).default("off"),
    ADMIN_HOST: z
      .string()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, "a host name, with a port if it has one, e.g. admin.example.com")
      .optional(),
    ADMIN_REAUTH_MAX_AGE: z.coerce.number().int().min(1).max(24 * 3600).default(15 * 60),
    SMTP_URL: z
      .string()
      .refine((value) => value === "log" || /^smtps?:\/\/[^\s]+$/.test(value), "must be an smtp:// or smtps:// URL, or log")
      .optional(),
    MAIL_FROM: z.string().min(3).max(320).optional(),
    ALLOW_REGISTRATION: z.enum(["on", "off"]).default("off"),
    PASSWORD_RESET: z.enum(["on", "off"]).optional(),
    REQUIRE_VERIFIED_EMAIL: z.enum(["on", "off"]).optional(),
    EMAIL_LINK_TTL: z.coerce.number().int().min(1).max(7 * 24 * 3600).default(3600),
    // Kept exactly as Hydra states it, trailing slash included: next-auth compares it with the ID token's iss.
    HYDRA_ISSUER: z
      .string()
      .url()
      .refine((value) => /^https?:\/\//.test(value), "must be an http(s) URL")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.ADMIN_CONSOLE === "on" && env.ACCOUNT_PAGE === "off") {
      ctx.addIssue({ code: "custom", path: ["ADMIN_CONSOLE"], message: "the console signs in through the account page's client: it needs ACCOUNT_PAGE=on" });
    }
    if (!env.SESSION_SECRET && !env.SESSION_SECRETS) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required (or SESSION_SECRETS)" });
    }
    for (const name of ["ALLOW_REGISTRATION", "PASSWORD_RESET"] as const) {
      if (env[name] === "on" && !env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: `is required with ${name}=on (its e-mails are sent through it)` });
    }
    if (env.ORY_API_KEY && !env.ORY_PROJECT_URL) {
      ctx.addIssue({ code: "custom", path: ["ORY_PROJECT_URL"], message: "is required with ORY_API_KEY" });
    }
  });

export type AppConfig = {
  appUrl: string;
  hydra: { adminUrl: string; publicUrl: string; apiKey?: string; timeoutMs: number };
  sessionSecrets: Record<string, string>;
  /** The accounts database: an embedded SQLite file, or PostgreSQL for several instances. */
  database: DatabaseConfig;
  logoutRejectUrl: string;
  rememberLoginFor: number;
  rememberConsentFor: number;
  extendSessionOnSkip: boolean;
  firstPartyClients: string[];
  rateLimitStore: "memory" | "database";
  trustProxyHops: number;
  /** How many of the subject's newest consent sessions the consent page reads to show "already shared" (0: none). */
  consentHistory: number;
  /** The account page (/account), signed in through Hydra with next-auth; null when turned off. */
  account: AccountConfig | null;
  /** Authenticator-app codes and recovery codes: set up on the account page, asked for at sign-in. */
  twoStepSignIn: boolean;
  /** Every sign-in must reach acr "2"; an account without a second factor sets one up at its next sign-in. */
  requireSecondFactor: boolean;
  /** The admin console (/admin), for accounts with the admin role; null when turned off. */
  admin: AdminConfig | null;
  /** Passkey sign-in and their management on the account page; null when turned off. */
  passkeys: PasskeyConfig | null;
  /** Registration, e-mail verification and password reset: what is on, and how e-mail is sent. */
  selfService: SelfServiceConfig;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Where Prometheus metrics are served (a port of their own, off when unset). */
  metricsPort?: number;
};

export type AccountConfig = {
  clientId: string;
  /** From ACCOUNT_CLIENT_SECRET, or derived from the session secret: never in the repository. */
  clientSecret: string;
  /** Hydra's issuer exactly as its ID tokens carry it. */
  issuer: string;
  /** next-auth's key for its encrypted session cookie, derived from the session secret. */
  sessionKey: string;
  sessionMaxAge: number;
  /** Seconds after sign-in beyond which adding or removing a sign-in method asks to sign in again. */
  reauthMaxAge: number;
};

/** WebAuthn's relying party: APP_URL's host name is the RP ID, its origin the only origin accepted. */
export type PasskeyConfig = {
  rpId: string;
  origin: string;
  /** Keys the stateless ceremony challenges (lib/second-factor/passkey-challenge.ts). */
  challengeKey: string;
};

export type SelfServiceConfig = {
  /** SMTP_URL and MAIL_FROM; "log" writes messages to the log instead (development only). Null: no e-mail is sent. */
  mail: { url: string; from: string } | null;
  registration: boolean;
  passwordReset: boolean;
  /** An account whose e-mail address is not verified cannot finish a sign-in. */
  requireVerifiedEmail: boolean;
  /** Seconds an e-mailed link or code stays usable. */
  linkTtlSeconds: number;
};

export type AdminConfig = {
  /** When set, /admin answers only on this Host (lower case, with its port if any) and 404 elsewhere. */
  host?: string;
  /** The console's origin: APP_URL's scheme on ADMIN_HOST, or APP_URL's origin. */
  origin: string;
  /** Seconds after sign-in beyond which a change asks to sign in again. */
  reauthMaxAge: number;
};

export type DatabaseConfig =
  | { kind: "sqlite"; path: string; statementTimeoutMs: number }
  | { kind: "postgres"; url: string; poolMax: number; statementTimeoutMs: number };

export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>): z.output<T> {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = schema.safeParse(blankAsUnset);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

function toDatabaseConfig(e: z.output<z.ZodObject<typeof databaseFields>>): DatabaseConfig {
  return e.DATABASE_URL
    ? { kind: "postgres", url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS }
    : { kind: "sqlite", path: e.DATABASE_PATH, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS };
}

/** The database settings alone, for tools that need no secrets (npm run users). */
export function parseDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  return toDatabaseConfig(parseEnv(z.object(databaseFields), env));
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const e = parseEnv(envSchema, env);
  const oryUrl = e.ORY_PROJECT_URL;
  const sessionSecrets = e.SESSION_SECRETS ?? { "1": e.SESSION_SECRET as string };
  const publicUrl = e.HYDRA_PUBLIC_URL ?? oryUrl ?? "http://localhost:4444";
  return {
    appUrl: e.APP_URL,
    hydra: {
      // An Ory Network project serves admin and public APIs from one URL, authorised by the API key.
      adminUrl: e.HYDRA_ADMIN_URL ?? oryUrl ?? "http://127.0.0.1:4445",
      publicUrl,
      apiKey: e.ORY_API_KEY,
      timeoutMs: e.HYDRA_TIMEOUT_MS,
    },
    sessionSecrets,
    database: toDatabaseConfig(e),
    logoutRejectUrl: e.LOGOUT_REJECT_URL ?? `${e.APP_URL}/`,
    rememberLoginFor: e.REMEMBER_LOGIN_FOR,
    rememberConsentFor: e.REMEMBER_CONSENT_FOR,
    extendSessionOnSkip: e.EXTEND_SESSION_ON_SKIP === "true",
    firstPartyClients: e.FIRST_PARTY_CLIENTS.split(",").map((id) => id.trim()).filter(Boolean),
    // Instances on one PostgreSQL count sign-in failures together unless told otherwise.
    rateLimitStore: e.RATE_LIMIT_STORE ?? (e.DATABASE_URL ? "database" : "memory"),
    trustProxyHops: e.TRUST_PROXY_HOPS,
    consentHistory: e.CONSENT_HISTORY,
    account:
      e.ACCOUNT_PAGE === "off"
        ? null
        : {
            clientId: e.ACCOUNT_CLIENT_ID,
            clientSecret: e.ACCOUNT_CLIENT_SECRET ?? derivedSecret(sessionSecrets, "account-client-secret"),
            issuer: e.HYDRA_ISSUER ?? `${publicUrl}/`,
            sessionKey: derivedSecret(sessionSecrets, "account-session-key"),
            sessionMaxAge: e.ACCOUNT_SESSION_MAX_AGE,
            reauthMaxAge: e.ACCOUNT_REAUTH_MAX_AGE,
          },
    twoStepSignIn: e.TWO_STEP_SIGN_IN === "on",
    requireSecondFactor: e.REQUIRE_SECOND_FACTOR === "all",
    admin:
      e.ADMIN_CONSOLE === "on"
        ? {
            host: e.ADMIN_HOST?.toLowerCase(),
            origin: e.ADMIN_HOST ? `${new URL(e.APP_URL).protocol}//${e.ADMIN_HOST.toLowerCase()}` : new URL(e.APP_URL).origin,
            reauthMaxAge: e.ADMIN_REAUTH_MAX_AGE,
          }
        : null,
    passkeys:
      e.PASSKEYS === "off"
        ? null
        : { rpId: new URL(e.APP_URL).hostname, origin: new URL(e.APP_URL).origin, challengeKey: derivedSecret(sessionSecrets, "passkey-challenge-key") },
    selfService: {
      mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? `no-reply@${new URL(e.APP_URL).hostname}` } : null,
      registration: e.ALLOW_REGISTRATION === "on",
      // Needs only a way to send mail: on wherever SMTP_URL is set, unless turned off.
      passwordReset: (e.PASSWORD_RESET ?? (e.SMTP_URL ? "on" : "off")) === "on",
      // Registration on means addresses typed by anyone: they must be proved before they sign in.
      requireVerifiedEmail: (e.REQUIRE_VERIFIED_EMAIL ?? e.ALLOW_REGISTRATION) === "on",
      linkTtlSeconds: e.EMAIL_LINK_TTL,
    },
    logLevel: e.LOG_LEVEL,
    metricsPort: e.METRICS_PORT,
  };
}

/**
 * A secret of its own for `label`, derived from the newest session secret
 * (HMAC-SHA256), so a deployment configures one secret and rotating it
 * rotates these too.
 */
function derivedSecret(sessionSecrets: Record<string, string>, label: string): string {
  const newest = sessionSecrets[String(Math.max(...Object.keys(sessionSecrets).map(Number)))] as string;
  return createHmac("sha256", newest).update(label).digest("base64url");
}

let cached: AppConfig | undefined;

export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
