import { createHash } from "node:crypto";
import type { FlowSession } from "@/lib/security/flow-session";
import type { UpstreamChecks } from "./client";

/** How long the person may take at the upstream, and to type the password that links an account. */
export const upstreamForMs = 10 * 60_000;

const challengeHash = (challenge: string) => createHash("sha256").update(challenge).digest("base64url");

/** The flow session once the browser leaves for the upstream: its answer must match these, for this challenge only. */
export function withUpstreamStart(session: FlowSession, challenge: string, provider: string, checks: UpstreamChecks, now: number): FlowSession {
  return {
    ...session,
    upstreamLink: undefined,
    upstream: { provider, challengeHash: challengeHash(challenge), state: checks.state, nonce: checks.nonce, verifier: checks.verifier, until: now + upstreamForMs },
  };
}

/**
 * The upstream sign-in this browser started for `challenge` (the challenge
 * comes back in a cookie of its own; its hash, sealed here, is what binds it).
 */
export function upstreamInFlight(session: FlowSession | undefined, challenge: string | undefined, now: number) {
  const upstream = session?.upstream;
  if (!upstream || challenge === undefined || upstream.until <= now || upstream.challengeHash !== challengeHash(challenge)) return undefined;
  const checks: UpstreamChecks = { state: upstream.state, nonce: upstream.nonce, verifier: upstream.verifier };
  return { provider: upstream.provider, checks };
}

/** Each answer is used once: the checks are gone after the first callback, whatever its outcome. */
export function withoutUpstream(session: FlowSession): FlowSession {
  return { ...session, upstream: undefined };
}

export type PendingLink = { provider: string; upstreamSubject: string; userId: string; email: string; acr?: string; amr: string[] };

export function withUpstreamLink(session: FlowSession, challenge: string, link: PendingLink, now: number): FlowSession {
  return { ...session, upstream: undefined, upstreamLink: { challengeHash: challengeHash(challenge), ...link, until: now + upstreamForMs } };
}

export function upstreamLinkPending(session: FlowSession | undefined, challenge: string, now: number): PendingLink | undefined {
  const link = session?.upstreamLink;
  if (!link || link.until <= now || link.challengeHash !== challengeHash(challenge)) return undefined;
  const { challengeHash: _, until: __, ...pending } = link;
  return pending;
}

export function withoutUpstreamLink(session: FlowSession): FlowSession {
  return { ...session, upstreamLink: undefined };
}
