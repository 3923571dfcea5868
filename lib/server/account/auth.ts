import { randomBytes, createHash } from "node:crypto";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type AuthOptions } from "next-auth";
import { type JWT, encode, getToken } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import { accountScope, signInOrigins } from "@/lib/account/client";
import { type AccountConfig, config } from "@/lib/config";
import { refreshAccountTokens } from "@/lib/hydra/tokens";
import { log } from "@/lib/observability/log";

/** What the account pages know of the person signed in. */
export type AccountSession = {
  subject: string;
  idToken: string;
  /** When this browser signed in to the account page (ms since the epoch). */
  signedInAt: number;
  /** When the person last proved who they are at Hydra: the ID token's auth_time (ms since the epoch). */
  authenticatedAt: number;
};

type AccountToken = JWT & {
  subject?: string;
  idToken?: string;
  /** When this browser signed in to the account page (ms since the epoch). */
  signedInAt?: number;
  /** The ID token's auth_time, in ms since the epoch. */
  authenticatedAt?: number;
  accessToken?: string;
  refreshToken?: string;
  /** Seconds since the epoch when the access token expires. */
  expiresAt?: number;
  error?: "refresh_failed";
};

let options: AuthOptions | undefined;

/**
 * next-auth v4 with Hydra itself as the OpenID provider: discovery from
 * Hydra's issuer exactly as it states it (trailing slash included, which the
 * ID token's iss must match), the authorization-code flow with PKCE, state
 * and nonce, client_secret_basic. The session is next-auth's encrypted JWT
 * cookie (`__Secure-` over https), short-lived, renewed with Hydra's refresh
 * token, whose rotation is kept.
 */
export function authOptions(): AuthOptions {
  if (options) return options;
  const { appUrl, account } = config();
  if (!account) throw new Error("the account page is turned off (ACCOUNT_PAGE=off)");
  // next-auth builds its callback URL from the request's origin, which pinOrigin sets to one of
  // ours before next-auth sees a request (lib/account/client.ts: signInOrigins).
  delete process.env.NEXTAUTH_URL;
  process.env.AUTH_TRUST_HOST = "1";
  options = {
    secret: account.sessionKey,
    useSecureCookies: appUrl.startsWith("https://"),
    session: { strategy: "jwt", maxAge: account.sessionMaxAge },
    jwt: { maxAge: account.sessionMaxAge },
    pages: { signIn: "/account/sign-in", error: "/account/sign-in", signOut: "/account" },
    // Into our JSON logs, never the console; a tampered cookie is a warning, not an error with a stack.
    logger: {
      error: (code, metadata) =>
        log().warn({ code, reason: errorMessage(metadata), description: errorDescription(metadata) }, "account sign-in: next-auth refused a request"),
      warn: (code) => log().warn({ code }, "account sign-in: next-auth warning"),
      debug: () => undefined,
    },
    providers: [
      {
        id: "hydra",
        name: "Hydra",
        type: "oauth",
        wellKnown: `${account.issuer}.well-known/openid-configuration`,
        clientId: account.clientId,
        clientSecret: account.clientSecret,
        client: { token_endpoint_auth_method: "client_secret_basic" },
        authorization: { params: { scope: accountScope } },
        idToken: true,
        checks: ["pkce", "state", "nonce"],
        profile: (profile: { sub: string; email?: string; name?: string }) => ({ id: profile.sub, email: profile.email, name: profile.name }),
      },
    ],
    callbacks: {
      async jwt({ token, account: signedIn, profile }) {
        const current = token as AccountToken;
        if (signedIn) {
          const authTime = (profile as { auth_time?: unknown } | undefined)?.auth_time;
          return {
            ...current,
            subject: signedIn.providerAccountId,
            idToken: signedIn.id_token,
            signedInAt: Date.now(),
            authenticatedAt: typeof authTime === "number" ? authTime * 1000 : Date.now(),
            accessToken: signedIn.access_token,
            refreshToken: signedIn.refresh_token,
            expiresAt: signedIn.expires_at,
          } satisfies AccountToken;
        }
        return renewed(current, account);
      },
      async session({ session, token }) {
        const current = token as AccountToken;
        return {
          ...session,
          subject: current.subject,
          idToken: current.idToken,
          signedInAt: current.signedInAt,
          authenticatedAt: current.authenticatedAt,
          error: current.error,
        };
      },
    },
  };
  return options;
}

/**
 * The access token is renewed a minute before it expires, with the refresh
 * token Hydra rotates (the old one is spent). A refresh that fails (revoked,
 * reused, Hydra gone) signs the person out of the account page.
 */
async function renewed(token: AccountToken, account: AccountConfig): Promise<AccountToken> {
  if (!token.expiresAt || token.expiresAt - 60 > Date.now() / 1000 || token.error) return token;
  if (!token.refreshToken) return { ...token, error: "refresh_failed" };
  try {
    const tokens = await refreshAccountTokens(account, token.refreshToken);
    return {
      ...token,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? token.refreshToken,
      idToken: tokens.idToken ?? token.idToken,
      expiresAt: tokens.expiresAt,
    };
  } catch {
    return { ...token, error: "refresh_failed" };
  }
}

/**
 * The origin this request signs in on: the admin console's host when it came
 * there, else APP_URL's. It is what next-auth sees (it trusts the forwarded
 * host only because it is set here, from our own list, never from outside).
 */
export function pinOrigin(request: NextApiRequest): string {
  const { appUrl, admin } = config();
  const host = request.headers.host?.toLowerCase();
  const origin = signInOrigins(appUrl, admin).find((candidate) => new URL(candidate).host === host) ?? new URL(appUrl).origin;
  const url = new URL(origin);
  request.headers["x-forwarded-host"] = url.host;
  request.headers["x-forwarded-proto"] = url.protocol.slice(0, -1);
  return origin;
}

/** next-auth's own routes (pages/api/auth/[...nextauth].ts). */
export function nextAuthHandler(request: NextApiRequest, response: NextApiResponse) {
  pinOrigin(request);
  return NextAuth(request, response, authOptions());
}

/** The person signed in to the account page, or undefined (no cookie, a tampered or expired one, a failed refresh). */
export async function accountSession(request: NextApiRequest, response: NextApiResponse): Promise<AccountSession | undefined> {
  try {
    pinOrigin(request);
    const session = (await getServerSession(request, response, authOptions())) as Partial<AccountSession & { error: string }> | null;
    if (!session?.subject || !session.idToken || !session.signedInAt || session.error) return undefined;
    return { subject: session.subject, idToken: session.idToken, signedInAt: session.signedInAt, authenticatedAt: session.authenticatedAt ?? session.signedInAt };
  } catch {
    return undefined;
  }
}

/**
 * Starts next-auth's sign-in with Hydra straight away, so /account without a
 * session goes through Hydra's login page and comes back with no extra
 * click. next-auth starts a sign-in only on a POST that carries its CSRF
 * token, to stop another site from starting one; here the request is our
 * own GET, so it is handed to next-auth as that POST with a fresh token and
 * its cookie. Login CSRF stays impossible: the state, PKCE and nonce cookies
 * are set for this browser and checked on the way back.
 */
export async function startSignIn(request: NextApiRequest, response: NextApiResponse, callbackPath: string, options: { maxAge?: number } = {}): Promise<void> {
  const origin = pinOrigin(request);
  const auth = authOptions();
  const csrfToken = randomBytes(32).toString("hex");
  const csrfHash = createHash("sha256").update(`${csrfToken}${auth.secret}`).digest("hex");
  const csrfCookie = `${auth.useSecureCookies ? "__Host-" : ""}next-auth.csrf-token`;
  const callbackUrl = `${origin}${callbackPath}`;
  // The request is ours to the end: it is turned into the sign-in post next-auth expects. Its
  // other query parameters are next-auth's authorization parameters: max_age makes Hydra ask for
  // the password again when the last sign-in is older (the console's re-authentication).
  request.method = "POST";
  request.query = { nextauth: ["signin", "hydra"], ...(options.maxAge !== undefined ? { max_age: String(options.maxAge) } : {}) };
  request.body = { csrfToken, callbackUrl };
  request.cookies = { ...request.cookies, [csrfCookie]: `${csrfToken}|${csrfHash}` };
  await NextAuth(request, response, auth);
}

function errorMessage(metadata: unknown): string | undefined {
  if (metadata instanceof Error) return metadata.message;
  const error = (metadata as { error?: unknown } | undefined)?.error;
  return error instanceof Error ? error.message : undefined;
}

/** Hydra's error_description, when next-auth was sent back with an error (it names the error only). */
function errorDescription(metadata: unknown): string | undefined {
  const description = (metadata as { error_description?: unknown } | undefined)?.error_description;
  return typeof description === "string" ? description.slice(0, 300) : undefined;
}

function sessionCookieName(): string {
  return `${authOptions().useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
}

function cookieAttributes(maxAge: number): string {
  return `Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${authOptions().useSecureCookies ? "; Secure" : ""}`;
}

/** Ends the account page's session in this browser: its cookie, and any chunks next-auth split it into. */
export function clearAccountSession(request: NextApiRequest, response: NextApiResponse): void {
  const name = sessionCookieName();
  for (const cookie of Object.keys(request.cookies)) {
    if (cookie === name || cookie.startsWith(`${name}.`)) response.appendHeader("Set-Cookie", `${cookie}=; ${cookieAttributes(0)}`);
  }
}

/**
 * Keeps this browser signed in when the account's other sessions were just
 * ended: its session says it began now, after the time that ended them.
 */
export async function restartAccountSession(request: NextApiRequest, response: NextApiResponse, at: number): Promise<void> {
  const auth = authOptions();
  const secret = auth.secret as string;
  const token = await getToken({ req: request, secret, secureCookie: auth.useSecureCookies });
  if (!token) return;
  const maxAge = auth.session?.maxAge ?? 3600;
  const sealed = await encode({ token: { ...token, signedInAt: at }, secret, maxAge });
  clearAccountSession(request, response);
  response.appendHeader("Set-Cookie", `${sessionCookieName()}=${sealed}; ${cookieAttributes(maxAge)}`);
}
