import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type UpstreamLinkView, upstreamLinkScreen } from "@/components/screens/upstream-screens";
import { serveFlowPage } from "@/lib/server/serve";
import * as upstream from "@/lib/server/steps/upstream";

export const config = { api: { bodyParser: false } };

/** GET /login/upstream/link?login_challenge=…: the existing account's password, or one of its passkeys, before an upstream is linked to it. */
export default serveFlowPage({
  param: "login_challenge",
  start: upstream.linkStart,
  view: ({ request, email, providerName, passkeyOptions }, page): UpstreamLinkView => ({
    client: clientCardInfo(request.client),
    challenge: request.challenge,
    csrf: page.formToken("login", request.challenge),
    email,
    provider: providerName,
    failedBefore: page.query.error === "invalid_credentials",
    passkeyFailed: page.query.error === "passkey",
    passkeyOptions: passkeyOptions && JSON.stringify(passkeyOptions),
  }),
  html: html(upstreamLinkScreen),
  passkeyScript: (shown) => shown.passkeyOptions !== null,
});
