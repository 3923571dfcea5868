import { config } from "@/lib/config";
import { deniedByUser } from "@/lib/flows/denial";
import { type LoginPolicy, type LoginStart, decideLoginStart, loginAcceptBody } from "@/lib/flows/login";
import { type LoginRequest, acceptLogin, getLoginRequest, rejectLogin } from "@/lib/hydra";
import { authenticate } from "@/lib/identity/users";
import { metrics } from "@/lib/observability/metrics";
import type { FlowSession } from "@/lib/security/flow-session";
import type { LoginForm } from "@/lib/validations/flow-input";
import { configuredSignInThrottle } from "../sign-in-throttle";
import { type Shown, type StepStart, type StepSubmit, type SubmitContext, flowPageUrl, formTargets, redirectTo } from "./step";

export type LoginShown = Shown & {
  request: LoginRequest;
  decision: Extract<LoginStart, { kind: "show" }>;
  /** The email typed in a failed attempt at this very challenge, so the form keeps it. */
  flashEmail?: string;
};

function loginPolicy(): LoginPolicy {
  const { rememberLoginFor, extendSessionOnSkip } = config();
  return { rememberFor: rememberLoginFor, extendSessionOnSkip };
}

export const loginPageUrl = (challenge: string) => flowPageUrl("/login", "login_challenge", challenge);

/**
 * The browser arrives with a login challenge: one lookup at Hydra, then
 * either Hydra's answer for a remembered session (no page) or the form.
 */
export async function start(challenge: string, session: FlowSession | undefined): Promise<StepStart<LoginShown>> {
  const request = await getLoginRequest(challenge);
  const decision = decideLoginStart(request, loginPolicy());
  if (decision.kind === "accept") return redirectTo(await acceptLogin(challenge, decision.body));
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

/** The posted form: cancel, a wrong password (back to the form, email kept), or accept at Hydra. */
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
  const body = loginAcceptBody({ subject: user.id, remember: form.remember, methods: ["pwd"], policy: loginPolicy(), request });
  return redirectTo(await acceptLogin(form.challenge, body));
}
