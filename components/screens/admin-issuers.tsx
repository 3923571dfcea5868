import type { IssuerFormErrors, IssuerFormField, IssuerFormValues } from "@/lib/admin/issuer-form";
import type { PagingView } from "@/lib/admin/paging-view";
import type { TrustedIssuer } from "@/lib/hydra/jwt-issuers";
import { type Translate, translator } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import { Pager } from "../admin/pager";
import { FileField, FormErrors, TextArea, TextField } from "../admin/fields";
import type { AdminFrame } from "./admin-screens";

const date = (value: string | null | undefined, chrome: PageChrome) => (value ? formatDateTime(new Date(value), chrome.locale) : "–");
const viewHref = (id: string) => `/admin/issuers/view?id=${encodeURIComponent(id)}`;
const subjectText = (trust: TrustedIssuer, t: Translate) => (trust.allow_any_subject ? t("admin.issuers.anySubject") : trust.subject || "–");

export type IssuersView = AdminFrame & {
  filter: { issuer: string };
  issuers: TrustedIssuer[];
  paging: PagingView;
  notice: "deleted" | null;
};

function pageHref(filter: IssuersView["filter"], token?: string): string {
  const query = new URLSearchParams();
  if (filter.issuer) query.set("issuer", filter.issuer);
  if (token) query.set("page_token", token);
  const text = query.toString();
  return text ? `/admin/issuers?${text}` : "/admin/issuers";
}

/** /admin/issuers: the issuers whose signed JWTs Hydra takes as grants (RFC 7523), page by page, filtered by issuer. */
export function issuersScreen(chrome: PageChrome, view: IssuersView) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.issuers.title")} section="issuers" email={view.email} csrf={view.csrf}>
      {view.notice && (
        <p className="notice" role="status">
          {t(`admin.issuers.done.${view.notice}`)}
        </p>
      )}
      <p>{t("admin.issuers.intro")}</p>
      <p>
        <a className="button" href="/admin/issuers/new">
          {t("admin.issuers.new")}
        </a>
      </p>
      <form method="get" action="/admin/issuers" role="search">
        <TextField name="issuer" label={t("admin.issuers.filterIssuer")} hint={t("admin.issuers.filterHint")} value={view.filter.issuer} type="search" />
        <button type="submit">{t("admin.issuers.filter")}</button>
      </form>
      <p role="status">{t(view.paging.summary.key, view.paging.summary.values)}</p>
      {view.issuers.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("admin.issuer.fields.issuer")}</th>
              <th scope="col">{t("admin.issuer.fields.subject")}</th>
              <th scope="col">{t("admin.issuer.fields.scope")}</th>
              <th scope="col">{t("admin.issuer.fields.kid")}</th>
              <th scope="col">{t("admin.issuer.fields.expires_at")}</th>
            </tr>
          </thead>
          <tbody>
            {view.issuers.map((trust) => (
              <tr key={trust.id}>
                <td>
                  <a href={viewHref(trust.id)}>{trust.issuer}</a>
                </td>
                <td>{subjectText(trust, t)}</td>
                <td>{(trust.scope ?? []).join(" ") || "–"}</td>
                <td>
                  <code>{trust.public_key?.kid ?? "–"}</code>
                </td>
                <td>{date(trust.expires_at, chrome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager paging={view.paging} href={(token) => pageHref(view.filter, token)} previous={t("admin.issuers.previous")} next={t("admin.issuers.next")} />
    </AdminShell>
  );
}

export type IssuerFormView = AdminFrame & {
  values: IssuerFormValues;
  errors: IssuerFormErrors;
  /** Hydra's own words when it refused the trust. */
  hydraError?: string;
};

/** /admin/issuers/new: trust an issuer's key for a subject (or any) and scopes until a date; shown again with its errors when refused. */
export function issuerFormScreen(chrome: PageChrome, view: IssuerFormView) {
  const t = translator(chrome.locale);
  const { values, errors } = view;
  const error = (field: IssuerFormField) => {
    const refusal = errors[field];
    return refusal ? t(refusal.key, { detail: refusal.detail ?? "" }) : undefined;
  };
  const errorCount = Object.keys(errors).length;
  const subjectError = error("subject");
  return (
    <AdminShell chrome={chrome} title={t("admin.issuerNew.title")} section="issuers" email={view.email} csrf={view.csrf}>
      {view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      <p>{t("admin.issuerNew.intro")}</p>
      <form method="post" action="/admin/issuers/new/submit" encType="multipart/form-data" noValidate>
        <FormErrors count={errorCount} message={t("admin.client.errorCount", { count: errorCount })} />
        <input type="hidden" name="csrf" value={view.csrf} />
        <TextField name="issuer" label={t("admin.issuer.fields.issuer")} hint={t("admin.issuer.hints.issuer")} value={values.issuer} error={error("issuer")} type="url" />
        <fieldset>
          <legend>{t("admin.issuer.fields.subject")}</legend>
          <div className="check">
            <input id="f-subject_kind-subject" type="radio" name="subject_kind" value="subject" defaultChecked={values.subject_kind !== "any"} />
            <label htmlFor="f-subject_kind-subject">{t("admin.issuer.fields.oneSubject")}</label>
          </div>
          <TextField name="subject" label={t("admin.issuer.fields.subjectValue")} hint={t("admin.issuer.hints.subject")} value={values.subject} error={subjectError} />
          <div className="check">
            <input id="f-subject_kind-any" type="radio" name="subject_kind" value="any" defaultChecked={values.subject_kind === "any"} />
            <label htmlFor="f-subject_kind-any">{t("admin.issuer.fields.allowAnySubject")}</label>
          </div>
        </fieldset>
        <TextField name="scope" label={t("admin.issuer.fields.scope")} hint={t("admin.issuer.hints.scope")} value={values.scope} error={error("scope")} />
        <TextField name="expires_at" label={t("admin.issuer.fields.expiresAtUtc")} hint={t("admin.issuer.hints.expires_at")} value={values.expires_at} error={error("expires_at")} type="datetime-local" />
        <fieldset>
          <legend>{t("admin.issuer.fields.jwk")}</legend>
          <TextArea name="jwk" label={t("admin.issuer.fields.jwkPaste")} hint={t("admin.issuer.hints.jwk")} value={values.jwk} error={error("jwk")} rows={8} code />
          <FileField name="jwk_file" label={t("admin.issuer.fields.jwkFile")} hint={t("admin.issuer.hints.jwkFile")} accept=".json,.jwk,application/json,application/jwk+json" />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t("admin.issuerNew.trust")}
          </button>
          <a className="button" href="/admin/issuers">
            {t("admin.cancel")}
          </a>
        </div>
      </form>
    </AdminShell>
  );
}

export type IssuerDetailView = AdminFrame & {
  /** null: Hydra has no trust with this id. */
  trust: TrustedIssuer | null;
  /** The key's alg as recorded when it was trusted from this console; Hydra does not return it. */
  alg?: string;
  /** Other trusts of this issuer under the same kid: they share one stored key. */
  sharing: TrustedIssuer[];
};

/** The other trusts filed under this issuer and kid, with what that means here. */
function SharedKey({ sharing, message, t }: { sharing: TrustedIssuer[]; message: string; t: Translate }) {
  if (sharing.length === 0) return null;
  return (
    <div className="alert">
      <p>{message}</p>
      <ul>
        {sharing.map((other) => (
          <li key={other.id}>
            <a href={viewHref(other.id)}>{subjectText(other, t)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** /admin/issuers/view: one trust relationship, its key's kid and alg, and the way to end it. */
export function issuerDetailScreen(chrome: PageChrome, view: IssuerDetailView) {
  const t = translator(chrome.locale);
  const { trust } = view;
  if (!trust) {
    return (
      <AdminShell chrome={chrome} title={t("admin.issuerView.missingTitle")} section="issuers" email={view.email} csrf={view.csrf}>
        <p>{t("admin.issuerView.notFound")}</p>
        <p>
          <a href="/admin/issuers">{t("admin.issuerView.back")}</a>
        </p>
      </AdminShell>
    );
  }
  return (
    <AdminShell chrome={chrome} title={t("admin.issuerView.title", { issuer: trust.issuer })} section="issuers" email={view.email} csrf={view.csrf}>
      <SharedKey sharing={view.sharing} message={t("admin.issuerView.shared", { count: view.sharing.length })} t={t} />
      <dl className="facts">
        <dt>{t("admin.issuer.fields.issuer")}</dt>
        <dd>
          <code>{trust.issuer}</code>
        </dd>
        <dt>{t("admin.issuer.fields.subject")}</dt>
        <dd>{trust.allow_any_subject ? t("admin.issuers.anySubject") : <code>{trust.subject || "–"}</code>}</dd>
        <dt>{t("admin.issuer.fields.scope")}</dt>
        <dd>{(trust.scope ?? []).join(" ") || t("admin.issuerView.noScope")}</dd>
        <dt>{t("admin.issuer.fields.expires_at")}</dt>
        <dd>{date(trust.expires_at, chrome)}</dd>
        <dt>{t("admin.issuer.fields.created_at")}</dt>
        <dd>{date(trust.created_at, chrome)}</dd>
        <dt>{t("admin.issuer.fields.kid")}</dt>
        <dd>
          <code>{trust.public_key?.kid ?? "–"}</code>
        </dd>
        <dt>{t("admin.issuer.fields.alg")}</dt>
        <dd>{view.alg ? <code>{view.alg}</code> : t("admin.issuerView.algUnknown")}</dd>
        <dt>{t("admin.issuer.fields.id")}</dt>
        <dd>
          <code>{trust.id}</code>
        </dd>
      </dl>
      <p>{t("admin.issuerView.timeZone")}</p>
      <div className="actions">
        <a className="button danger" href={`/admin/issuers/delete?id=${encodeURIComponent(trust.id)}`}>
          {t("admin.issuerView.delete")}
        </a>
        <a className="button" href="/admin/issuers">
          {t("admin.issuerView.back")}
        </a>
      </div>
    </AdminShell>
  );
}

export type IssuerDeleteView = AdminFrame & { trust: TrustedIssuer | null; sharing: TrustedIssuer[] };

/** /admin/issuers/delete: what ending this trust does, confirmed by a post. */
export function issuerDeleteScreen(chrome: PageChrome, view: IssuerDeleteView) {
  const t = translator(chrome.locale);
  const { trust } = view;
  if (!trust) return issuerDetailScreen(chrome, { ...view, trust: null });
  return (
    <AdminShell chrome={chrome} title={t("admin.issuerDelete.title", { issuer: trust.issuer })} section="issuers" email={view.email} csrf={view.csrf}>
      <dl className="facts">
        <dt>{t("admin.issuer.fields.subject")}</dt>
        <dd>{subjectText(trust, t)}</dd>
        <dt>{t("admin.issuer.fields.kid")}</dt>
        <dd>
          <code>{trust.public_key?.kid ?? "–"}</code>
        </dd>
      </dl>
      <p>{t("admin.issuerDelete.body")}</p>
      <SharedKey sharing={view.sharing} message={t("admin.issuerDelete.shared", { count: view.sharing.length })} t={t} />
      <form method="post" action="/admin/issuers/delete/submit">
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="id" value={trust.id} />
        <div className="actions">
          <button type="submit" className="primary danger">
            {t("admin.issuerDelete.confirm")}
          </button>
          <a className="button" href={viewHref(trust.id)}>
            {t("admin.cancel")}
          </a>
        </div>
      </form>
    </AdminShell>
  );
}
