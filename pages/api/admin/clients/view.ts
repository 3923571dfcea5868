import { html } from "@/components/html";
import { type ClientDetailView, clientDetailScreen, clientNotices } from "@/components/screens/admin-clients";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { clientOfQuery } from "@/lib/server/admin/client-pages";
import { z } from "zod";

export const config = { api: { bodyParser: false } };

const noticeSchema = z.enum(clientNotices).nullable().catch(null);

/** GET /admin/clients/view?id=: one client (getOAuth2Client) and what can be done to it. */
export default serveAccountPage<ClientDetailView>(
  async ({ account, formToken, page }) => {
    const found = await clientOfQuery(page.query);
    if (found.kind !== "found") return found;
    return { kind: "show", view: { email: account.user.email, csrf: formToken, client: found.client, notice: noticeSchema.parse(page.query.done ?? null) } };
  },
  html(clientDetailScreen),
  { area: adminArea },
);
