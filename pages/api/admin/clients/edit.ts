import { html } from "@/components/html";
import { type ClientFormView, clientFormScreen } from "@/components/screens/admin-clients";
import { clientFormValues } from "@/lib/admin/client-form";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientOfQuery } from "@/lib/server/admin/client-pages";

export const config = { api: { bodyParser: false } };

/** GET /admin/clients/edit?id=: the whole client as a form, filled from Hydra. */
export default serveAccountPage<ClientFormView>(
  async ({ account, formToken, page }) => {
    const found = await clientOfQuery(page.query);
    if (found.kind !== "found") return found;
    const { client } = found;
    return {
      kind: "show",
      view: {
        email: account.user.email,
        csrf: formToken,
        mode: { kind: "edit", id: client.client_id, name: client.client_name || client.client_id },
        values: clientFormValues(client as Parameters<typeof clientFormValues>[0]),
        errors: {},
      },
    };
  },
  html(clientFormScreen),
  { area: adminArea, use: "change" },
);
