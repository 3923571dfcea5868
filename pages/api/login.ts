import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type LoginView, loginScreen } from "@/components/screens/login-screen";
import { config as appConfig } from "@/lib/config";
import { serveFlowPage } from "@/lib/server/serve";
import * as passkey from "@/lib/server/steps/passkey";
import { upstreamLoginChoices } from "@/lib/server/steps/upstream";

export const config = { api: { bodyParser: false } };

/** GET /login?login_challenge=…: Hydra's answer for a remembered session, or the sign-in form (with a passkey when they are on). */
export default serveFlowPage({
  param: "login_challenge",
  start: passkey.start,
  view: ({ request, decision, flashEmail, passkeyOptions }, page): LoginView => ({
    client: clientCardInfo(request.client),
    challenge: request.challenge,
    csrf: page.formToken("login", request.challenge),
    email: flashEmail ?? decision.prefillEmail,
    failedBefore: page.query.error === "invalid_credentials",
    passkeyFailed: page.query.error === "passkey",
    passkeyOptions: passkeyOptions && JSON.stringify(passkeyOptions),
    reason: decision.reason ?? null,
    expectedEmail: decision.expectedEmail ?? null,
    ...upstreamLoginChoices(request),
    selfService: { reset: appConfig().selfService.passwordReset, register: appConfig().selfService.registration },
  }),
  html: html(loginScreen),
  passkeyScript: (shown) => shown.passkeyOptions !== null,
});
