import { problemsOnly } from "@/components/html";
import { revokeConsentSessions } from "@/lib/hydra/consent-sessions";
import { serveAccountForm } from "@/lib/server/account/serve";
import { pinOrigin } from "@/lib/server/account/auth";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { revokeConsentFormSchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

/** POST /admin/subjects/revoke-consent: one client's consent sessions of a subject, or all of them (revokeOAuth2ConsentSessions). */
export default serveAccountForm({
  schema: revokeConsentFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/subjects?${new URLSearchParams({ q: form.subject })}` : "/admin/subjects"),
  act: async (form, { account, request, response }) => {
    const all = form.client === "";
    await revokeConsentSessions(form.subject, all ? "all" : { client: form.client });
    await recordAdminChange(account, response, {
      action: all ? "consent_sessions.revoke_all" : "consent_sessions.revoke",
      target: { type: "subject", id: form.subject },
      summary: all ? { clients: "all" } : { client: form.client },
    });
    const back = new URLSearchParams({ q: form.subject, done: all ? "consents_revoked" : "consent_revoked" });
    return { kind: "redirect", to: `${pinOrigin(request)}/admin/subjects?${back}` };
  },
  html: problemsOnly,
});
