import { type LifespanField, type LifespanFormValues, type LifespanMessageKey, lifespanFields, lifespanTokenKind, lifespanUnits } from "@/lib/admin/lifespans";
import type { AdminClient } from "@/lib/hydra/clients";
import { type Translate, translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import { ClientNotFound } from "../admin/client-not-found";
import { FormErrors } from "../admin/fields";
import type { AdminFrame } from "./admin-screens";

export type ClientLifespansView = AdminFrame &
  (
    | { kind: "missing" }
    | {
        kind: "form";
        client: AdminClient;
        values: LifespanFormValues;
        errors: Partial<Record<LifespanField, LifespanMessageKey>>;
        /** Hydra's own words when it refused the lifespans. */
        hydraError?: string;
      }
  );

type Grant = LifespanField extends infer F ? (F extends `${infer G}_grant_${string}` ? G : never) : never;

/** The grants in lifespanFields' order, each with its lifespans (access, ID, refresh token). */
const grants = [...new Set(lifespanFields.map((field) => field.slice(0, field.indexOf("_grant_")) as Grant))];
const fieldsOf = (grant: Grant) => lifespanFields.filter((field) => field.startsWith(`${grant}_grant_`));

/** /admin/clients/lifespans: how long each kind of token the client gets lives, per grant; empty is Hydra's default. */
export function clientLifespansScreen(chrome: PageChrome, view: ClientLifespansView) {
  const t = translator(chrome.locale);
  if (view.kind === "missing") {
    return (
      <AdminShell chrome={chrome} title={t("admin.clients.title")} section="clients" email={view.email} csrf={view.csrf}>
        <ClientNotFound t={t} />
      </AdminShell>
    );
  }
  const { client } = view;
  const errorCount = Object.keys(view.errors).length;
  return (
    <AdminShell chrome={chrome} title={t("admin.lifespans.title", { name: client.client_name || t("admin.clients.noName") })} section="clients" email={view.email} csrf={view.csrf}>
      {view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      <p>{t("admin.lifespans.intro")}</p>
      <form method="post" action="/admin/clients/lifespans/submit" noValidate>
        <FormErrors count={errorCount} message={t("admin.client.errorCount", { count: errorCount })} />
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="id" value={client.client_id} />
        {grants.map((grant) => (
          <fieldset key={grant}>
            <legend>{t(`admin.lifespans.grants.${grant}`)}</legend>
            {fieldsOf(grant).map((field) => (
              <Lifespan key={field} field={field} values={view.values} error={view.errors[field]} t={t} />
            ))}
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" className="primary">
            {t("admin.lifespans.save")}
          </button>
          <a className="button" href={`/admin/clients/view?id=${encodeURIComponent(client.client_id)}`}>
            {t("admin.cancel")}
          </a>
        </div>
      </form>
    </AdminShell>
  );
}

/** One lifespan: a whole number and its unit, labelled by the token it is for; the hint says what empty means. */
function Lifespan({ field, values, error, t }: { field: LifespanField; values: LifespanFormValues; error?: LifespanMessageKey; t: Translate }) {
  const id = `f-${field}`;
  const token = t(`admin.lifespans.tokens.${lifespanTokenKind(field)}`);
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{token}</label>
      <p id={`${id}-hint`} className="field-hint muted">
        {t("admin.lifespans.hint")}
      </p>
      <div className="lifespan">
        <input
          id={id}
          name={field}
          type="text"
          inputMode="numeric"
          size={6}
          defaultValue={values[field] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
        />
        <label htmlFor={`${id}_unit`} className="visually-hidden">
          {t("admin.lifespans.unit", { token })}
        </label>
        <select id={`${id}_unit`} name={`${field}_unit`} defaultValue={values[`${field}_unit`] ?? ""}>
          {lifespanUnits.map((unit) => (
            <option key={unit} value={unit}>
              {t(`admin.lifespans.units.${unit}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}
