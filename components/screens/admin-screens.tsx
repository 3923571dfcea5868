import type { AuditEntry } from "@/lib/audit/store";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import { AuditTable } from "../admin/audit-table";

/** What every console page knows of who is signed in. */
export type AdminFrame = { email: string; csrf: string };

export type AdminHomeView = AdminFrame & { recent: AuditEntry[] };

/** /admin: what the console is for, and the latest changes. */
export function adminHomeScreen(chrome: PageChrome, view: AdminHomeView) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.title")} email={view.email} csrf={view.csrf}>
      <p>{t("admin.home.intro")}</p>
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t("admin.home.recent")}</h2>
        <AuditTable entries={view.recent} locale={chrome.locale} t={t} />
        <p>
          <a href="/admin/audit">{t("admin.home.allChanges")}</a>
        </p>
      </section>
    </AdminShell>
  );
}

export type AuditView = AdminFrame & { entries: AuditEntry[]; olderThan?: number; newer: boolean };

/** /admin/audit: the audit log, newest first, page by page, and its JSON-lines export. */
export function auditScreen(chrome: PageChrome, view: AuditView) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.audit.title")} section="audit" email={view.email} csrf={view.csrf}>
      <p>{t("admin.audit.intro")}</p>
      <p>
        <a className="button" href="/admin/audit/export" download="audit-log.jsonl">
          {t("admin.audit.export")}
        </a>
      </p>
      <AuditTable entries={view.entries} locale={chrome.locale} t={t} />
      <ul className="pager">
        {view.newer && (
          <li>
            <a href="/admin/audit">{t("admin.audit.newest")}</a>
          </li>
        )}
        {view.olderThan !== undefined && (
          <li>
            <a href={`/admin/audit?before=${view.olderThan}`} rel="next">
              {t("admin.audit.older")}
            </a>
          </li>
        )}
      </ul>
    </AdminShell>
  );
}
