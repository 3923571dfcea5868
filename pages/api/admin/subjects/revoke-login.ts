import { problemsOnly } from "@/components/html";
import { revokeLoginSessions } from "@/lib/hydra/consent-sessions";
import { HydraError } from "@/lib/hydra/errors";
import { serveAccountForm } from "@/lib/server/account/serve";
import { pinOrigin } from "@/lib/server/account/auth";
import { adminArea } from "@/lib/server/admin/area";
import { recordAdminChange } from "@/lib/server/admin/audit";
import { revokeLoginFormSchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/subjects/revoke-login: one login session by its id (Hydra tells
 * the apps in it through back-channel logout), or every one of the subject's
 * (revokeOAuth2LoginSessions).
 */
export default serveAccountForm({
  schema: revokeLoginFormSchema,
  area: adminArea,
  returnTo: (form) => (form ? `/admin/subjects?${new URLSearchParams({ q: form.subject })}` : "/admin/subjects"),
  act: async (form, { account, request, response }) => {
    const one = form.sid !== "";
    try {
      await revokeLoginSessions(one ? { sid: form.sid } : { subject: form.subject });
    } catch (error) {
      // A session that ended meanwhile is what was asked for.
      if (!(error instanceof HydraError && error.failure.kind === "not_found")) throw error;
    }
    await recordAdminChange(account, response, {
      action: one ? "login_session.revoke" : "login_sessions.revoke_all",
      target: { type: "subject", id: form.subject },
      summary: one ? { sid: form.sid } : { sessions: "all" },
    });
    const back = new URLSearchParams({ q: form.subject, done: one ? "login_revoked" : "logins_revoked" });
    return { kind: "redirect", to: `${pinOrigin(request)}/admin/subjects?${back}` };
  },
  html: problemsOnly,
});
