import { html } from "@/components/html";
import { type ClientLifespansView, clientLifespansScreen } from "@/components/screens/admin-client-lifespans";
import { auditSummary } from "@/lib/admin/audit-summary";
import { lifespanForm } from "@/lib/admin/lifespans";
import { getClient, setClientLifespans } from "@/lib/hydra/clients";
import { HydraError } from "@/lib/hydra/errors";
import { pinOrigin } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { type ClientLifespansForm, clientLifespansFormSchema } from "@/lib/validations/admin-patch";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/clients/lifespans/submit: all ten lifespans at once (setOAuth2ClientLifespans),
 * recorded; refused values come back as typed with each field's reason (422).
 */
export default serveAccountForm<ClientLifespansForm, ClientLifespansView>({
  schema: clientLifespansFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/clients/lifespans?${new URLSearchParams({ id: form.id })}` : "/admin/clients"),
  act: async (form, { account, formToken, request, response }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const missing = { kind: "page", view: { ...frame, kind: "missing" }, status: 404 } as const;
    const before = await getClient(form.id);
    if (!before) return missing;
    const checked = lifespanForm(form);
    if (!checked.ok) return { kind: "page", view: { ...frame, kind: "form", client: before, values: checked.values, errors: checked.errors }, status: 422 };
    let after;
    try {
      after = await setClientLifespans(form.id, checked.body);
    } catch (error) {
      if (!(error instanceof HydraError)) throw error;
      if (error.failure.kind === "not_found") return missing;
      if (error.failure.kind !== "invalid") throw error;
      const hydraError = error.detail?.description ?? error.detail?.error ?? "";
      return { kind: "page", view: { ...frame, kind: "form", client: before, values: checked.values, errors: {}, hydraError }, status: 422 };
    }
    await recordAdminChange(account, response, {
      action: "client.lifespans",
      target: { type: "client", id: form.id },
      summary: auditSummary(before, after),
    });
    const back = new URLSearchParams({ id: form.id, done: "lifespans_saved" });
    return { kind: "redirect", to: `${pinOrigin(request)}/admin/clients/view?${back}` };
  },
  html: html(clientLifespansScreen),
});
