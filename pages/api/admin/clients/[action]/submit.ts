import { randomBytes } from "node:crypto";
import { html } from "@/components/html";
import { type ClientActionView, type SecretView, clientActionScreen, secretScreen } from "@/components/screens/admin-clients";
import { auditSummary } from "@/lib/admin/audit-summary";
import { problem } from "@/lib/flows/problems";
import { deleteClient, getClient, revokeClientTokens, setClient } from "@/lib/hydra/clients";
import { type FormPage, serveAccountForm } from "@/lib/server/account/serve";
import { pinOrigin } from "@/lib/server/account/auth";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { clientActionOf, clientViewPath, withNewSecret } from "@/lib/server/admin/client-pages";
import { clientActionFormSchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

type Answer = { kind: "confirm"; view: ClientActionView } | { kind: "secret"; view: SecretView };

const page = (status: 200 | 422, answer: Answer): FormPage<Answer> => ({ kind: "page", status, view: answer });

/**
 * POST /admin/clients/delete|revoke-tokens|rotate-secret/submit. Delete needs
 * the client's id typed again (deleteOAuth2Client); revoking deletes its
 * access tokens (deleteOAuth2Token); a new secret (setOAuth2Client) is made
 * here and shown in this answer only, once.
 */
export default serveAccountForm({
  schema: clientActionFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? clientViewPath(form.id) : "/admin/clients"),
  act: async (form, { account, formToken, request, response }) => {
    const action = clientActionOf(request.query.action);
    const current = action ? await getClient(form.id) : undefined;
    if (!action || !current) return problem("page_not_found");
    const frame = { email: account.user.email, csrf: formToken };
    const origin = pinOrigin(request);
    const target = { type: "client", id: current.client_id };
    if (action === "delete") {
      if (form.confirm_id !== current.client_id) {
        return page(422, { kind: "confirm", view: { ...frame, action, id: current.client_id, name: current.client_name || current.client_id, mismatch: true } });
      }
      await deleteClient(current.client_id);
      await recordAdminChange(account, response, { action: "client.delete", target, summary: auditSummary(current, undefined) });
      return { kind: "redirect", to: `${origin}/admin/clients?${new URLSearchParams({ deleted: current.client_id })}` };
    }
    if (action === "revoke") {
      await revokeClientTokens(current.client_id);
      await recordAdminChange(account, response, { action: "client.revoke_access_tokens", target, summary: [] });
      return { kind: "redirect", to: `${origin}${clientViewPath(current.client_id, "tokens_revoked")}` };
    }
    const secret = randomBytes(32).toString("base64url");
    const saved = await setClient(current.client_id, withNewSecret(current, secret));
    await recordAdminChange(account, response, { action: "client.rotate_secret", target, summary: auditSummary(current, { ...saved, client_secret: secret }) });
    return page(200, { kind: "secret", view: { ...frame, kind: "rotated", clientId: current.client_id, secret } });
  },
  html: html<Answer>((chrome, answer) => (answer.kind === "secret" ? secretScreen(chrome, answer.view) : clientActionScreen(chrome, answer.view))),
});
