import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { config } from "@/lib/config";
import { type CsrfPurpose, csrfToken, verifyCsrfToken } from "./csrf";

/**
 * A short-lived, sealed cookie: an id that CSRF tokens are bound to, a flash
 * for re-rendering the login form after a failed attempt, and a sign-in whose
 * password was right but whose second step is still to come.
 */
const flowSessionSchema = z.object({
  id: z.string().min(16),
  flash: z.object({ challenge: z.string(), email: z.string() }).optional(),
  pending: z
    .object({
      /** The login challenge's hash: challenges are 1–2 KB, too big for a cookie. */
      challengeHash: z.string(),
      subject: z.string(),
      remember: z.boolean(),
      /** What the first step proved (RFC 8176 names): a password, an upstream sign-in, or both. */
      amr: z.array(z.string().max(16)).max(8).default(["pwd"]),
      /** Epoch milliseconds after which the password must be typed again. */
      until: z.number(),
    })
    .optional(),
  /**
   * Registration, verification and password reset in this browser: the address a
   * code is for, the login challenge's hash (a link continues the flow only in
   * the browser that asked for it), and an account whose password was just reset.
   */
  selfService: z
    .object({
      email: z.string().optional(),
      challengeHash: z.string().optional(),
      proved: z.object({ subject: z.string(), challengeHash: z.string(), until: z.number() }).optional(),
      /** What the sign-in that found the address unverified proved (RFC 8176 names), for the flow to go on with once it is verified. */
      firstStep: z.object({ subject: z.string(), acr: z.enum(["1", "2"]), amr: z.array(z.string().max(16)).max(8) }).optional(),
    })
    .optional(),
  /** A sign-in just finished with a recovery code: how many are left, and Hydra's next URL to continue to. */
  recoveryCodeUsed: z.object({ left: z.number(), continueTo: z.string() }).optional(),
  /** A sign-in under way at an upstream provider: what its answer must match (lib/upstream). */
  upstream: z
    .object({
      provider: z.string(),
      challengeHash: z.string(),
      state: z.string(),
      nonce: z.string().optional(),
      verifier: z.string(),
      until: z.number(),
    })
    .optional(),
  /** An upstream identity whose email belongs to an account: linked once that account's password is typed. */
  upstreamLink: z
    .object({
      challengeHash: z.string(),
      provider: z.string(),
      upstreamSubject: z.string(),
      userId: z.string(),
      email: z.string(),
      acr: z.string().optional(),
      amr: z.array(z.string()),
      until: z.number(),
    })
    .optional(),
});

export type FlowSession = z.infer<typeof flowSessionSchema>;

const ttlSeconds = 60 * 60;

export function flowCookieName(): string {
  return isHttps() ? "__Host-provider-flow" : "provider-flow";
}

export function flowCookieOptions() {
  return { httpOnly: true, secure: isHttps(), sameSite: "lax" as const, path: "/", maxAge: ttlSeconds };
}

export function newFlowSession(): FlowSession {
  return { id: randomBytes(18).toString("base64url") };
}

/** Sealed once per browser (and again only when the flash changes), not once per request. */
export async function sealFlowSession(session: FlowSession): Promise<string> {
  const sealed = await sealData(session, { password: config().sessionSecrets, ttl: ttlSeconds });
  unsealed.remember(sealed, session);
  return sealed;
}

export async function unsealFlowSession(sealed: string | undefined): Promise<FlowSession | undefined> {
  if (!sealed) return undefined;
  const known = unsealed.get(sealed);
  if (known) return known;
  try {
    const data = await unsealData(sealed, { password: config().sessionSecrets, ttl: ttlSeconds });
    const session = flowSessionSchema.safeParse(data).data;
    if (session) unsealed.remember(sealed, session);
    return session;
  } catch {
    return undefined;
  }
}

/**
 * Seals this process has made or opened, so each browser's cookie costs the
 * key derivation and decryption once per instance instead of once per hop.
 * Keyed by the exact sealed string, which iron's HMAC makes unforgeable, and
 * kept only until the expiry written inside the seal. Bounded: the oldest go first.
 */
class UnsealedCache {
  private readonly entries = new Map<string, { session: FlowSession; expiresAt: number }>();
  constructor(private readonly maxEntries: number) {}

  get(sealed: string): FlowSession | undefined {
    const entry = this.entries.get(sealed);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.session;
    this.entries.delete(sealed);
    return undefined;
  }

  remember(sealed: string, session: FlowSession): void {
    const expiresAt = sealExpiry(sealed);
    if (!expiresAt) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(sealed, { session, expiresAt });
  }
}

const unsealed = new UnsealedCache(20_000);

/** iron's seal is `Fe26.2*id*salt*iv*data*expiration*hmacSalt*hmac`, and iron-session appends `~version`. */
export function sealExpiry(sealed: string): number | undefined {
  const expiration = sealed.split("~")[0]?.split("*")[5];
  return expiration && /^\d+$/.test(expiration) ? Number(expiration) : undefined;
}

/** The token a form of this browser carries for one challenge, made with the newest secret. */
export function formToken(session: FlowSession, purpose: CsrfPurpose, challenge: string): string {
  const secrets = config().sessionSecrets;
  const newest = Math.max(...Object.keys(secrets).map(Number));
  return csrfToken(secrets[String(newest)] as string, session.id, purpose, challenge);
}

/** Tokens made with any configured secret stay valid while secrets rotate. */
export function formTokenIsValid(session: FlowSession | undefined, purpose: CsrfPurpose, challenge: string, token: string): boolean {
  if (!session) return false;
  return Object.values(config().sessionSecrets).some((key) => verifyCsrfToken(key, session.id, purpose, challenge, token));
}

function isHttps(): boolean {
  return config().appUrl.startsWith("https://");
}
