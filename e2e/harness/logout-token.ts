import type * as Jose from "jose";

export const BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

/** A logout_token the RP received at POST /backchannel. */
export interface BackchannelLogout {
  logout_token: string;
  header?: Record<string, unknown>;
  /** Decoded claims, present even when verification failed. */
  claims?: Record<string, unknown>;
  /** Signature (Hydra's JWKS), iss, aud and the Back-Channel Logout 1.0 claim rules all passed. */
  verified: boolean;
  /** Why it is not verified. */
  error?: string;
  receivedAt: Date;
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part) return undefined;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

// jose comes with openid-client; if a future version drops it, tokens are stored unverified.
let josePromise: Promise<typeof Jose | undefined> | undefined;
function loadJose(): Promise<typeof Jose | undefined> {
  josePromise ??= import("jose").catch(() => undefined);
  return josePromise;
}

const keySets = new Map<string, ReturnType<typeof Jose.createRemoteJWKSet>>();

/** Verifies a logout token the way an RP must (OpenID Back-Channel Logout 1.0 §2.6). */
export async function verifyLogoutToken(
  logoutToken: string,
  expected: { issuer: string; audiences: string[]; jwksUri: string },
): Promise<BackchannelLogout> {
  const [header, payload] = logoutToken.split(".");
  const received: BackchannelLogout = {
    logout_token: logoutToken,
    header: decodePart(header),
    claims: decodePart(payload),
    verified: false,
    receivedAt: new Date(),
  };
  const jose = await loadJose();
  if (!jose) {
    received.error = "jose is not installed: signature not checked";
    return received;
  }
  try {
    let keySet = keySets.get(expected.jwksUri);
    if (!keySet) {
      keySet = jose.createRemoteJWKSet(new URL(expected.jwksUri));
      keySets.set(expected.jwksUri, keySet);
    }
    const { payload: claims } = await jose.jwtVerify(logoutToken, keySet, {
      issuer: expected.issuer,
      audience: expected.audiences,
    });
    const events = claims.events as Record<string, unknown> | undefined;
    if (!events || typeof events[BACKCHANNEL_LOGOUT_EVENT] !== "object") {
      throw new Error("events claim lacks the back-channel logout event");
    }
    if ("nonce" in claims) throw new Error("a logout token must not contain nonce");
    if (!claims.sid && !claims.sub) throw new Error("a logout token needs sid or sub");
    received.verified = true;
  } catch (error) {
    received.error = error instanceof Error ? error.message : String(error);
  }
  return received;
}
