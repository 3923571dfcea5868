import { createHash } from "node:crypto";
import type { FlowSession } from "./flow-session";

/** How long a right password waits for its second step. */
const pendingForMs = 10 * 60_000;

/** Who proved a first factor at this challenge, and how (`amr`, e.g. ["pwd"] or ["fed"]). */
export type PendingSignIn = { subject: string; remember: boolean; amr: string[] };

const challengeHash = (challenge: string) => createHash("sha256").update(challenge).digest("base64url");

/** The flow session once the password was right: the second step of this challenge may follow. */
export function withPendingSignIn(session: FlowSession, challenge: string, pending: PendingSignIn, now: number): FlowSession {
  return { ...session, flash: undefined, pending: { challengeHash: challengeHash(challenge), ...pending, until: now + pendingForMs } };
}

/** The sign-in waiting for its second step at this challenge, if any and not too old. */
export function pendingSignIn(session: FlowSession | undefined, challenge: string, now: number): PendingSignIn | undefined {
  const pending = session?.pending;
  if (!pending || pending.until <= now || pending.challengeHash !== challengeHash(challenge)) return undefined;
  return { subject: pending.subject, remember: pending.remember, amr: pending.amr };
}

export function withoutPendingSignIn(session: FlowSession): FlowSession {
  return { ...session, pending: undefined };
}
