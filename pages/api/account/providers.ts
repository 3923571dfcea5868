import { html } from "@/components/html";
import { type ProvidersView, providersScreen } from "@/components/screens/account-providers";
import { serveAccountPage } from "@/lib/server/account/serve";
import { linkList } from "@/lib/server/account/upstream-links";
import { linkNoticeSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** GET /account/providers: the upstream providers linked to the account, each with a link to unlink it. */
export default serveAccountPage<ProvidersView>(
  async ({ account, page }) => ({
    kind: "show",
    view: { links: await linkList(account), now: new Date(), notice: linkNoticeSchema.safeParse(page.query.done).data ?? null },
  }),
  html(providersScreen),
);
