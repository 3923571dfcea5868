import type { ClientFormErrors, ClientFormValues } from "@/lib/admin/client-form";
import type { ClientPresetName } from "@/lib/admin/client-presets";
import { clientPresetNames } from "@/lib/admin/client-presets";
import type { PagingView } from "@/lib/admin/paging-view";
import type { AdminClient } from "@/lib/hydra/clients";
import { translator } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import { Pager } from "../admin/pager";
import { ClientForm } from "../admin/client-form";
import { TextField } from "../admin/fields";
import type { AdminFrame } from "./admin-screens";

const clientName = (client: { client_name?: string | null }, t: ReturnType<typeof translator>) => client.client_name || t("admin.clients.noName");
const date = (value: string | null | undefined, chrome: PageChrome) => (value ? formatDateTime(new Date(value), chrome.locale) : "–");

export type ClientsView = AdminFrame & {
  /** The id of a client just deleted, to say so. */
  deleted: string | null;
  filter: { name: string; owner: string };
  clients: AdminClient[];
  paging: PagingView;
};

function pageHref(filter: ClientsView["filter"], token?: string): string {
  const query = new URLSearchParams();
  if (filter.name) query.set("client_name", filter.name);
  if (filter.owner) query.set("owner", filter.owner);
  if (token) query.set("page_token", token);
  const text = query.toString();
  return text ? `/admin/clients?${text}` : "/admin/clients";
}

/** /admin/clients: every client, page by page, filtered by name or owner; new ones start from a preset. */
export function clientsScreen(chrome: PageChrome, view: ClientsView) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.clients.title")} section="clients" email={view.email} csrf={view.csrf}>
      {view.deleted && (
        <p className="notice" role="status">
          {t("admin.clientDelete.done", { id: view.deleted })}
        </p>
      )}
      <p>{t("admin.clients.intro")}</p>
      <nav aria-label={t("admin.clients.new")}>
        <h2>{t("admin.clients.new")}</h2>
        <ul className="admin-nav">
          {clientPresetNames.map((preset) => (
            <li key={preset}>
              <a href={`/admin/clients/new?preset=${preset}`}>{t(`admin.clients.presets.${preset}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/clients" role="search">
        <TextField name="client_name" label={t("admin.clients.filterName")} value={view.filter.name} type="search" />
        <TextField name="owner" label={t("admin.clients.filterOwner")} value={view.filter.owner} type="search" />
        <button type="submit">{t("admin.clients.filter")}</button>
      </form>
      <p role="status">{t(view.paging.summary.key, view.paging.summary.values)}</p>
      {view.clients.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("admin.clients.name")}</th>
              <th scope="col">{t("admin.clients.id")}</th>
              <th scope="col">{t("admin.clients.grants")}</th>
              <th scope="col">{t("admin.clients.strategy")}</th>
              <th scope="col">{t("admin.clients.created")}</th>
              <th scope="col">{t("admin.clients.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {view.clients.map((client) => (
              <tr key={client.client_id}>
                <td>
                  <a href={`/admin/clients/view?id=${encodeURIComponent(client.client_id)}`}>{clientName(client, t)}</a>
                </td>
                <td>
                  <code>{client.client_id}</code>
                </td>
                <td>{(client.grant_types ?? []).join(" ")}</td>
                <td>{client.access_token_strategy ?? "–"}</td>
                <td>{date(client.created_at, chrome)}</td>
                <td>{date(client.updated_at, chrome)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager paging={view.paging} href={(token) => pageHref(view.filter, token)} previous={t("admin.clients.previous")} next={t("admin.clients.next")} />
    </AdminShell>
  );
}

export type ClientFormView = AdminFrame & {
  mode: { kind: "new"; preset: ClientPresetName } | { kind: "edit"; id: string; name: string };
  values: ClientFormValues;
  errors: ClientFormErrors;
  /** Hydra's own words when it refused the client. */
  hydraError?: string;
};

/** /admin/clients/new and /admin/clients/edit: the whole client as a form, shown again with its errors when refused. */
export function clientFormScreen(chrome: PageChrome, view: ClientFormView) {
  const t = translator(chrome.locale);
  const creating = view.mode.kind === "new";
  const title =
    view.mode.kind === "new"
      ? t("admin.clientNew.title", { preset: t(`admin.clients.presets.${view.mode.preset}`) })
      : t("admin.clientEdit.title", { name: view.mode.name });
  return (
    <AdminShell chrome={chrome} title={title} section="clients" email={view.email} csrf={view.csrf}>
      {view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      <ClientForm
        action={creating ? "/admin/clients/new/submit" : "/admin/clients/edit/submit"}
        csrf={view.csrf}
        values={view.values}
        errors={view.errors}
        hidden={view.mode.kind === "edit" ? { id: view.mode.id } : { preset: view.mode.preset }}
        submit={creating ? t("admin.clientNew.create") : t("admin.clientEdit.save")}
        cancelHref={view.mode.kind === "edit" ? `/admin/clients/view?id=${encodeURIComponent(view.mode.id)}` : "/admin/clients"}
        secretHint={creating ? t("admin.client.hints.secretCreate") : t("admin.client.hints.secretEdit")}
        t={t}
      />
    </AdminShell>
  );
}

export type SecretView = AdminFrame & { kind: "created" | "rotated"; clientId: string; secret?: string };

/** After creating a client or giving it a new secret: the secret, shown this once and never stored by us. */
export function secretScreen(chrome: PageChrome, view: SecretView) {
  const t = translator(chrome.locale);
  const viewHref = `/admin/clients/view?id=${encodeURIComponent(view.clientId)}`;
  return (
    <AdminShell chrome={chrome} title={view.kind === "created" ? t("admin.clientCreated.title") : t("admin.clientRotate.done")} section="clients" email={view.email} csrf={view.csrf}>
      <dl className="facts">
        <dt>{t("admin.clientCreated.id")}</dt>
        <dd>
          <code id="client-id">{view.clientId}</code>
        </dd>
        {view.secret && (
          <>
            <dt>{t("admin.clientCreated.secret")}</dt>
            <dd>
              <code id="client-secret" className="secret">
                {view.secret}
              </code>
            </dd>
          </>
        )}
      </dl>
      <p>{view.secret ? t("admin.clientCreated.secretOnce") : t("admin.clientCreated.noSecret")}</p>
      <p>
        <a className="button" href={viewHref}>
          {t("admin.clientCreated.view")}
        </a>
      </p>
    </AdminShell>
  );
}

export const clientNotices = ["updated", "tokens_revoked", "patched", "lifespans_saved"] as const;
export type ClientNotice = (typeof clientNotices)[number];

export type ClientDetailView = AdminFrame & { client: AdminClient; notice: ClientNotice | null };

/** /admin/clients/view: one client, what can be done to it, and the client as Hydra has it. */
export function clientDetailScreen(chrome: PageChrome, view: ClientDetailView) {
  const t = translator(chrome.locale);
  const { client } = view;
  const id = encodeURIComponent(client.client_id);
  const json = JSON.stringify(client, null, 2);
  return (
    <AdminShell chrome={chrome} title={t("admin.clientView.title", { name: clientName(client, t) })} section="clients" email={view.email} csrf={view.csrf}>
      {view.notice && (
        <p className="notice" role="status">
          {t(`admin.clientView.done.${view.notice}`)}
        </p>
      )}
      <dl className="facts">
        <dt>{t("admin.clients.id")}</dt>
        <dd>
          <code>{client.client_id}</code>
        </dd>
        <dt>{t("admin.clients.grants")}</dt>
        <dd>{(client.grant_types ?? []).join(" ") || "–"}</dd>
        <dt>{t("admin.client.fields.token_endpoint_auth_method")}</dt>
        <dd>{client.token_endpoint_auth_method ?? "–"}</dd>
        <dt>{t("admin.clients.created")}</dt>
        <dd>{date(client.created_at, chrome)}</dd>
        <dt>{t("admin.clients.updated")}</dt>
        <dd>{date(client.updated_at, chrome)}</dd>
      </dl>
      <ul className="admin-nav">
        <li>
          <a href={`/admin/clients/edit?id=${id}`}>{t("admin.clientView.edit")}</a>
        </li>
        <li>
          <a href={`/admin/clients/patch?id=${id}`}>{t("admin.clientView.patch")}</a>
        </li>
        <li>
          <a href={`/admin/clients/lifespans?id=${id}`}>{t("admin.clientView.lifespans")}</a>
        </li>
        <li>
          <a href={`/admin/clients/rotate-secret?id=${id}`}>{t("admin.clientView.rotate")}</a>
        </li>
        <li>
          <a href={`/admin/clients/revoke-tokens?id=${id}`}>{t("admin.clientView.revokeTokens")}</a>
        </li>
        <li>
          <a href={`/admin/clients/delete?id=${id}`}>{t("admin.clientView.delete")}</a>
        </li>
      </ul>
      <section aria-labelledby="json-title">
        <h2 id="json-title">{t("admin.clientView.json")}</h2>
        <pre className="code-block">
          <code>{json}</code>
        </pre>
      </section>
    </AdminShell>
  );
}

export type ClientActionKind = "delete" | "revoke" | "rotate";
export type ClientActionView = AdminFrame & { action: ClientActionKind; id: string; name: string; mismatch?: boolean };

const actionKeys = {
  delete: { title: "admin.clientDelete.title", body: "admin.clientDelete.body", confirm: "admin.clientDelete.confirm", path: "delete" },
  revoke: { title: "admin.clientRevoke.title", body: "admin.clientRevoke.body", confirm: "admin.clientRevoke.confirm", path: "revoke-tokens" },
  rotate: { title: "admin.clientRotate.title", body: "admin.clientRotate.body", confirm: "admin.clientRotate.confirm", path: "rotate-secret" },
} as const;

/** The confirmation of a change to one client; deleting it asks for its id to be typed. */
export function clientActionScreen(chrome: PageChrome, view: ClientActionView) {
  const t = translator(chrome.locale);
  const keys = actionKeys[view.action];
  return (
    <AdminShell chrome={chrome} title={t(keys.title, { name: view.name })} section="clients" email={view.email} csrf={view.csrf}>
      <p>{t(keys.body)}</p>
      <form method="post" action={`/admin/clients/${keys.path}/submit`}>
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="id" value={view.id} />
        {view.action === "delete" && (
          <TextField name="confirm_id" label={t("admin.clientDelete.confirmLabel")} value="" error={view.mismatch ? t("admin.clientDelete.mismatch") : undefined} required />
        )}
        <div className="actions">
          <button type="submit" className="primary danger">
            {t(keys.confirm)}
          </button>
          <a className="button" href={`/admin/clients/view?id=${encodeURIComponent(view.id)}`}>
            {t("admin.cancel")}
          </a>
        </div>
      </form>
    </AdminShell>
  );
}
