import type { StartErrors } from "@/lib/admin/playground";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import type { PlaygroundProblemView, PlaygroundStartView } from "@/lib/server/admin/playground-view";
import { AdminShell } from "../admin/admin-shell";
import { FormErrors, Select, TextField } from "../admin/fields";
import type { AdminFrame } from "./admin-screens";

export type { PlaygroundProblemView, PlaygroundStartView };

/** The URIs a client needs registered to be tried here. */
function PlaygroundUris({ uris, t }: { uris: PlaygroundStartView["uris"]; t: ReturnType<typeof translator> }) {
  return (
    <dl className="facts">
      <dt>{t("admin.playground.callbackUri")}</dt>
      <dd>
        <code id="callback-uri">{uris.callback}</code>
      </dd>
      <dt>{t("admin.playground.signedOutUri")}</dt>
      <dd>
        <code id="signed-out-uri">{uris.signedOut}</code>
      </dd>
    </dl>
  );
}

/** /admin/playground: choose a client and scopes; the start form sends the browser to Hydra's authorization endpoint. */
export function playgroundScreen(chrome: PageChrome, view: PlaygroundStartView) {
  const t = translator(chrome.locale);
  const errorCount = Object.keys(view.errors).length;
  const error = (field: keyof StartErrors) => {
    const key = view.errors[field];
    return key && t(`admin.playground.errors.${key}`, { uri: view.uris.callback });
  };
  return (
    <AdminShell chrome={chrome} title={t("admin.playground.title")} section="playground" email={view.email} csrf={view.csrf}>
      <p>{t("admin.playground.intro")}</p>
      <p>{t("admin.playground.register")}</p>
      <PlaygroundUris uris={view.uris} t={t} />
      <FormErrors count={errorCount} message={t("admin.playground.refused")} />
      {view.clients.length === 0 ? (
        <p className="notice">{t("admin.playground.noClients")}</p>
      ) : (
        <form method="post" action="/admin/playground/start" autoComplete="off">
          <input type="hidden" name="csrf" value={view.csrf} />
          <Select
            name="client"
            label={t("admin.playground.client")}
            hint={view.more ? t("admin.playground.firstPage", { count: view.clients.length }) : undefined}
            error={error("client")}
            value={view.values.client}
            options={view.clients.map((client) => ({
              value: client.id,
              label: t(client.confidential ? "admin.playground.confidentialOption" : "admin.playground.publicOption", { name: client.name || client.id, id: client.id }),
            }))}
          />
          <TextField name="scope" label={t("admin.playground.scope")} hint={t("admin.playground.scopeHint")} error={error("scope")} value={view.values.scope} />
          <div className="field">
            <label htmlFor="f-client_secret">{t("admin.playground.secret")}</label>
            <p id="f-client_secret-hint" className="field-hint muted">
              {t("admin.playground.secretHint")}
            </p>
            <input
              id="f-client_secret"
              name="client_secret"
              type="password"
              autoComplete="off"
              aria-invalid={view.errors.client_secret ? true : undefined}
              aria-describedby={["f-client_secret-hint", view.errors.client_secret && "f-client_secret-error"].filter(Boolean).join(" ")}
            />
            {view.errors.client_secret && (
              <p id="f-client_secret-error" className="field-error">
                {error("client_secret")}
              </p>
            )}
          </div>
          <button type="submit" className="primary">
            {t("admin.playground.start")}
          </button>
        </form>
      )}
    </AdminShell>
  );
}

/** A flow that ended without tokens: Hydra's error in words, or why the playground would not go on. */
export function playgroundProblemScreen(chrome: PageChrome, view: PlaygroundProblemView) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.playground.problemTitle")} section="playground" email={view.email} csrf={view.csrf}>
      <p className="alert" role="alert">
        {t(`admin.playground.problems.${view.problem}`)}
      </p>
      {(view.error || view.description) && (
        <dl className="facts">
          {view.error && (
            <>
              <dt>{t("admin.playground.hydraError")}</dt>
              <dd>
                <code id="hydra-error">{view.error}</code>
              </dd>
            </>
          )}
          {view.description && (
            <>
              <dt>{t("admin.playground.hydraDescription")}</dt>
              <dd id="hydra-description">{view.description}</dd>
            </>
          )}
        </dl>
      )}
      <p>
        <a className="button" href="/admin/playground">
          {t("admin.playground.again")}
        </a>
      </p>
    </AdminShell>
  );
}

/** Where Hydra sends the browser after the playground ended the session. */
export function playgroundSignedOutScreen(chrome: PageChrome, view: AdminFrame) {
  const t = translator(chrome.locale);
  return (
    <AdminShell chrome={chrome} title={t("admin.playground.signedOutTitle")} section="playground" email={view.email} csrf={view.csrf}>
      <p className="notice" role="status">
        {t("admin.playground.signedOut")}
      </p>
      <p>
        <a className="button" href="/admin/playground">
          {t("admin.playground.again")}
        </a>
      </p>
    </AdminShell>
  );
}
