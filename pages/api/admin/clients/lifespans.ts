import { html } from "@/components/html";
import { type ClientLifespansView, clientLifespansScreen } from "@/components/screens/admin-client-lifespans";
import { lifespanFormValues } from "@/lib/admin/lifespans";
import { getClient } from "@/lib/hydra/clients";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientIdQuerySchema } from "@/lib/validations/admin-patch";

export const config = { api: { bodyParser: false } };

/** GET /admin/clients/lifespans?id=: the client's ten token lifespans, per grant, as a number and a unit (setOAuth2ClientLifespans). */
export default serveAccountPage<ClientLifespansView>(
  async ({ account, formToken, page }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const { id } = clientIdQuerySchema.parse(page.query);
    const client = id === undefined ? undefined : await getClient(id);
    if (!client) return { kind: "show", view: { ...frame, kind: "missing" }, status: 404 };
    return { kind: "show", view: { ...frame, kind: "form", client, values: lifespanFormValues(client), errors: {} } };
  },
  html(clientLifespansScreen),
  { area: adminArea, use: "change" },
);
