import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { passwordOnly } from "@/lib/flows/login";
import type { Redirect } from "@/lib/flows/problems";
import { type Locale, defaultLocale, isLocale } from "@/lib/i18n/locales";
import type { User } from "@/lib/identity/user";
import type { FlowSession } from "@/lib/security/flow-session";
import type { Achieved } from "@/lib/second-factor/levels";
import { challengeHash } from "@/lib/self-service/challenge-hash";
import { type MailKind, mailMessage } from "@/lib/self-service/mail-message";
import { sendMail } from "@/lib/self-service/mailer";
import { type TokenPurpose, issueToken } from "@/lib/self-service/tokens";
import { mayMail } from "./limits";

/** Keys the verification codes' hashes. */
export const codeKey = () => {
  const secrets = config().sessionSecrets;
  return secrets[String(Math.max(...Object.keys(secrets).map(Number)))] as string;
};

export async function mail(to: string, kind: MailKind, locale: Locale): Promise<void> {
  await sendMail(to, mailMessage(kind, { locale, branding: branding(), appUrl: config().appUrl }));
}

const linkTo = (path: string, token: string, locale: Locale) => `${config().appUrl}${path}?token=${token}&lang=${locale}`;

export async function issueAndMail(user: User, purpose: TokenPurpose, challenge: string, locale: Locale): Promise<void> {
  const issued = await issueToken({
    userId: user.id,
    purpose,
    loginChallenge: challenge || undefined,
    ttlSeconds: config().selfService.linkTtlSeconds,
    now: new Date(),
    codeKey: purpose === "verify_email" ? codeKey() : undefined,
  });
  if (purpose === "verify_email") await mail(user.email, { kind: "verify", link: linkTo("/verify", issued.token, locale), code: issued.code as string }, locale);
  else await mail(user.email, { kind: "reset", link: linkTo("/reset-password", issued.token, locale) }, locale);
}

/**
 * A right password (or an upstream sign-in) of an account whose address is
 * not verified, where REQUIRE_VERIFIED_EMAIL holds: a new link and code go
 * out, and the browser goes to the code form of this flow instead of being
 * signed in. What the sign-in proved is kept for the flow to go on with.
 */
export async function verificationNeeded(user: User, challenge: string, session: FlowSession, proved: Achieved = passwordOnly): Promise<Redirect & { session: FlowSession }> {
  // The address chose its language when it signed up.
  const locale: Locale = isLocale(user.locale) ? user.locale : defaultLocale;
  if (await mayMail(user.email)) await issueAndMail(user, "verify_email", challenge, locale);
  return {
    kind: "redirect",
    to: `${config().appUrl}/verify?login_challenge=${encodeURIComponent(challenge)}&reason=unverified`,
    session: { ...session, flash: undefined, selfService: { email: user.email, challengeHash: challengeHash(challenge), firstStep: { subject: user.id, ...proved } } },
  };
}
