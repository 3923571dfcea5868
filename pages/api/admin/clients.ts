import { html } from "@/components/html";
import { type ClientsView, clientsScreen } from "@/components/screens/admin-clients";
import { pagingView } from "@/lib/admin/paging-view";
import { listClients } from "@/lib/hydra/clients";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientsQuerySchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

const pageSize = 25;

/** GET /admin/clients: the clients, a page at a time (listOAuth2Clients), filtered by name or owner. */
export default serveAccountPage<ClientsView>(
  async ({ account, formToken, page }) => {
    const query = clientsQuerySchema.parse(page.query);
    const filtered = Boolean(query.client_name || query.owner);
    const { clients, nextPageToken, total } = await listClients({
      pageSize,
      pageToken: query.page_token || undefined,
      clientName: query.client_name,
      owner: query.owner,
    });
    return {
      kind: "show",
      view: {
        email: account.user.email,
        csrf: formToken,
        deleted: query.deleted || null,
        filter: { name: query.client_name, owner: query.owner },
        clients,
        paging: pagingView({ pageSize, pageToken: query.page_token || undefined, nextPageToken, total, shown: clients.length, filtered }),
      },
    };
  },
  html(clientsScreen),
  { area: adminArea },
);
