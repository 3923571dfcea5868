import { html } from "@/components/html";
import { type SubjectsView, subjectNotices, subjectsScreen } from "@/components/screens/admin-subjects";
import { connectedApps, loginSessionIds } from "@/lib/account/apps";
import { listConsentSessions } from "@/lib/hydra/consent-sessions";
import { findUserByEmail, findUserById } from "@/lib/identity/users";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { subjectQuerySchema } from "@/lib/validations/admin-input";
import { z } from "zod";

export const config = { api: { bodyParser: false } };

const noticeSchema = z.enum(subjectNotices).nullable().catch(null);

/** GET /admin/subjects?q=: a person by account email or subject id, their grants and login sessions. */
export default serveAccountPage<SubjectsView>(
  async ({ account, formToken, page, locale }) => {
    const { q } = subjectQuerySchema.parse(page.query);
    const frame = { email: account.user.email, csrf: formToken, query: q, notice: noticeSchema.parse(page.query.done ?? null) };
    if (!q) return { kind: "show", view: { ...frame, result: null } };
    const user = q.includes("@") ? await findUserByEmail(q) : await findUserById(q);
    const subject = user?.id ?? q;
    const sessions = await listConsentSessions(subject);
    const apps = connectedApps(sessions, { hiddenClientId: "", now: new Date(), locale });
    return {
      kind: "show",
      view: {
        ...frame,
        result: {
          subject,
          account: user && { email: user.email, name: user.name },
          apps: apps.map((app) => ({ clientId: app.client.id, name: app.client.name, scopes: app.scopes, grantedAt: app.grantedAt, remembered: app.remembered })),
          sids: loginSessionIds(sessions),
        },
      },
    };
  },
  html(subjectsScreen),
  { area: adminArea },
);
