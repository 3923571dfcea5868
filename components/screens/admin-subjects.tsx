import type { Remembered } from "@/lib/account/apps";
import { translator } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import type { AdminFrame } from "./admin-screens";

export type SubjectApp = { clientId: string; name: string; scopes: string[]; grantedAt?: Date; remembered: Remembered };

export const subjectNotices = ["consent_revoked", "consents_revoked", "login_revoked", "logins_revoked"] as const;
export type SubjectNotice = (typeof subjectNotices)[number];

export type SubjectsView = AdminFrame & {
  query: string;
  notice: SubjectNotice | null;
  result: null | { subject: string; account?: { email: string; name?: string }; apps: SubjectApp[]; sids: string[] };
};

function Hidden({ csrf, subject }: { csrf: string; subject: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="subject" value={subject} />
    </>
  );
}

/** /admin/subjects: find a person by email or subject id; their grants per client and their login sessions, each revocable. */
export function subjectsScreen(chrome: PageChrome, view: SubjectsView) {
  const t = translator(chrome.locale);
  const result = view.result;
  return (
    <AdminShell chrome={chrome} title={t("admin.subjects.title")} section="subjects" email={view.email} csrf={view.csrf}>
      {view.notice && (
        <p className="notice" role="status">
          {t(`admin.subjects.done.${view.notice}`)}
        </p>
      )}
      <form method="get" action="/admin/subjects" role="search">
        <label htmlFor="q">{t("admin.subjects.query")}</label>
        <input id="q" name="q" type="search" defaultValue={view.query} autoComplete="off" />
        <button type="submit">{t("admin.subjects.find")}</button>
      </form>
      {result && (
        <section aria-labelledby="subject-title">
          <h2 id="subject-title">{result.account ? result.account.email : result.subject}</h2>
          <dl className="facts">
            <dt>{t("admin.subjects.subject")}</dt>
            <dd>
              <code>{result.subject}</code>
            </dd>
            <dt>{t("admin.subjects.account")}</dt>
            <dd>{result.account ? (result.account.name ?? result.account.email) : t("admin.subjects.noAccount")}</dd>
          </dl>

          <h3>{t("admin.subjects.grants")}</h3>
          {result.apps.length === 0 ? (
            <p className="muted">{t("admin.subjects.noGrants")}</p>
          ) : (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.subjects.client")}</th>
                  <th scope="col">{t("admin.subjects.scopes")}</th>
                  <th scope="col">{t("admin.subjects.granted")}</th>
                  <th scope="col">{t("admin.subjects.remembered")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.subjects.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.apps.map((app) => (
                  <tr key={app.clientId}>
                    <td>
                      {app.name} <code>{app.clientId}</code>
                    </td>
                    <td>{app.scopes.join(" ")}</td>
                    <td>{app.grantedAt ? formatDateTime(app.grantedAt, chrome.locale) : "–"}</td>
                    <td>
                      {app.remembered.kind === "no"
                        ? t("admin.subjects.rememberedNo")
                        : app.remembered.kind === "until_removed"
                          ? t("admin.subjects.rememberedForever")
                          : formatDateTime(app.remembered.until, chrome.locale)}
                    </td>
                    <td>
                      <form method="post" action="/admin/subjects/revoke-consent">
                        <Hidden csrf={view.csrf} subject={result.subject} />
                        <input type="hidden" name="client" value={app.clientId} />
                        <button type="submit" className="danger">
                          {t("admin.subjects.revokeConsent", { client: app.name })}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {result.apps.length > 0 && (
            <form method="post" action="/admin/subjects/revoke-consent">
              <Hidden csrf={view.csrf} subject={result.subject} />
              <button type="submit" className="danger">
                {t("admin.subjects.revokeAllConsents")}
              </button>
            </form>
          )}

          <h3>{t("admin.subjects.logins")}</h3>
          <p className="muted">{t("admin.subjects.loginsIntro")}</p>
          {result.sids.length > 0 && (
            <ul>
              {result.sids.map((sid) => (
                <li key={sid}>
                  <form method="post" action="/admin/subjects/revoke-login" className="inline-form">
                    <Hidden csrf={view.csrf} subject={result.subject} />
                    <input type="hidden" name="sid" value={sid} />
                    <code>{sid}</code>{" "}
                    <button type="submit" className="danger">
                      {t("admin.subjects.revokeLogin")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <form method="post" action="/admin/subjects/revoke-login">
            <Hidden csrf={view.csrf} subject={result.subject} />
            <button type="submit" className="danger">
              {t("admin.subjects.revokeAllLogins")}
            </button>
          </form>
        </section>
      )}
    </AdminShell>
  );
}
