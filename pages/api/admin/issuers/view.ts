import { html } from "@/components/html";
import { type IssuerDetailView, issuerDetailScreen } from "@/components/screens/admin-issuers";
import { recordedKeyAlg, trustsSharingKey } from "@/lib/admin/issuer-form";
import { latestChangeTo } from "@/lib/audit/store";
import { getIssuer, listIssuers } from "@/lib/hydra/jwt-issuers";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { issuerIdQuerySchema } from "@/lib/validations/admin-issuers";

export const config = { api: { bodyParser: false } };

/** GET /admin/issuers/view?id=: one trust relationship (getTrustedOAuth2JwtGrantIssuer). */
export default serveAccountPage<IssuerDetailView>(
  async ({ account, formToken, page }) => {
    const frame = { email: account.user.email, csrf: formToken, sharing: [] };
    const { id } = issuerIdQuerySchema.parse(page.query);
    const trust = id ? await getIssuer(id) : undefined;
    if (!trust) return { kind: "show", view: { ...frame, trust: null } };
    const [sameIssuer, trusted] = await Promise.all([
      listIssuers({ issuer: trust.issuer, pageSize: 1000 }),
      latestChangeTo({ type: "issuer", id: trust.id }, "issuer.trust"),
    ]);
    return {
      kind: "show",
      view: { ...frame, trust, alg: recordedKeyAlg(trusted?.summary), sharing: trustsSharingKey(sameIssuer.issuers, trust) },
    };
  },
  html(issuerDetailScreen),
  { area: adminArea },
);
