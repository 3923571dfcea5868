import { html } from "@/components/html";
import { type AuditView, auditScreen } from "@/components/screens/admin-screens";
import { listChanges } from "@/lib/audit/store";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { auditQuerySchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

const pageSize = 50;

/** GET /admin/audit[?before=seq]: the audit log, newest first. */
export default serveAccountPage<AuditView>(
  async ({ account, formToken, page }) => {
    const { before } = auditQuerySchema.parse(page.query);
    // One more than shown tells whether older entries exist.
    const entries = await listChanges({ limit: pageSize + 1, beforeSeq: before });
    const shown = entries.slice(0, pageSize);
    return {
      kind: "show",
      view: {
        email: account.user.email,
        csrf: formToken,
        entries: shown,
        olderThan: entries.length > pageSize ? shown.at(-1)!.seq : undefined,
        newer: before !== undefined,
      },
    };
  },
  html(auditScreen),
  { area: adminArea },
);
