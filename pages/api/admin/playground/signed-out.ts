import { html } from "@/components/html";
import type { AdminFrame } from "@/components/screens/admin-screens";
import { playgroundSignedOutScreen } from "@/components/screens/admin-playground";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { forgetPlaygroundFlow } from "@/lib/server/admin/playground-session";

export const config = { api: { bodyParser: false } };

/** GET /admin/playground/signed-out: Hydra's post-logout redirect after the playground ended the session; the flow's cookie goes too. */
export default serveAccountPage<AdminFrame>(
  async ({ account, formToken, response }) => {
    forgetPlaygroundFlow(response);
    return { kind: "show", view: { email: account.user.email, csrf: formToken } };
  },
  html(playgroundSignedOutScreen),
  { area: adminArea },
);
