import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type UpstreamFailedView, upstreamFailedScreen } from "@/components/screens/upstream-screens";
import { serveFlowPage } from "@/lib/server/serve";
import { loginPageUrl } from "@/lib/server/steps/login";
import * as upstream from "@/lib/server/steps/upstream";
import { upstreamProvider } from "@/lib/upstream/config";
import { providerIdSchema, upstreamFailureSchema } from "@/lib/validations/upstream-input";

export const config = { api: { bodyParser: false } };

/** GET /login/upstream/failed?login_challenge=…&provider=…&reason=…: why the upstream sign-in did not happen, and the ways on. */
export default serveFlowPage({
  param: "login_challenge",
  start: upstream.failedStart,
  view: ({ request }, page): UpstreamFailedView => {
    const reason = upstreamFailureSchema.safeParse(page.query.reason).data;
    const providerId = providerIdSchema.safeParse(page.query.provider).data;
    return {
      client: clientCardInfo(request.client),
      challenge: request.challenge,
      csrf: page.formToken("login", request.challenge),
      // The reason only picks one of our messages; anything else reads as a failure.
      reason: reason === undefined || reason === "no_flow" ? "failed" : reason,
      provider: (providerId && upstreamProvider(providerId)?.name) || "?",
      loginUrl: loginPageUrl(request.challenge),
    };
  },
  html: html(upstreamFailedScreen),
});
