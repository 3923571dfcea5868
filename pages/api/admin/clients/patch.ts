import { html } from "@/components/html";
import { type ClientPatchView, clientPatchScreen } from "@/components/screens/admin-client-patch";
import { getClient } from "@/lib/hydra/clients";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientIdQuerySchema } from "@/lib/validations/admin-patch";

export const config = { api: { bodyParser: false } };

/** GET /admin/clients/patch?id=: the client as Hydra has it, and a JSON Patch to write against it (patchOAuth2Client). */
export default serveAccountPage<ClientPatchView>(
  async ({ account, formToken, page }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const { id } = clientIdQuerySchema.parse(page.query);
    const client = id === undefined ? undefined : await getClient(id);
    if (!client) return { kind: "show", view: { ...frame, kind: "missing" }, status: 404 };
    return { kind: "show", view: { ...frame, kind: "edit", client, patch: "" } };
  },
  html(clientPatchScreen),
  { area: adminArea, use: "change" },
);
