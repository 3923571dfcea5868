import { html } from "@/components/html";
import { type ClientFormView, type SecretView, clientFormScreen, secretScreen } from "@/components/screens/admin-clients";
import { auditSummary } from "@/lib/admin/audit-summary";
import { clientForm, clientFormValues } from "@/lib/admin/client-form";
import { clientPresetNames } from "@/lib/admin/client-presets";
import { createAdminClient } from "@/lib/hydra/clients";
import { type FormPage, serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { hydraRefusal } from "@/lib/server/admin/hydra-refusal";
import { clientFormPostSchema } from "@/lib/validations/admin-input";
import { z } from "zod";

export const config = { api: { bodyParser: false } };

type Answer = { kind: "form"; view: ClientFormView } | { kind: "secret"; view: SecretView };

const refused = (view: ClientFormView): FormPage<Answer> => ({ kind: "page", status: 422, view: { kind: "form", view } });
const shown = (view: SecretView): FormPage<Answer> => ({ kind: "page", status: 200, view: { kind: "secret", view } });

/**
 * POST /admin/clients/new/submit: the client is created (createOAuth2Client)
 * and its secret shown in this answer, once, never in a URL or a cookie; a
 * refused form comes back with everything typed and why.
 */
export default serveAccountForm({
  schema: clientFormPostSchema,
  area: adminArea,
  returnTo: () => "/admin/clients",
  act: async (form, { account, formToken, response }) => {
    const frame = { email: account.user.email, csrf: formToken };
    const mode = { kind: "new", preset: z.enum(clientPresetNames).catch("web").parse(form.preset) } as const;
    const checked = clientForm(form);
    if (!checked.ok) return refused({ ...frame, mode, values: checked.values, errors: checked.errors });
    try {
      const created = await createAdminClient(checked.body);
      await recordAdminChange(account, response, {
        action: "client.create",
        target: { type: "client", id: created.client_id },
        summary: auditSummary(undefined, created),
      });
      return shown({ ...frame, kind: "created", clientId: created.client_id, secret: created.client_secret ?? undefined });
    } catch (error) {
      return refused({ ...frame, mode, values: clientFormValues(checked.body), errors: {}, hydraError: hydraRefusal(error) });
    }
  },
  html: html<Answer>((chrome, answer) => (answer.kind === "secret" ? secretScreen(chrome, answer.view) : clientFormScreen(chrome, answer.view))),
});
