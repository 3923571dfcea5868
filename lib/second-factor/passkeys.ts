import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { PasskeyConfig } from "@/lib/config";
import { authenticationResponseSchema, parseCredential, registrationResponseSchema } from "@/lib/validations/passkey-input";
import { type ChallengeCheck, type ChallengePurpose, challengeLifetimeMs, checkChallenge, issueChallenge } from "./passkey-challenge";
import { passkeyByCredentialId, recordPasskeyUse, savePasskey, spendPasskeyChallenge } from "./passkey-store";

/** Why a ceremony's answer was refused: for the log and the tests; the person reads one message for all of them. */
export type Refusal = "malformed" | "unknown_credential" | "wrong_user" | "expired" | "not_verified" | "replayed" | "already_registered";

export type SignInResult = { kind: "verified"; userId: string; hardware: boolean; userVerified: boolean } | { kind: "refused"; reason: Refusal };
export type RegistrationResult = { kind: "added"; credentialId: string } | { kind: "refused"; reason: Refusal };

/** The user handle a passkey is created with (WebAuthn §5.4.3): the account id, never the email. */
export const userHandleOf = (userId: string) => Buffer.from(userId, "utf8").toString("base64url");

const challengeBytes = (challenge: string) => new Uint8Array(Buffer.from(challenge, "base64url"));

/**
 * One account's passkeys, when a flow must prove that account and no other
 * (before an upstream is linked to it): the ceremony's challenge is bound to
 * the account too, and only its credentials are offered.
 */
export type AccountToProve = { userId: string; credentialIds: readonly string[] };

const signInBinding = (loginChallenge: string, account: Pick<AccountToProve, "userId"> | undefined) =>
  account ? { purpose: "prove_account" as const, binding: `${loginChallenge}\0${account.userId}` } : { purpose: "sign_in" as const, binding: loginChallenge };

/**
 * The options of a sign-in bound to this login challenge: with a discoverable
 * credential (no allowCredentials: the authenticator offers the passkeys it
 * holds for this RP ID), or with the account's own passkeys when one account
 * is to be proved. User verification is required: a passkey alone is then
 * two factors (acr "2").
 */
export async function signInOptions(rp: PasskeyConfig, loginChallenge: string, now: number, account?: AccountToProve): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const challenge = issueChallenge({ key: rp.challengeKey, ...signInBinding(loginChallenge, account), now });
  return generateAuthenticationOptions({
    rpID: rp.rpId,
    challenge: challengeBytes(challenge),
    userVerification: "required",
    timeout: challengeLifetimeMs,
    ...(account ? { allowCredentials: account.credentialIds.map((id) => ({ id })) } : {}),
  });
}

export async function registrationOptions(
  rp: PasskeyConfig & { name: string },
  account: { userId: string; email: string; displayName: string; existing: readonly string[] },
  now: number,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const challenge = issueChallenge({ key: rp.challengeKey, purpose: "register", binding: account.userId, now });
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.rpId,
    userName: account.email,
    userID: new Uint8Array(Buffer.from(account.userId, "utf8")),
    userDisplayName: account.displayName,
    challenge: challengeBytes(challenge),
    timeout: challengeLifetimeMs,
    attestationType: "none",
    excludeCredentials: account.existing.map((id) => ({ id })),
    // A discoverable credential: sign-in starts without an email (WebAuthn §6.2.2).
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/**
 * Runs SimpleWebAuthn's verification with our challenge check (the purpose,
 * the binding, the expiry), then spends the challenge: the same answer is
 * refused a second time.
 */
async function verifiedOnce<V extends { verified: boolean }>(
  rp: PasskeyConfig,
  { purpose, binding }: { purpose: ChallengePurpose; binding: string },
  now: Date,
  verify: (expectedChallenge: (challenge: string) => boolean) => Promise<V>,
): Promise<{ kind: "verified"; verification: V } | ReturnType<typeof refused>> {
  // An object, not two variables: SimpleWebAuthn calls the check, and the outcome is read after it returns.
  const seen: { check: ChallengeCheck; challenge: string } = { check: { kind: "invalid" }, challenge: "" };
  const expectedChallenge = (challenge: string) => {
    seen.challenge = challenge;
    seen.check = checkChallenge({ key: rp.challengeKey, purpose, binding, now: now.getTime(), challenge });
    return seen.check.kind === "valid";
  };
  let verification: V;
  try {
    verification = await verify(expectedChallenge);
  } catch {
    return refused(seen.check.kind === "expired" ? "expired" : "not_verified");
  }
  if (!verification.verified || seen.check.kind !== "valid") return refused("not_verified");
  if (!(await spendPasskeyChallenge(seen.challenge, seen.check.expiresAt, now))) return refused("replayed");
  return { kind: "verified", verification };
}

/**
 * A sign-in's assertion (WebAuthn §7.2): a passkey we know, its user handle
 * the account's, this login's challenge not yet answered, our origin and RP
 * ID, the user verified, the signature valid, the counter moving forward;
 * when one account is to be proved, a passkey of that account.
 * The challenge is spent before the login is accepted, so the same assertion
 * is refused here a second time, whatever Hydra does.
 */
export async function verifySignIn(
  rp: PasskeyConfig,
  loginChallenge: string,
  credentialText: string,
  now: Date,
  account?: Pick<AccountToProve, "userId">,
): Promise<SignInResult> {
  const response = parseCredential(authenticationResponseSchema, credentialText);
  if (!response) return refused("malformed");
  const stored = await passkeyByCredentialId(response.id);
  if (!stored) return refused("unknown_credential");
  if (account && stored.userId !== account.userId) return refused("wrong_user");
  // §7.2 step 6: the authenticator names whose credential it is; it must be the owner we have.
  if (response.response.userHandle !== undefined && response.response.userHandle !== userHandleOf(stored.userId)) return refused("wrong_user");
  const checked = await verifiedOnce(rp, signInBinding(loginChallenge, account), now, (expectedChallenge) =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      expectedType: "webauthn.get",
      credential: { id: stored.credentialId, publicKey: new Uint8Array(Buffer.from(stored.publicKey, "base64url")), counter: stored.signCount },
      requireUserVerification: true,
    }),
  );
  if (checked.kind === "refused") return checked;
  const info = checked.verification.authenticationInfo;
  const moved = await recordPasskeyUse(stored.credentialId, { previousCount: stored.signCount, signCount: info.newCounter, backedUp: info.credentialBackedUp }, now);
  if (!moved) return refused("replayed");
  return { kind: "verified", userId: stored.userId, hardware: info.credentialDeviceType === "singleDevice", userVerified: info.userVerified };
}

/** A new passkey's attestation (WebAuthn §7.1), with attestation "none": the key is trusted because the signed-in account just made it. */
export async function verifyRegistration(rp: PasskeyConfig, userId: string, name: string, credentialText: string, now: Date): Promise<RegistrationResult> {
  const response = parseCredential(registrationResponseSchema, credentialText);
  if (!response) return refused("malformed");
  const checked = await verifiedOnce(rp, { purpose: "register", binding: userId }, now, (expectedChallenge) =>
    verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      expectedType: "webauthn.create",
      requireUserVerification: true,
    }),
  );
  if (checked.kind === "refused") return checked;
  const info = checked.verification.registrationInfo;
  if (!info) return refused("not_verified");
  const saved = await savePasskey(
    userId,
    {
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
      signCount: info.credential.counter,
      transports: response.response.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name,
    },
    now,
  );
  return saved ? { kind: "added", credentialId: info.credential.id } : refused("already_registered");
}

const refused = (reason: Refusal) => ({ kind: "refused", reason }) as const;
