import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app reads it: SHA-1, six digits, 30-second steps. */
const period = 30;
const digits = 6;

export type TotpEnrolment = { secret: string; uri: string };

/** A new secret (160 bits, RFC 4226 §4) and the otpauth:// URI an authenticator app scans. */
export function newTotp(options: { issuer: string; account: string }): TotpEnrolment {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({ issuer: options.issuer, label: options.account, secret, period, digits, algorithm: "SHA1" });
  return { secret: secret.base32, uri: totp.toString() };
}

/** The otpauth:// URI of a secret already made: its QR code shown again after a wrong first code. */
export function totpUri(options: { issuer: string; account: string; secret: string }): string {
  return new TOTP({ issuer: options.issuer, label: options.account, secret: Secret.fromBase32(options.secret), period, digits, algorithm: "SHA1" }).toString();
}

export type TotpCheck = { kind: "accepted"; step: number } | { kind: "wrong" } | { kind: "reused" };

/**
 * Checks a code against the secret, allowing one step of clock drift either
 * way (RFC 6238 §5.2). A code is accepted once: `lastStep` is the step of the
 * last accepted code, and no code of that step or an earlier one passes again,
 * so a code seen over someone's shoulder is worth nothing after it was used.
 */
export function checkTotp(options: { secret: string; code: string; lastStep: number | undefined; now: number }): TotpCheck {
  const code = options.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { kind: "wrong" };
  const totp = new TOTP({ secret: Secret.fromBase32(options.secret), period, digits, algorithm: "SHA1" });
  const delta = totp.validate({ token: code, timestamp: options.now, window: 1 });
  if (delta === null) return { kind: "wrong" };
  const step = Math.floor(options.now / 1000 / period) + delta;
  if (options.lastStep !== undefined && step <= options.lastStep) return { kind: "reused" };
  return { kind: "accepted", step };
}

/** The code for a step: what an authenticator app shows (tests and enrolment checks). */
export function totpCode(secret: string, now: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period, digits, algorithm: "SHA1" }).generate({ timestamp: now });
}
