import { html } from "@/components/html";
import { type AdminHomeView, adminHomeScreen } from "@/components/screens/admin-screens";
import { listChanges } from "@/lib/audit/store";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";

export const config = { api: { bodyParser: false } };

/** GET /admin: the console's overview and its latest changes. */
export default serveAccountPage<AdminHomeView>(
  async ({ account, formToken }) => ({
    kind: "show",
    view: { email: account.user.email, csrf: formToken, recent: await listChanges({ limit: 5 }) },
  }),
  html(adminHomeScreen),
  { area: adminArea },
);
