import { html } from "@/components/html";
import { playgroundAnswerScreen } from "@/components/screens/admin-playground-tokens";
import { refreshTokens } from "@/lib/hydra/tokens";
import { servePlaygroundAction } from "@/lib/server/admin/playground-actions";
import { keepPlaygroundFlow } from "@/lib/server/admin/playground-session";

export const config = { api: { bodyParser: false } };

/** POST /admin/playground/refresh: the refresh-token grant (oauth2TokenExchange); Hydra rotates the refresh token. */
export default servePlaygroundAction(async (_form, tokens, { flow, response }) => {
  if (!flow || !tokens.refreshToken) return "expired";
  const renewed = await refreshTokens({ refreshToken: tokens.refreshToken, clientId: flow.clientId, clientSecret: flow.clientSecret });
  await keepPlaygroundFlow(response, flow);
  // Without openid Hydra issues no new ID token; the earlier one still names the session.
  return { tokens: { ...renewed, idToken: renewed.idToken ?? tokens.idToken }, result: { kind: "refreshed" } };
}, html(playgroundAnswerScreen));
