import { html } from "@/components/html";
import { type IssuerFormView, issuerFormScreen } from "@/components/screens/admin-issuers";
import { auditSummary } from "@/lib/admin/audit-summary";
import { readIssuerForm, trustAuditRecord } from "@/lib/admin/issuer-form";
import { HydraError } from "@/lib/hydra/errors";
import { trustIssuer } from "@/lib/hydra/jwt-issuers";
import { pinOrigin } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { type TrustIssuerForm, trustIssuerFormSchema } from "@/lib/validations/admin-issuers";

export const config = { api: { bodyParser: false } };

/** POST /admin/issuers/new/submit: trusts the issuer's key (trustOAuth2JwtGrantIssuer); a refusal shows the form again. */
export default serveAccountForm<TrustIssuerForm, IssuerFormView>({
  schema: trustIssuerFormSchema,
  area: adminArea,
  textFiles: ["jwk_file"],
  returnTo: () => "/admin/issuers/new",
  act: async (form, { account, formToken, request, response }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const read = await readIssuerForm(form, new Date());
    if (!read.ok) return { kind: "page", status: 422, view: { ...frame, values: read.values, errors: read.errors } };
    let saved;
    try {
      saved = await trustIssuer(read.trust);
    } catch (error) {
      // Hydra answered and said no (409: this issuer, subject and kid are trusted already): its words, with the form kept.
      if (!(error instanceof HydraError) || error.status === undefined || error.status >= 500) throw error;
      const words = error.detail?.description ?? error.detail?.error ?? String(error.status);
      return { kind: "page", status: 422, view: { ...frame, values: read.values, errors: {}, hydraError: words } };
    }
    await recordAdminChange(account, response, {
      action: "issuer.trust",
      target: { type: "issuer", id: saved.id },
      summary: auditSummary(undefined, trustAuditRecord(read.trust, saved)),
    });
    return { kind: "redirect", to: `${pinOrigin(request)}/admin/issuers/view?${new URLSearchParams({ id: saved.id })}` };
  },
  html: html(issuerFormScreen),
});
