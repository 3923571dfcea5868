import { html } from "@/components/html";
import { type ClientActionView, clientActionScreen } from "@/components/screens/admin-clients";
import { problem } from "@/lib/flows/problems";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientActionOf, clientOfQuery } from "@/lib/server/admin/client-pages";

export const config = { api: { bodyParser: false } };

/** GET /admin/clients/delete|revoke-tokens|rotate-secret?id=: the confirmation of that change to one client. */
export default serveAccountPage<ClientActionView>(
  async ({ account, formToken, page }) => {
    const action = clientActionOf(page.query.action);
    if (!action) return problem("page_not_found");
    const found = await clientOfQuery(page.query);
    if (found.kind !== "found") return found;
    const { client } = found;
    return { kind: "show", view: { email: account.user.email, csrf: formToken, action, id: client.client_id, name: client.client_name || client.client_id } };
  },
  html(clientActionScreen),
  { area: adminArea, use: "change" },
);
