import { createHash } from "node:crypto";

/**
 * A short, stable stand-in for a challenge in logs: the page and the form post
 * of one flow share it, so their lines can be matched. The challenge itself
 * never goes into a log: whoever holds it can answer the login request.
 */
export function challengeHash(challenge: string): string {
  return createHash("sha256").update(challenge).digest("base64url").slice(0, 12);
}

const challengeParameter = /\b((?:login|consent|logout)_challenge=)[^&\s"'#]+/g;

/** Error messages and stacks may quote a URL: its challenge parameter is blanked before it is logged. */
export function withoutChallenges(text: string): string {
  return text.replace(challengeParameter, "$1[redacted]");
}
