import { html } from "@/components/html";
import { type IssuerFormView, issuerFormScreen } from "@/components/screens/admin-issuers";
import { emptyIssuerForm } from "@/lib/admin/issuer-form";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";

export const config = { api: { bodyParser: false } };

/** GET /admin/issuers/new: the form that trusts an issuer's key. */
export default serveAccountPage<IssuerFormView>(
  async ({ account, formToken }) => ({
    kind: "show",
    view: { email: account.user.email, csrf: formToken, values: emptyIssuerForm(new Date()), errors: {} },
  }),
  html(issuerFormScreen),
  { area: adminArea, use: "change" },
);
