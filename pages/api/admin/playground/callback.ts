import { html } from "@/components/html";
import { type PlaygroundAnswerView, playgroundAnswerScreen } from "@/components/screens/admin-playground-tokens";
import { decideCallback } from "@/lib/admin/playground";
import { exchangeCode } from "@/lib/hydra/tokens";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { hydraRefusal } from "@/lib/server/admin/hydra-refusal";
import { forgetPlaygroundFlow, keepPlaygroundFlow, playgroundFlow } from "@/lib/server/admin/playground-session";
import { playgroundTokensView } from "@/lib/server/admin/playground-view";
import { playgroundCallbackQuerySchema } from "@/lib/validations/admin-playground";

export const config = { api: { bodyParser: false } };

/**
 * GET /admin/playground/callback: where Hydra sends the browser back. The
 * state must be this browser's; the code is exchanged once
 * (oauth2TokenExchange, with the PKCE verifier and, for a confidential
 * client, client_secret_basic) and the tokens shown, never stored.
 */
export default serveAccountPage<PlaygroundAnswerView>(
  async ({ account, formToken, page, request, response }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const decision = decideCallback(playgroundCallbackQuerySchema.parse(page.query), await playgroundFlow(request));
    if (decision.kind === "refused") {
      forgetPlaygroundFlow(response);
      return { kind: "show", view: { kind: "problem", ...frame, problem: "refused", error: decision.error, description: decision.description } };
    }
    if (decision.kind !== "exchange") return { kind: "show", view: { kind: "problem", ...frame, problem: decision.kind } };
    const { flow, code } = decision;
    // Spent before it is used: a reload must not redeem the code again (decideCallback says why).
    await keepPlaygroundFlow(response, { ...flow, state: "", codeVerifier: "", nonce: "" });
    try {
      const tokens = await exchangeCode({ code, redirectUri: flow.redirectUri, codeVerifier: flow.codeVerifier, clientId: flow.clientId, clientSecret: flow.clientSecret });
      return { kind: "show", view: { kind: "tokens", ...(await playgroundTokensView(frame, flow.clientId, tokens, { result: { kind: "exchanged" } })) } };
    } catch (error) {
      return { kind: "show", view: { kind: "problem", ...frame, problem: "exchange_refused", description: hydraRefusal(error) } };
    }
  },
  html(playgroundAnswerScreen),
  { area: adminArea },
);
