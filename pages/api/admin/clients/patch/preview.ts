import { html } from "@/components/html";
import { type ClientPatchView, clientPatchScreen } from "@/components/screens/admin-client-patch";
import { auditSummary } from "@/lib/admin/audit-summary";
import { previewClientPatch } from "@/lib/admin/json-patch";
import { getClient } from "@/lib/hydra/clients";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { type ClientPatchForm, clientPatchFormSchema } from "@/lib/validations/admin-patch";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/clients/patch/preview: the patch applied to a copy of the client, with what it
 * changes, and a form that sends it; a patch that cannot apply comes back with its reason (422).
 */
export default serveAccountForm<ClientPatchForm, ClientPatchView>({
  schema: clientPatchFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/clients/patch?${new URLSearchParams({ id: form.id })}` : "/admin/clients"),
  act: async (form, { account, formToken }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const client = await getClient(form.id);
    if (!client) return { kind: "page", view: { ...frame, kind: "missing" }, status: 404 };
    const preview = previewClientPatch(form.patch, client);
    if (!preview.ok) {
      return { kind: "page", view: { ...frame, kind: "edit", client, patch: form.patch, refusal: { key: preview.error, detail: preview.detail } }, status: 422 };
    }
    const changes = auditSummary(client, preview.result);
    return { kind: "page", view: { ...frame, kind: "preview", client, patch: form.patch, result: preview.result, changes }, status: 200 };
  },
  html: html(clientPatchScreen),
});
