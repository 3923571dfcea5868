import "server-only";
import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { config } from "@/lib/config";

/**
 * A short-lived, sealed cookie: an id that CSRF tokens are bound to, and a
 * flash for re-rendering the login form after a failed attempt.
 */
const flowSessionSchema = z.object({
  id: z.string().min(16),
  flash: z.object({ challenge: z.string(), email: z.string() }).optional(),
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

export async function sealFlowSession(session: FlowSession): Promise<string> {
  return sealData(session, { password: config().sessionSecrets, ttl: ttlSeconds });
}

export async function unsealFlowSession(sealed: string | undefined): Promise<FlowSession | undefined> {
  if (!sealed) return undefined;
  try {
    const data = await unsealData(sealed, { password: config().sessionSecrets, ttl: ttlSeconds });
    return flowSessionSchema.safeParse(data).data;
  } catch {
    return undefined;
  }
}

/** The current key for deriving CSRF tokens: the newest session secret. */
export function csrfKey(): string {
  const secrets = config().sessionSecrets;
  const newest = Math.max(...Object.keys(secrets).map(Number));
  return secrets[String(newest)] as string;
}

function isHttps(): boolean {
  return config().appUrl.startsWith("https://");
}
