import type { AuditChange } from "@/lib/admin/audit-summary";
import type { JsonPatchMessageKey } from "@/lib/admin/json-patch";
import type { AdminClient } from "@/lib/hydra/clients";
import { type Translate, translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { AdminShell } from "../admin/admin-shell";
import { ClientNotFound } from "../admin/client-not-found";
import { TextArea } from "../admin/fields";
import type { AdminFrame } from "./admin-screens";

/** Why a patch was refused: previewClientPatch's key and detail (an operation's index, or the field). */
export type PatchRefusal = { key: JsonPatchMessageKey; detail?: string };

export type ClientPatchView = AdminFrame &
  (
    | { kind: "missing" }
    /** The patch to write, or written and refused: by our checks (`refusal`) or by Hydra (`hydraError`). */
    | { kind: "edit"; client: AdminClient; patch: string; refusal?: PatchRefusal; hydraError?: string }
    /** What the client becomes, field by field and whole, before the patch is sent. */
    | { kind: "preview"; client: AdminClient; patch: string; result: Record<string, unknown>; changes: AuditChange[] }
  );

// JSON, not text: the same in every language, and braces may not appear in messages.
const example = '[{ "op": "replace", "path": "/client_name", "value": "Shop" }, { "op": "add", "path": "/redirect_uris/-", "value": "https://shop.example/callback" }]';

const nameOf = (client: AdminClient, t: Translate) => client.client_name || t("admin.clients.noName");

/** The refusal in words; operations are counted from 1, as people read a list. */
export function patchRefusalText(refusal: PatchRefusal, t: Translate): string {
  const number = Number(refusal.detail ?? "0") + 1;
  switch (refusal.key) {
    case "admin.patch.errors.protectedField":
      return t(refusal.key, { field: refusal.detail || t("admin.patch.wholeClient") });
    case "admin.patch.errors.operation":
    case "admin.patch.errors.pathNotFound":
    case "admin.patch.errors.testFailed":
    case "admin.patch.errors.failed":
      return t(refusal.key, { number });
    default:
      return t(refusal.key);
  }
}

/** /admin/clients/patch and its preview: a JSON Patch written against the client as Hydra has it, shown applied before it is sent. */
export function clientPatchScreen(chrome: PageChrome, view: ClientPatchView) {
  const t = translator(chrome.locale);
  if (view.kind === "missing") {
    return (
      <AdminShell chrome={chrome} title={t("admin.clients.title")} section="clients" email={view.email} csrf={view.csrf}>
        <ClientNotFound t={t} />
      </AdminShell>
    );
  }
  const { client } = view;
  const viewHref = `/admin/clients/view?id=${encodeURIComponent(client.client_id)}`;
  const previewing = view.kind === "preview";
  const title = previewing ? t("admin.patch.previewTitle", { name: nameOf(client, t) }) : t("admin.patch.title", { name: nameOf(client, t) });
  const error = view.kind === "edit" && view.refusal ? patchRefusalText(view.refusal, t) : undefined;
  return (
    <AdminShell chrome={chrome} title={title} section="clients" email={view.email} csrf={view.csrf}>
      {view.kind === "edit" && view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {t("admin.patch.refused")}
        </p>
      )}
      {view.kind === "preview" && (
        <>
          <section aria-labelledby="changes-title">
            <h2 id="changes-title">{t("admin.patch.changes")}</h2>
            {view.changes.length === 0 ? <p>{t("admin.patch.noChanges")}</p> : <ChangeTable changes={view.changes} t={t} />}
            <form method="post" action="/admin/clients/patch/submit">
              <input type="hidden" name="csrf" value={view.csrf} />
              <input type="hidden" name="id" value={client.client_id} />
              <input type="hidden" name="patch" value={view.patch} />
              <div className="actions">
                <button type="submit" className="primary">
                  {t("admin.patch.apply")}
                </button>
                <a className="button" href={viewHref}>
                  {t("admin.cancel")}
                </a>
              </div>
            </form>
          </section>
          <section aria-labelledby="result-title">
            <h2 id="result-title">{t("admin.patch.result")}</h2>
            <pre className="code-block">
              <code>{JSON.stringify(view.result, null, 2)}</code>
            </pre>
          </section>
        </>
      )}
      <section aria-labelledby="patch-title">
        <h2 id="patch-title">{previewing ? t("admin.patch.editAgain") : t("admin.patch.write")}</h2>
        <p>{t("admin.patch.intro")}</p>
        <p>
          {t("admin.patch.example")} <code>{example}</code>
        </p>
        <form method="post" action="/admin/clients/patch/preview" noValidate>
          <input type="hidden" name="csrf" value={view.csrf} />
          <input type="hidden" name="id" value={client.client_id} />
          <TextArea name="patch" label={t("admin.patch.label")} value={view.patch} error={error} rows={8} code />
          <div className="actions">
            <button type="submit" className={previewing ? undefined : "primary"}>
              {t("admin.patch.preview")}
            </button>
            {!previewing && (
              <a className="button" href={viewHref}>
                {t("admin.cancel")}
              </a>
            )}
          </div>
        </form>
      </section>
      {!previewing && (
        <section aria-labelledby="current-title">
          <h2 id="current-title">{t("admin.patch.current")}</h2>
          <pre className="code-block">
            <code>{JSON.stringify(client, null, 2)}</code>
          </pre>
        </section>
      )}
    </AdminShell>
  );
}

function ChangeTable({ changes, t }: { changes: AuditChange[]; t: Translate }) {
  const side = (value: string | undefined) => (value === undefined ? <span className="muted">{t("admin.patch.unset")}</span> : <code>{value}</code>);
  return (
    <table className="admin-table">
      <thead>
        <tr>
          <th scope="col">{t("admin.patch.field")}</th>
          <th scope="col">{t("admin.patch.before")}</th>
          <th scope="col">{t("admin.patch.after")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field}>
            <th scope="row">
              <code>{change.field}</code>
            </th>
            <td>{side(change.before)}</td>
            <td>{side(change.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
