import type { RejectOAuth2Request } from "@ory/client-fetch";
import type { Achieved } from "@/lib/second-factor/levels";
import type { UpstreamProvider } from "./config";
import type { UpstreamProfile } from "./profile";

/** What a sign-in through an upstream proved here: one factor, federated (RFC 8176 "fed"). */
export const federated: Achieved = { acr: "1", amr: ["fed"] };

/**
 * An upstream sign-in followed by the existing account's own proof (its
 * password, or a passkey), to link the two: the proof's level, and "fed".
 */
export const federatedWith = (proof: Achieved): Achieved => ({ acr: proof.acr, amr: ["fed", ...proof.amr.filter((method) => method !== "fed")] });

/**
 * The upstreams a client's login page offers: all configured, or only those
 * its metadata.allowed_upstreams names (an array of provider ids), in the
 * configured order. Anything but an array of strings offers none.
 */
export function upstreamsForClient(providers: readonly UpstreamProvider[], metadata: Record<string, unknown>): UpstreamProvider[] {
  const allowed = metadata.allowed_upstreams;
  if (allowed === undefined) return [...providers];
  if (!Array.isArray(allowed) || !allowed.every((id) => typeof id === "string")) return [];
  return providers.filter((provider) => allowed.includes(provider.id));
}

/** metadata.local_login: false hides the email and password form; the upstreams remain. */
export function localLoginAllowed(metadata: Record<string, unknown>): boolean {
  return metadata.local_login !== false;
}

/** What a verified upstream identity leads to. */
export type UpstreamArrival =
  | { kind: "sign_in"; userId: string }
  | { kind: "create"; email: string }
  /** An account has this email: its owner must prove it (its password) before the link is made, never merged silently. */
  | { kind: "confirm_link"; userId: string; email: string }
  /** Nothing to make an account from: the upstream gave no usable email. */
  | { kind: "no_email" };

export function decideUpstreamArrival(facts: {
  linkedUserId: string | undefined;
  profile: UpstreamProfile;
  accountWithEmail: { id: string } | undefined;
}): UpstreamArrival {
  if (facts.linkedUserId) return { kind: "sign_in", userId: facts.linkedUserId };
  const email = facts.profile.email;
  if (!email) return { kind: "no_email" };
  // Verified or not, an email that is taken asks for that account's password: only its owner may link it.
  if (facts.accountWithEmail) return { kind: "confirm_link", userId: facts.accountWithEmail.id, email };
  return { kind: "create", email };
}

/** Why the upstream's answer was not a sign-in, as the page explains it. */
export type UpstreamFailure =
  /** The person said no at the upstream (RFC 6749 §4.1.2.1 access_denied). */
  | "denied"
  /** The answer does not belong to this browser's sign-in: state, nonce, issuer or code did not match. */
  | "mismatch"
  /** This browser has no upstream sign-in under way (expired, already used, or cookies blocked). */
  | "no_flow"
  /** The upstream answered with another error, or could not be reached. */
  | "failed"
  | "no_email";

/** The upstream's error parameter, as a failure of ours. */
export function failureOfUpstreamError(error: string): UpstreamFailure {
  return error === "access_denied" ? "denied" : "failed";
}

/**
 * The relying party's answer when the person gives up after a failure. With
 * prompt=none no page may be shown (OpenID Connect Core §3.1.2.6): login_required.
 */
export function rejectionAfterFailure(promptNone: boolean): RejectOAuth2Request {
  return promptNone
    ? { error: "login_required", error_description: "Signing in through the upstream provider needs the person to interact" }
    : { error: "access_denied", error_description: "The sign-in at the upstream provider did not complete" };
}

/** prompt is not in Hydra's login request: it is read from the original authorization URL. */
export function promptNone(requestUrl: string): boolean {
  try {
    return (new URL(requestUrl).searchParams.get("prompt") ?? "").split(" ").includes("none");
  } catch {
    return false;
  }
}
