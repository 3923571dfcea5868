import type { DecodedJwt } from "@/lib/admin/jwt-view";
import { type Translate, translator } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { PageChrome } from "@/lib/page-chrome";
import type { PlaygroundAnswerView, PlaygroundTokensView } from "@/lib/server/admin/playground-view";
import type { PlaygroundTokenKind } from "@/lib/validations/admin-playground";
import { AdminShell } from "../admin/admin-shell";
import { DecodedJwtView, IntrospectionFacts } from "../admin/token-views";
import { playgroundProblemScreen } from "./admin-playground";

export type { PlaygroundAnswerView, PlaygroundTokensView };

/** The tokens travel with each form that acts on them, in hidden fields; the client's secret stays in the sealed cookie. */
function TokenFields({ view, token }: { view: PlaygroundTokensView; token?: PlaygroundTokenKind }) {
  const { tokens } = view;
  return (
    <>
      <input type="hidden" name="csrf" value={view.csrf} />
      <input type="hidden" name="client_id" value={view.clientId} />
      <input type="hidden" name="access_token" value={tokens.accessToken} />
      {tokens.refreshToken && <input type="hidden" name="refresh_token" value={tokens.refreshToken} />}
      {tokens.idToken && <input type="hidden" name="id_token" value={tokens.idToken} />}
      <input type="hidden" name="expires_at" value={String(tokens.expiresAt)} />
      {tokens.scope && <input type="hidden" name="scope" value={tokens.scope} />}
      {token && <input type="hidden" name="token" value={token} />}
    </>
  );
}

function Token({ id, title, value, jwt, t, locale }: { id: string; title: string; value: string; jwt?: DecodedJwt; t: Translate; locale: Locale }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <code className="secret" id={id}>
        {value}
      </code>
      {jwt && <DecodedJwtView jwt={jwt} t={t} locale={locale} id={`${id}-jwt`} />}
    </section>
  );
}

function ActionForm({ view, action, token, label, danger }: { view: PlaygroundTokensView; action: string; token?: PlaygroundTokenKind; label: string; danger?: boolean }) {
  return (
    <form method="post" action={`/admin/playground/${action}`}>
      <TokenFields view={view} token={token} />
      <button type="submit" className={danger ? "danger" : undefined}>
        {label}
      </button>
    </form>
  );
}

/** /admin/playground/callback and the answers to its actions: the tokens, decoded, and what can be done with them. */
export function playgroundTokensScreen(chrome: PageChrome, view: PlaygroundTokensView) {
  const t = translator(chrome.locale);
  const { tokens, result } = view;
  const which = (token: PlaygroundTokenKind) => t(`admin.playground.tokenNames.${token}`);
  return (
    <AdminShell chrome={chrome} title={t("admin.playground.tokensTitle")} section="playground" email={view.email} csrf={view.csrf}>
      {view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      {result && result.kind !== "introspected" && (
        <p className="notice" role="status">
          {result.kind === "revoked" ? t("admin.playground.done.revoked", { token: which(result.token) }) : t(`admin.playground.done.${result.kind}`)}
        </p>
      )}
      {result?.kind === "introspected" && (
        <section aria-labelledby="introspection-title">
          <h2 id="introspection-title">{t("admin.playground.introspection", { token: which(result.token) })}</h2>
          <IntrospectionFacts token={result.introspection} t={t} locale={chrome.locale} id="introspection" />
        </section>
      )}
      <dl className="facts">
        <dt>{t("admin.playground.clientId")}</dt>
        <dd>
          <code>{view.clientId}</code>
        </dd>
        <dt>{t("admin.playground.grantedScope")}</dt>
        <dd>{tokens.scope || "–"}</dd>
        <dt>{t("admin.playground.expires")}</dt>
        <dd>{formatDateTime(new Date(tokens.expiresAt * 1000), chrome.locale)}</dd>
      </dl>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("admin.playground.actions")}</h2>
        <div className="actions">
          {tokens.refreshToken && <ActionForm view={view} action="refresh" label={t("admin.playground.refresh")} />}
          <ActionForm view={view} action="introspect" token="access_token" label={t("admin.playground.introspectToken", { token: which("access_token") })} />
          {tokens.refreshToken && (
            <ActionForm view={view} action="introspect" token="refresh_token" label={t("admin.playground.introspectToken", { token: which("refresh_token") })} />
          )}
          <ActionForm view={view} action="revoke" token="access_token" label={t("admin.playground.revokeToken", { token: which("access_token") })} danger />
          {tokens.refreshToken && (
            <ActionForm view={view} action="revoke" token="refresh_token" label={t("admin.playground.revokeToken", { token: which("refresh_token") })} danger />
          )}
        </div>
        {!tokens.refreshToken && <p className="muted">{t("admin.playground.noRefresh")}</p>}
        {tokens.idToken ? (
          <>
            {/* Hydra takes the end-session request as a POST too (oauth2/handler.go, LogoutPath): the ID token stays out of every URL. */}
            <form method="post" action={view.endSession.action}>
              <input type="hidden" name="id_token_hint" value={tokens.idToken} />
              {view.endSession.registered && <input type="hidden" name="post_logout_redirect_uri" value={view.endSession.postLogoutRedirectUri} />}
              <button type="submit" className="danger">
                {t("admin.playground.endSession")}
              </button>
            </form>
            {!view.endSession.registered && (
              <p className="notice" id="signed-out-missing">
                {t("admin.playground.signedOutMissing", { uri: view.endSession.postLogoutRedirectUri })}
              </p>
            )}
          </>
        ) : (
          <p className="muted">{t("admin.playground.noIdToken")}</p>
        )}
      </section>

      <Token id="access-token" title={t("admin.playground.tokenTitles.access_token")} value={tokens.accessToken} jwt={view.decoded.access} t={t} locale={chrome.locale} />
      {tokens.refreshToken && <Token id="refresh-token" title={t("admin.playground.tokenTitles.refresh_token")} value={tokens.refreshToken} t={t} locale={chrome.locale} />}
      {tokens.idToken && <Token id="id-token" title={t("admin.playground.tokenTitles.id_token")} value={tokens.idToken} jwt={view.decoded.id} t={t} locale={chrome.locale} />}
      <p>
        <a className="button" href="/admin/playground">
          {t("admin.playground.again")}
        </a>
      </p>
    </AdminShell>
  );
}

/** The callback's and the token actions' page: the tokens, or why the flow gave none. */
export function playgroundAnswerScreen(chrome: PageChrome, view: PlaygroundAnswerView) {
  return view.kind === "tokens" ? playgroundTokensScreen(chrome, view) : playgroundProblemScreen(chrome, view);
}
