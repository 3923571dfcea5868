import type { JsonPatch } from "@ory/client-fetch";
import { html } from "@/components/html";
import { type ClientPatchView, clientPatchScreen } from "@/components/screens/admin-client-patch";
import { auditSummary } from "@/lib/admin/audit-summary";
import { previewClientPatch } from "@/lib/admin/json-patch";
import { getClient, patchClient } from "@/lib/hydra/clients";
import { HydraError } from "@/lib/hydra/errors";
import { pinOrigin } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { type ClientPatchForm, clientPatchFormSchema } from "@/lib/validations/admin-patch";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/clients/patch/submit: the patch checked again (the hidden field is the
 * browser's to change), sent to Hydra (patchOAuth2Client) and recorded; Hydra's refusal
 * comes back in its words with the patch kept.
 */
export default serveAccountForm<ClientPatchForm, ClientPatchView>({
  schema: clientPatchFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/clients/patch?${new URLSearchParams({ id: form.id })}` : "/admin/clients"),
  act: async (form, { account, formToken, request, response }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const missing = { kind: "page", view: { ...frame, kind: "missing" }, status: 404 } as const;
    const before = await getClient(form.id);
    if (!before) return missing;
    const preview = previewClientPatch(form.patch, before);
    if (!preview.ok) {
      return { kind: "page", view: { ...frame, kind: "edit", client: before, patch: form.patch, refusal: { key: preview.error, detail: preview.detail } }, status: 422 };
    }
    let after;
    try {
      after = await patchClient(form.id, preview.operations as JsonPatch[]);
    } catch (error) {
      if (!(error instanceof HydraError)) throw error;
      if (error.failure.kind === "not_found") return missing;
      if (error.failure.kind !== "invalid") throw error;
      const hydraError = error.detail?.description ?? error.detail?.error ?? "";
      return { kind: "page", view: { ...frame, kind: "edit", client: before, patch: form.patch, hydraError }, status: 422 };
    }
    await recordAdminChange(account, response, {
      action: "client.patch",
      target: { type: "client", id: form.id },
      summary: auditSummary(before, after),
    });
    const back = new URLSearchParams({ id: form.id, done: "patched" });
    return { kind: "redirect", to: `${pinOrigin(request)}/admin/clients/view?${back}` };
  },
  html: html(clientPatchScreen),
});
