import { html } from "@/components/html";
import { type TokensView, tokensScreen } from "@/components/screens/admin-tokens";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";

export const config = { api: { bodyParser: false } };

/** GET /admin/tokens: the form to paste a token into; the token is posted, never put in a URL. */
export default serveAccountPage<TokensView>(
  async ({ account, formToken }) => ({ kind: "show", view: { email: account.user.email, csrf: formToken, scope: "", errors: {} } }),
  html(tokensScreen),
  { area: adminArea },
);
