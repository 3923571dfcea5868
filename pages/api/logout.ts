import { html } from "@/components/html";
import { type LogoutView, logoutScreen } from "@/components/screens/logout-screen";
import { serveFlowPage } from "@/lib/server/serve";
import * as logout from "@/lib/server/steps/logout";

export const config = { api: { bodyParser: false } };

/** GET /logout?logout_challenge=…: a trusted client's logout ends at once, anything else asks. */
export default serveFlowPage({
  param: "logout_challenge",
  start: logout.start,
  view: ({ request, user }, page): LogoutView => ({
    challenge: request.challenge,
    csrf: page.formToken("logout", request.challenge),
    email: user?.email ?? null,
    askingClient: request.rpInitiated && request.client ? request.client.name : null,
  }),
  html: html(logoutScreen),
});
