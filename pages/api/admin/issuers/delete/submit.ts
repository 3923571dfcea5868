import { problemsOnly } from "@/components/html";
import { auditSummary } from "@/lib/admin/audit-summary";
import { trustsSharingKey } from "@/lib/admin/issuer-form";
import { deleteIssuer, getIssuer, listIssuers } from "@/lib/hydra/jwt-issuers";
import { pinOrigin } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { deleteIssuerFormSchema } from "@/lib/validations/admin-issuers";

export const config = { api: { bodyParser: false } };

/** POST /admin/issuers/delete/submit: ends the trust and deletes its key (deleteTrustedOAuth2JwtGrantIssuer). */
export default serveAccountForm({
  schema: deleteIssuerFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/issuers/delete?${new URLSearchParams({ id: form.id })}` : "/admin/issuers"),
  act: async (form, { account, request, response }) => {
    const origin = pinOrigin(request);
    const trust = await getIssuer(form.id);
    // Deleted already (another tab, another admin): the list says what is left.
    if (!trust) return { kind: "redirect", to: `${origin}/admin/issuers` };
    const sharing = trustsSharingKey((await listIssuers({ issuer: trust.issuer, pageSize: 1000 })).issuers, trust);
    await deleteIssuer(trust.id);
    // Hydra deletes the trusts that shared the key with this one as well (trustsSharingKey): each is recorded.
    for (const deleted of [trust, ...sharing]) {
      await recordAdminChange(account, response, {
        action: "issuer.delete",
        target: { type: "issuer", id: deleted.id },
        summary: auditSummary(deleted, undefined),
      });
    }
    return { kind: "redirect", to: `${origin}/admin/issuers?done=deleted` };
  },
  html: problemsOnly,
});
