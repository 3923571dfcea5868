import type { AuditEntry } from "@/lib/audit/store";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** Audit entries, newest first: when, who, what, on which object, and the before/after summary (never a secret). */
export function AuditTable({ entries, locale, t }: { entries: AuditEntry[]; locale: Locale; t: Translate }) {
  if (entries.length === 0) return <p className="muted">{t("admin.audit.none")}</p>;
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">{t("admin.audit.when")}</th>
          <th scope="col">{t("admin.audit.who")}</th>
          <th scope="col">{t("admin.audit.what")}</th>
          <th scope="col">{t("admin.audit.target")}</th>
          <th scope="col">{t("admin.audit.summary")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale)}</time>
            </td>
            <td>{entry.actor.email ?? entry.actor.subject}</td>
            <td>
              <code>{entry.action}</code>
            </td>
            <td>
              {entry.target.type} <code>{entry.target.id}</code>
            </td>
            <td>
              <code className="summary">{JSON.stringify(entry.summary)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
