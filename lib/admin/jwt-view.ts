/**
 * A JWT taken apart for reading: header and payload decoded, nothing
 * verified. The console shows what a token says, never whether to trust it;
 * Hydra's introspection is what says whether a token is active.
 */
export type DecodedJwt = {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The times the payload names (exp, iat, nbf, auth_time, …), as dates, in that order. */
  times: { claim: string; at: Date }[];
};

const part = /^[A-Za-z0-9_-]+$/;
const timeClaims = ["exp", "iat", "nbf", "auth_time", "rat"] as const;

/** Three base64url parts (JWS compact form); an empty signature part is allowed (alg "none"). */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split(".");
  return parts.length === 3 && part.test(parts[0] ?? "") && part.test(parts[1] ?? "") && (parts[2] === "" || part.test(parts[2] ?? ""));
}

function jsonObject(encoded: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token's header and payload, or undefined when it is not a JWT whose two first parts are JSON objects. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const trimmed = token.trim();
  if (!looksLikeJwt(trimmed)) return undefined;
  const [head, body] = trimmed.split(".") as [string, string, string];
  const header = jsonObject(head);
  const payload = jsonObject(body);
  if (!header || !payload) return undefined;
  const times = timeClaims.flatMap((claim) => {
    const value = payload[claim];
    return typeof value === "number" && Number.isFinite(value) ? [{ claim, at: new Date(value * 1000) }] : [];
  });
  return { header, payload, times };
}

/** A decoded part as the page prints it. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
