import { html } from "@/components/html";
import { type ClientFormView, clientFormScreen } from "@/components/screens/admin-clients";
import { auditSummary } from "@/lib/admin/audit-summary";
import { clientForm, clientFormValues, clientReplacement } from "@/lib/admin/client-form";
import { problem } from "@/lib/flows/problems";
import { getClient, setClient } from "@/lib/hydra/clients";
import { type FormPage, serveAccountForm } from "@/lib/server/account/serve";
import { pinOrigin } from "@/lib/server/account/auth";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { clientViewPath } from "@/lib/server/admin/client-pages";
import { hydraRefusal } from "@/lib/server/admin/hydra-refusal";
import { clientFormPostSchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

const refused = (view: ClientFormView): FormPage<ClientFormView> => ({ kind: "page", status: 422, view });

/**
 * POST /admin/clients/edit/submit: the edited fields over Hydra's current
 * client, replaced whole (setOAuth2Client), so what the form does not show
 * survives; a refusal comes back with everything typed.
 */
export default serveAccountForm({
  schema: clientFormPostSchema,
  area: adminArea,
  returnTo: (form) => (form?.id ? `/admin/clients/edit?${new URLSearchParams({ id: form.id })}` : "/admin/clients"),
  act: async (form, { account, formToken, request, response }) => {
    const current = form.id ? await getClient(form.id) : undefined;
    if (!current) return problem("page_not_found");
    const frame = { email: account.user.email, csrf: formToken };
    const mode = { kind: "edit", id: current.client_id, name: current.client_name || current.client_id } as const;
    const checked = clientForm(form);
    if (!checked.ok) return refused({ ...frame, mode, values: checked.values, errors: checked.errors });
    try {
      const saved = await setClient(current.client_id, clientReplacement(current as Parameters<typeof clientReplacement>[0], checked.body));
      await recordAdminChange(account, response, {
        action: "client.update",
        target: { type: "client", id: current.client_id },
        summary: auditSummary(current, saved),
      });
      return { kind: "redirect", to: `${pinOrigin(request)}${clientViewPath(current.client_id, "updated")}` };
    } catch (error) {
      return refused({ ...frame, mode, values: clientFormValues(checked.body), errors: {}, hydraError: hydraRefusal(error) });
    }
  },
  html: html(clientFormScreen),
});
