import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type SecondStepView, secondStepScreen } from "@/components/screens/login-second-factor";
import { config as appConfig } from "@/lib/config";
import { serveFlowPage } from "@/lib/server/serve";
import * as secondStep from "@/lib/server/steps/second-factor";

export const config = { api: { bodyParser: false } };

/** GET /login/second-factor?login_challenge=…: the code after a right password, or for a remembered login below the level asked. */
export default serveFlowPage({
  param: "login_challenge",
  start: secondStep.start,
  view: ({ request, screen }, page): SecondStepView => ({
    client: clientCardInfo(request.client),
    challenge: request.challenge,
    csrf: page.formToken("login", request.challenge),
    wrongCode: page.query.error === "wrong_code",
    screen:
      screen.kind === "enrol"
        ? { kind: "enrol", ...screen.enrolment }
        : screen.kind === "needed"
          ? { kind: "needed", setUpUrl: `${appConfig().appUrl}/account/two-factor` }
          : screen,
  }),
  html: html(secondStepScreen),
});
