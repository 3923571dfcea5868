import { html } from "@/components/html";
import { type PlaygroundStartView, playgroundScreen } from "@/components/screens/admin-playground";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { playgroundStartView } from "@/lib/server/admin/playground-view";

export const config = { api: { bodyParser: false } };

/** GET /admin/playground: choose a client to try (listOAuth2Clients, its first page), scopes and a confidential client's secret. */
export default serveAccountPage<PlaygroundStartView>(
  async ({ account, formToken }) => ({
    kind: "show",
    view: await playgroundStartView({ email: account.user.email, csrf: formToken }, { client: "", scope: "openid offline_access" }, {}),
  }),
  html(playgroundScreen),
  { area: adminArea },
);
