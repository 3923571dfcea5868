import { groupedSecret } from "@/lib/account/two-factor";
import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { metrics } from "@/lib/observability/metrics";
import { newRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { needsResealing, openSecret, sealSecret } from "@/lib/second-factor/secret-box";
import { removeTotp, replaceRecoveryCodes, resealTotp, saveTotp, spendTotpStep, totpOf, unusedRecoveryCodes } from "@/lib/second-factor/store";
import { checkTotp, newTotp, totpUri } from "@/lib/second-factor/totp";
import { configuredSignInThrottle } from "../sign-in-throttle";
import type { SignedIn } from "./serve";

const totpSealPurpose = "totp";

/** What an authenticator app is shown: the otpauth URI to scan, and the secret in groups to type. */
export type Enrolment = { uri: string; secret: string };

export type TwoFactorStatus = { app: boolean; recoveryCodesLeft: number };

export async function twoFactorStatus(account: SignedIn): Promise<TwoFactorStatus> {
  const factor = await totpOf(account.user.id);
  return { app: factor?.confirmed ?? false, recoveryCodesLeft: factor?.confirmed ? (await unusedRecoveryCodes(account.user.id)).length : 0 };
}

/** The name apps list the account under: the product's, else this site's host. */
function issuer(): string {
  return branding().productName ?? new URL(config().appUrl).host;
}

/**
 * A new seed, sealed and kept unconfirmed until its first code is typed back.
 * An app already set up is never replaced here: that takes a form post
 * (startReplacement), so no link followed from elsewhere can undo it.
 */
export async function startEnrolment(account: SignedIn, now: Date): Promise<Enrolment | "already_set_up"> {
  if ((await totpOf(account.user.id))?.confirmed) return "already_set_up";
  return enrolTotp(account.user, now);
}

export async function startReplacement(account: SignedIn, now: Date): Promise<Enrolment> {
  return enrolTotp(account.user, now);
}

/** A new seed for the account, sealed and unconfirmed; also the sign-in's own set-up when REQUIRE_SECOND_FACTOR asks for one. */
export async function enrolTotp(user: { id: string; email: string }, now: Date): Promise<Enrolment> {
  const { secret, uri } = newTotp({ issuer: issuer(), account: user.email });
  await saveTotp(user.id, sealSecret(secret, totpSealPurpose, config().sessionSecrets), now);
  return { secret: groupedSecret(secret), uri };
}

/** The seed of an account's authenticator app, opened; undefined when it was sealed under a session secret no longer configured. */
export function openTotpSecret(sealed: string): string | undefined {
  return openSecret(sealed, totpSealPurpose, config().sessionSecrets);
}

/** After the session secrets rotated, a seed in use is sealed again under the newest, so the old secret can be dropped. */
export async function resealIfRotated(userId: string, sealed: string, secret: string): Promise<void> {
  const keys = config().sessionSecrets;
  if (needsResealing(sealed, keys)) await resealTotp(userId, sealSecret(secret, totpSealPurpose, keys));
}

export type Confirmation =
  | { kind: "confirmed"; codes: string[] }
  | { kind: "wrong_code"; enrolment: Enrolment }
  | { kind: "nothing_pending" }
  | { kind: "too_many"; retryAfter: number };

/**
 * Confirms the unconfirmed seed with a code from the app. Codes are guessed
 * like passwords (a million of them, three accepted at a time), so they count
 * against the same limits as a sign-in of this account. The step is spent, so
 * the code that confirmed cannot be used again at sign-in.
 */
export async function confirmEnrolment(account: SignedIn, code: string, clientAddress: string, now: Date): Promise<Confirmation> {
  const { id, email } = account.user;
  const factor = await totpOf(id);
  if (!factor || factor.confirmed) return { kind: "nothing_pending" };
  const secret = openTotpSecret(factor.sealed);
  // Sealed under a session secret no longer configured: it can only be started again.
  if (secret === undefined) return { kind: "nothing_pending" };
  const throttle = await configuredSignInThrottle();
  const retryAfter = await throttle.retryAfter(email, clientAddress);
  if (retryAfter > 0) {
    metrics().signInThrottled.inc();
    return { kind: "too_many", retryAfter };
  }
  const check = checkTotp({ secret, code, lastStep: factor.lastStep, now: now.getTime() });
  if (check.kind !== "accepted" || !(await spendTotpStep(id, check.step, now))) {
    await throttle.recordFailure(email, clientAddress);
    return { kind: "wrong_code", enrolment: { secret: groupedSecret(secret), uri: totpUri({ issuer: issuer(), account: email, secret }) } };
  }
  await throttle.clear(email, clientAddress);
  return { kind: "confirmed", codes: await newCodes(account, now) };
}

/** A new set of recovery codes, replacing the old whole; only for an account whose app is set up. */
export async function renewRecoveryCodes(account: SignedIn, now: Date): Promise<string[] | "not_set_up"> {
  if (!(await totpOf(account.user.id))?.confirmed) return "not_set_up";
  return newCodes(account, now);
}

async function newCodes(account: SignedIn, now: Date): Promise<string[]> {
  const { codes, hashes } = newRecoveryCodes();
  await replaceRecoveryCodes(account.user.id, hashes, now);
  return codes;
}

export async function removeTwoFactor(account: SignedIn, now: Date): Promise<void> {
  await removeTotp(account.user.id);
  await replaceRecoveryCodes(account.user.id, [], now);
}
