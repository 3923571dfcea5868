import { html } from "@/components/html";
import { playgroundAnswerScreen } from "@/components/screens/admin-playground-tokens";
import { revokeToken } from "@/lib/hydra/tokens";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { servePlaygroundAction } from "@/lib/server/admin/playground-actions";

export const config = { api: { bodyParser: false } };

/** POST /admin/playground/revoke: revokes the access or the refresh token as its client (revokeOAuth2Token); recorded, without the token. */
export default servePlaygroundAction(async (form, tokens, { flow, account, response }) => {
  const token = form.token === "refresh_token" ? tokens.refreshToken : tokens.accessToken;
  if (!flow || !token) return "expired";
  await revokeToken({ token, clientId: flow.clientId, clientSecret: flow.clientSecret });
  await recordAdminChange(account, response, {
    action: "oauth2_token.revoke",
    target: { type: "client", id: flow.clientId },
    summary: { token: form.token },
  });
  return { result: { kind: "revoked", token: form.token } };
}, html(playgroundAnswerScreen));
