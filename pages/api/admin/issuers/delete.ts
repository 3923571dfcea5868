import { html } from "@/components/html";
import { type IssuerDeleteView, issuerDeleteScreen } from "@/components/screens/admin-issuers";
import { trustsSharingKey } from "@/lib/admin/issuer-form";
import { getIssuer, listIssuers } from "@/lib/hydra/jwt-issuers";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { issuerIdQuerySchema } from "@/lib/validations/admin-issuers";

export const config = { api: { bodyParser: false } };

/** GET /admin/issuers/delete?id=: what deleting this trust ends, and the button that does it. */
export default serveAccountPage<IssuerDeleteView>(
  async ({ account, formToken, page }) => {
    const frame = { email: account.user.email, csrf: formToken, sharing: [] };
    const { id } = issuerIdQuerySchema.parse(page.query);
    const trust = id ? await getIssuer(id) : undefined;
    if (!trust) return { kind: "show", view: { ...frame, trust: null } };
    const sameIssuer = await listIssuers({ issuer: trust.issuer, pageSize: 1000 });
    return { kind: "show", view: { ...frame, trust, sharing: trustsSharingKey(sameIssuer.issuers, trust) } };
  },
  html(issuerDeleteScreen),
  { area: adminArea, use: "change" },
);
