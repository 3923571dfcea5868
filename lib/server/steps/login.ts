import { config } from "@/lib/config";
import { deniedByUser } from "@/lib/flows/denial";
import { type LoginPolicy, type LoginStart, afterPassword, decideLoginStart, levelAsked, loginAcceptBody, passwordOnly } from "@/lib/flows/login";
import { rememberFor } from "@/lib/flows/remember";
import { type LoginRequest, acceptLogin, getLoginRequest, rejectLogin } from "@/lib/hydra";
import { authenticate } from "@/lib/identity/users";
import { metrics } from "@/lib/observability/metrics";
import type { FlowSession } from "@/lib/security/flow-session";
import { withPendingSignIn } from "@/lib/security/pending-sign-in";
import type { Achieved } from "@/lib/second-factor/levels";
import { hasSecondFactor, recordSessionLevel, sessionLevel } from "@/lib/second-factor/store";
import type { LoginForm } from "@/lib/validations/flow-input";
import { verificationNeeded } from "../self-service/mails";
import { configuredSignInThrottle } from "../sign-in-throttle";
import { type Shown, type StepStart, type StepSubmit, type SubmitContext, flowPageUrl, formTargets, redirectTo } from "./step";

export type LoginShown = Shown & {
  request: LoginRequest;
  decision: Extract<LoginStart, { kind: "show" }>;
  /** The email typed in a failed attempt at this very challenge, so the form keeps it. */
  flashEmail?: string;
};

export function loginPolicy(): LoginPolicy {
  const { rememberLoginFor, extendSessionOnSkip, requireSecondFactor, twoStepSignIn } = config();
  return { rememberFor: rememberLoginFor, extendSessionOnSkip, requireSecondFactor: twoStepSignIn && requireSecondFactor };
}

export const loginPageUrl = (challenge: string) => flowPageUrl("/login", "login_challenge", challenge);
export const secondStepPageUrl = (challenge: string) => `${config().appUrl}/login/second-factor?login_challenge=${encodeURIComponent(challenge)}`;

/** Whether the account has a second factor that sign-in asks for (none while two-step sign-in is off). */
export async function accountHasSecondFactor(subject: string): Promise<boolean> {
  return config().twoStepSignIn && (await hasSecondFactor(subject));
}

/**
 * The browser arrives with a login challenge: one lookup at Hydra, then
 * either Hydra's answer for a remembered session (no page), the second step
 * when the session is below the level asked, or the form.
 */
export async function start(challenge: string, session: FlowSession | undefined): Promise<StepStart<LoginShown>> {
  const request = await getLoginRequest(challenge);
  const policy = loginPolicy();
  const remembered = request.skip ? await rememberedFacts(request, policy) : undefined;
  const decision = decideLoginStart(request, policy, remembered);
  switch (decision.kind) {
    case "accept":
      return redirectTo(await acceptLogin(challenge, decision.body));
    case "reject":
      return redirectTo(await rejectLogin(challenge, decision.body));
    case "second_factor":
    case "enrol":
      return redirectTo(secondStepPageUrl(challenge));
    case "show": {
      const flash = session?.flash?.challenge === challenge ? session.flash : undefined;
      return {
        kind: "show",
        request,
        decision,
        flashEmail: flash?.email,
        formTargets: formTargets(request.client.redirectUris),
        uiLocales: request.oidc.uiLocales,
      };
    }
  }
}

/** What a remembered session proved (kept by us: Hydra forgets it), and, only when that falls short, whether a second factor exists. */
async function rememberedFacts(request: LoginRequest, policy: LoginPolicy) {
  const proved = request.sessionId ? await sessionLevel(request.sessionId, new Date()) : undefined;
  const short = (proved?.acr ?? "1") === "1" && levelAsked(request, policy) === "2";
  return { proved, hasSecondFactor: short && (await accountHasSecondFactor(request.subject)) };
}

/** The posted form: cancel, a wrong password (back to the form, email kept), the second step, or accept at Hydra. */
export async function submit(form: LoginForm, context: SubmitContext): Promise<StepSubmit> {
  if (form.action === "reject") return redirectTo(await rejectLogin(form.challenge, deniedByUser));
  const request = await getLoginRequest(form.challenge);
  const user = await authenticate(form.email, form.password);
  if (!user) {
    metrics().signInFailures.inc();
    await (await configuredSignInThrottle()).recordFailure(form.email, context.clientAddress);
    return {
      ...redirectTo(`${loginPageUrl(form.challenge)}&error=invalid_credentials`),
      session: { ...context.session, flash: { challenge: form.challenge, email: form.email } },
    };
  }
  await (await configuredSignInThrottle()).clear(form.email, context.clientAddress);
  if (config().selfService.requireVerifiedEmail && !user.emailVerified) return verificationNeeded(user, form.challenge, context.session);
  const next = afterPassword(request, loginPolicy(), await accountHasSecondFactor(user.id));
  if (next.kind === "done") return redirectTo(await acceptProved(request, user.id, passwordOnly, form.remember));
  return {
    ...redirectTo(secondStepPageUrl(form.challenge)),
    session: withPendingSignIn(context.session, form.challenge, { subject: user.id, remember: form.remember, amr: passwordOnly.amr }, Date.now()),
  };
}

/**
 * Accepts at Hydra what this flow proved. Anything beyond a password is kept
 * for the session's later remembered logins, keyed by Hydra's session id,
 * since Hydra re-uses only what each accept sends (consent/handler.go,
 * acceptOAuth2LoginRequest). A session never remembered never skips, so it is not kept.
 */
export async function acceptProved(request: LoginRequest, subject: string, achieved: Achieved, remember: boolean): Promise<string> {
  const policy = loginPolicy();
  const kept = request.skip || remember;
  if (kept && request.sessionId && (achieved.acr !== passwordOnly.acr || achieved.amr.join() !== passwordOnly.amr.join())) {
    // A browser-session cookie (remember_for 0) has no expiry at Hydra: keep it as long as the default.
    const seconds = rememberFor(request.client.metadata, "remember_login_for", policy.rememberFor) || 30 * 24 * 3600;
    const now = new Date();
    await recordSessionLevel(request.sessionId, achieved, now, new Date(now.getTime() + seconds * 1000));
  }
  return acceptLogin(request.challenge, loginAcceptBody({ subject, remember, achieved, policy, request }));
}
