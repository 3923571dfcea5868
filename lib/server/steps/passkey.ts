import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { config } from "@/lib/config";
import { getLoginRequest } from "@/lib/hydra";
import { log } from "@/lib/observability/log";
import type { FlowSession } from "@/lib/security/flow-session";
import { achievedBy } from "@/lib/second-factor/levels";
import { signInOptions, verifySignIn } from "@/lib/second-factor/passkeys";
import type { PasskeySignInForm } from "@/lib/validations/passkey-input";
import { type LoginShown, acceptProved, loginPageUrl, start as startLogin } from "./login";
import { type StepStart, type StepSubmit, type SubmitContext, redirectTo } from "./step";

/** The login form, with the options of a passkey sign-in bound to this challenge when passkeys are on. */
export type PasskeyLoginShown = LoginShown & { passkeyOptions: PublicKeyCredentialRequestOptionsJSON | null };

/** The login step's answer; a form it shows also offers a passkey. */
export async function start(challenge: string, session: FlowSession | undefined): Promise<StepStart<PasskeyLoginShown>> {
  const started = await startLogin(challenge, session);
  if (started.kind === "redirect") return started;
  const rp = config().passkeys;
  return { ...started, passkeyOptions: rp ? await signInOptions(rp, challenge, Date.now()) : null };
}

/** Where a refused passkey sends the browser: the login page, which says so, with the password still there. */
export const passkeyRefusedUrl = (challenge: string) => `${loginPageUrl(challenge)}&error=passkey`;

/**
 * A passkey as the only step: its assertion verified (lib/second-factor/passkeys.ts),
 * then the login accepted for the passkey's account with what it proved, amr
 * hwk or swk plus "user" and acr "2" (user verification is required), and
 * the form's "keep me signed in".
 */
export async function submit(form: PasskeySignInForm, _context: SubmitContext): Promise<StepSubmit> {
  const rp = config().passkeys;
  if (!rp) return redirectTo(passkeyRefusedUrl(form.challenge));
  const request = await getLoginRequest(form.challenge);
  const result = await verifySignIn(rp, form.challenge, form.credential, new Date());
  if (result.kind === "refused") {
    log().info({ reason: result.reason }, "passkey sign-in refused");
    return redirectTo(passkeyRefusedUrl(form.challenge));
  }
  const achieved = achievedBy({ kind: "passkey", hardware: result.hardware, userVerified: result.userVerified });
  return redirectTo(await acceptProved(request, result.userId, achieved, form.remember));
}
