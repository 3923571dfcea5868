import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type LoginView, loginScreen } from "@/components/screens/login-screen";
import { config as appConfig } from "@/lib/config";
import { serveFlowPage } from "@/lib/server/serve";
import * as login from "@/lib/server/steps/login";

export const config = { api: { bodyParser: false } };

/** GET /login?login_challenge=…: Hydra's answer for a remembered session, or the sign-in form. */
export default serveFlowPage({
  param: "login_challenge",
  start: login.start,
  view: ({ request, decision, flashEmail }, page): LoginView => ({
    client: clientCardInfo(request.client),
    challenge: request.challenge,
    csrf: page.formToken("login", request.challenge),
    email: flashEmail ?? decision.prefillEmail,
    failedBefore: page.query.error === "invalid_credentials",
    reason: decision.reason ?? null,
    expectedEmail: decision.expectedEmail ?? null,
    selfService: { reset: appConfig().selfService.passwordReset, register: appConfig().selfService.registration },
  }),
  html: html(loginScreen),
});
