import { createHmac, timingSafeEqual } from "node:crypto";

export type CsrfPurpose = "login" | "consent" | "logout" | "account" | "admin" | "self_service";

/**
 * A form token bound to the browser's flow session and to one challenge (the
 * account forms: one subject), so a token leaked from one flow (or one
 * browser) is useless for another.
 */
export function csrfToken(key: string, sessionId: string, purpose: CsrfPurpose, challenge: string): string {
  return createHmac("sha256", key).update(`${purpose}\n${sessionId}\n${challenge}`).digest("base64url");
}

export function verifyCsrfToken(
  key: string,
  sessionId: string,
  purpose: CsrfPurpose,
  challenge: string,
  token: string,
): boolean {
  const expected = Buffer.from(csrfToken(key, sessionId, purpose, challenge));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Browsers say where a POST comes from; a cross-site one is refused before the
 * token is even looked at. Old clients that send neither header fall back to the token.
 */
export function isCrossSitePost(headers: Headers, appOrigin: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin";
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin !== appOrigin;
  return origin === "null";
}
