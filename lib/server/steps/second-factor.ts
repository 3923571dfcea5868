import { config } from "@/lib/config";
import { deniedByUser } from "@/lib/flows/denial";
import { levelNotReachable, passwordOnly } from "@/lib/flows/login";
import { problem } from "@/lib/flows/problems";
import { type LoginRequest, getLoginRequest, rejectLogin } from "@/lib/hydra";
import type { User } from "@/lib/identity/user";
import { findUserById } from "@/lib/identity/users";
import { metrics } from "@/lib/observability/metrics";
import type { FlowSession } from "@/lib/security/flow-session";
import { pendingSignIn, withoutPendingSignIn } from "@/lib/security/pending-sign-in";
import { isHydraRedirect } from "@/lib/security/redirects";
import { type Achieved, withSecondFactor } from "@/lib/second-factor/levels";
import { readSecondStepCode } from "@/lib/second-factor/second-step";
import { sessionLevel, spendRecoveryCode, spendTotpStep, totpOf, unusedRecoveryCodes } from "@/lib/second-factor/store";
import type { SecondStepForm } from "@/lib/validations/flow-input";
import { type Enrolment, enrolTotp, openTotpSecret, resealIfRotated } from "../account/two-factor";
import { configuredSignInThrottle } from "../sign-in-throttle";
import { acceptProved, loginPageUrl, loginPolicy, secondStepPageUrl } from "./login";
import { type Shown, type StepStart, type StepSubmit, type SubmitContext, formTargets, redirectTo } from "./step";

/** What the second step's page shows: the code form, the app's set-up (REQUIRE_SECOND_FACTOR), or why the level cannot be reached. */
export type SecondStepScreen = { kind: "code" } | { kind: "enrol"; enrolment: Enrolment } | { kind: "needed" };

export type SecondStepShown = Shown & { request: LoginRequest; screen: SecondStepScreen };

/**
 * Who is at the second step: a password proved at this very challenge (kept
 * in the flow session), or Hydra's remembered session for a step-up. Anyone
 * else starts at the password.
 */
type SigningIn = { user: User; remember: boolean; fresh: boolean; proved: Achieved };

async function signingIn(request: LoginRequest, session: FlowSession | undefined): Promise<SigningIn | undefined> {
  const pending = pendingSignIn(session, request.challenge, Date.now());
  const subject = pending?.subject ?? (request.skip ? request.subject : undefined);
  const user = subject ? await findUserById(subject) : undefined;
  if (!user) return undefined;
  if (pending) return { user, remember: pending.remember, fresh: true, proved: { acr: "1", amr: pending.amr } };
  const proved = request.sessionId ? await sessionLevel(request.sessionId, new Date()) : undefined;
  return { user, remember: true, fresh: false, proved: proved ?? passwordOnly };
}

export async function start(challenge: string, session: FlowSession | undefined): Promise<StepStart<SecondStepShown>> {
  const request = await getLoginRequest(challenge);
  const who = await signingIn(request, session);
  if (!who) return redirectTo(loginPageUrl(challenge));
  const shown = { kind: "show" as const, request, formTargets: formTargets(request.client.redirectUris), uiLocales: request.oidc.uiLocales };
  if ((await totpOf(who.user.id))?.confirmed && config().twoStepSignIn) return { ...shown, screen: { kind: "code" } };
  // REQUIRE_SECOND_FACTOR's grace: right after the password, the app is set up here, in the flow.
  if (who.fresh && loginPolicy().requireSecondFactor) return { ...shown, screen: { kind: "enrol", enrolment: await enrolTotp(who.user, new Date()) } };
  return { ...shown, screen: { kind: "needed" } };
}

/**
 * The code typed at the second step: the app's code (also the first one of an
 * app set up in the flow) or a recovery code. Codes count against the same
 * limits as passwords of the account. Accepted, the login reaches acr "2".
 */
export async function submit(form: SecondStepForm, context: SubmitContext): Promise<StepSubmit> {
  if (form.action === "reject") return redirectTo(await rejectLogin(form.challenge, deniedByUser));
  if (form.action === "unmet") return redirectTo(await rejectLogin(form.challenge, levelNotReachable));
  const request = await getLoginRequest(form.challenge);
  const who = await signingIn(request, context.session);
  if (!who) return redirectTo(loginPageUrl(form.challenge));
  const factor = await totpOf(who.user.id);
  const secret = factor && openTotpSecret(factor.sealed);
  const settingUp = factor !== undefined && !factor.confirmed && who.fresh && loginPolicy().requireSecondFactor;
  if (!secret || !config().twoStepSignIn || (!factor.confirmed && !settingUp)) return redirectTo(secondStepPageUrl(form.challenge));

  const throttle = await configuredSignInThrottle();
  const retryAfter = await throttle.retryAfter(who.user.email, context.clientAddress);
  if (retryAfter > 0) {
    metrics().signInThrottled.inc();
    return problem("too_many", retryAfter);
  }
  const now = new Date();
  const unused = settingUp ? [] : await unusedRecoveryCodes(who.user.id);
  const code = readSecondStepCode({ code: form.code, secret, lastStep: factor.lastStep, unusedRecoveryCodes: unused, now: now.getTime() });
  const spent =
    code.kind === "totp" ? await spendTotpStep(who.user.id, code.step, now) : code.kind === "recovery_code" && (await spendRecoveryCode(who.user.id, code.hash, now));
  if (!spent) {
    metrics().signInFailures.inc();
    await throttle.recordFailure(who.user.email, context.clientAddress);
    return redirectTo(`${secondStepPageUrl(form.challenge)}&error=wrong_code`);
  }
  await throttle.clear(who.user.email, context.clientAddress);
  await resealIfRotated(who.user.id, factor.sealed, secret);
  const achieved = withSecondFactor(who.proved, code.kind === "totp" ? "totp" : "recovery_code");
  const next = await acceptProved(request, who.user.id, achieved, who.remember);
  const session = withoutPendingSignIn(context.session);
  if (code.kind === "totp") return { ...redirectTo(next), session };
  return { ...redirectTo(recoveryCodeUsedUrl()), session: { ...session, recoveryCodeUsed: { left: unused.length - 1, continueTo: next } } };
}

export const recoveryCodeUsedUrl = () => `${config().appUrl}/login/recovery-code-used`;

/** The page after a recovery code: how many are left, and where to continue; only from this browser's own flow session. */
export function recoveryCodeNotice(session: FlowSession | undefined): { left: number; continueTo: string } | undefined {
  const notice = session?.recoveryCodeUsed;
  return notice && isHydraRedirect(notice.continueTo, config().hydra.publicUrl) ? notice : undefined;
}
