import { html } from "@/components/html";
import { playgroundAnswerScreen } from "@/components/screens/admin-playground-tokens";
import { introspect } from "@/lib/hydra/tokens";
import { servePlaygroundAction } from "@/lib/server/admin/playground-actions";

export const config = { api: { bodyParser: false } };

/** POST /admin/playground/introspect: what Hydra's admin API says of the access or the refresh token (introspectOAuth2Token). */
export default servePlaygroundAction(async (form, tokens) => {
  const token = form.token === "refresh_token" ? tokens.refreshToken : tokens.accessToken;
  if (!token) return "expired";
  return { result: { kind: "introspected", token: form.token, introspection: await introspect(token) } };
}, html(playgroundAnswerScreen));
