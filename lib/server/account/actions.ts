import { connectedClientIds, loginSessionIds } from "@/lib/account/apps";
import { type NewPasswordProblem, newPasswordProblem } from "@/lib/account/password";
import { config } from "@/lib/config";
import { listConsentSessions, revokeConsentSessions, revokeLoginSessions } from "@/lib/hydra/consent-sessions";
import { HydraError } from "@/lib/hydra/errors";
import { changePassword, endSessions, setFirstPassword } from "@/lib/identity/users";
import { metrics } from "@/lib/observability/metrics";
import type { PasswordForm, SetPasswordForm } from "@/lib/validations/account-input";
import { configuredSignInThrottle } from "../sign-in-throttle";
import type { SignedIn } from "./serve";

/** The account page's own client, which is never listed nor removed: removing it would only sign the person out. */
const accountClientId = () => config().account?.clientId ?? "";

/** Takes one app's access away: its tokens stop working, and its next flow asks for consent again. */
export async function removeAppAccess(account: SignedIn, clientId: string): Promise<void> {
  if (clientId === accountClientId()) return;
  await revokeConsentSessions(account.subject, { client: clientId });
}

/** Takes every listed app's access away, one client at a time, so the account page's own session stays. */
export async function removeEveryAppAccess(account: SignedIn): Promise<number> {
  const clients = connectedClientIds(await listConsentSessions(account.subject), accountClientId());
  for (const client of clients) await revokeConsentSessions(account.subject, { client });
  return clients.length;
}

/**
 * Ends every sign-in of the account. Each login session its consents were
 * given in is ended by its id, so Hydra calls the back-channel logout of
 * every app in it; then every remaining one by subject, which skips
 * back-channel logout (consent/handler.go, revokeOAuth2LoginSessions). The
 * account page's sessions begun before now end too.
 */
export async function signOutEverywhere(account: SignedIn, now: Date): Promise<void> {
  for (const sid of loginSessionIds(await listConsentSessions(account.subject))) {
    try {
      await revokeLoginSessions({ sid });
    } catch (error) {
      // A session that ended meanwhile is what we wanted.
      if (!(error instanceof HydraError && error.failure.kind === "not_found")) throw error;
    }
  }
  await revokeLoginSessions({ subject: account.subject });
  await endSessions(account.subject, now);
}

export type PasswordChange = { kind: "changed"; signedOutElsewhere: boolean } | { kind: NewPasswordProblem | "wrong_password" } | { kind: "too_many"; retryAfter: number };

/**
 * A password change: the current password is checked by the same argon2id
 * and under the same limits as a sign-in, since it is one. Unless the person
 * keeps them, every other sign-in ends afterwards.
 */
export async function changeAccountPassword(account: SignedIn, form: PasswordForm, clientAddress: string, now: Date): Promise<PasswordChange> {
  const problem = newPasswordProblem(form.next, form.confirm);
  if (problem) return { kind: problem };
  const throttle = await configuredSignInThrottle();
  const retryAfter = await throttle.retryAfter(account.user.email, clientAddress);
  if (retryAfter > 0) {
    metrics().signInThrottled.inc();
    return { kind: "too_many", retryAfter };
  }
  if ((await changePassword(account.subject, form.current, form.next)) === "wrong_password") {
    metrics().signInFailures.inc();
    await throttle.recordFailure(account.user.email, clientAddress);
    return { kind: "wrong_password" };
  }
  await throttle.clear(account.user.email, clientAddress);
  if (form.keep_sessions) return { kind: "changed", signedOutElsewhere: false };
  await signOutEverywhere(account, now);
  return { kind: "changed", signedOutElsewhere: true };
}

export type PasswordSetting = { kind: "set" | "has_password" } | { kind: NewPasswordProblem };

/**
 * The first password of an account made by an upstream sign-in, under the
 * same rule as a change. There is no current password to check; the form is
 * taken only after a recent sign-in (recentSignInArea).
 */
export async function setAccountPassword(account: SignedIn, form: SetPasswordForm): Promise<PasswordSetting> {
  const problem = newPasswordProblem(form.next, form.confirm);
  if (problem) return { kind: problem };
  return { kind: await setFirstPassword(account.subject, form.next) };
}
