import type { DecodedJwt } from "@/lib/admin/jwt-view";
import type { IntrospectedToken } from "@/lib/hydra/tokens";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import type { IntrospectErrors } from "@/lib/validations/admin-tokens";
import { AdminShell } from "../admin/admin-shell";
import { FormErrors, TextArea, TextField } from "../admin/fields";
import { DecodedJwtView, IntrospectionFacts } from "../admin/token-views";
import type { AdminFrame } from "./admin-screens";

export type TokensView = AdminFrame & {
  /** The scopes typed; the token itself is never written back into the page. */
  scope: string;
  errors: IntrospectErrors;
  hydraError?: string;
  result?: { introspection: IntrospectedToken; jwt?: DecodedJwt };
};

/** /admin/tokens: paste a token, see what Hydra says of it and, for a JWT, what it says of itself. */
export function tokensScreen(chrome: PageChrome, view: TokensView) {
  const t = translator(chrome.locale);
  const errorCount = Object.keys(view.errors).length;
  return (
    <AdminShell chrome={chrome} title={t("admin.tokens.title")} section="tokens" email={view.email} csrf={view.csrf}>
      <p>{t("admin.tokens.intro")}</p>
      <FormErrors count={errorCount} message={t("admin.tokens.refused")} />
      {view.hydraError && (
        <p className="alert" role="alert">
          {t("admin.hydraRefused", { description: view.hydraError })}
        </p>
      )}
      <form method="post" action="/admin/tokens/introspect" autoComplete="off">
        <input type="hidden" name="csrf" value={view.csrf} />
        <TextArea
          name="token"
          label={t("admin.tokens.token")}
          hint={t("admin.tokens.tokenHint")}
          error={view.errors.token && t(`admin.tokens.errors.${view.errors.token}`)}
          value=""
          rows={5}
          code
        />
        <TextField name="scope" label={t("admin.tokens.scope")} hint={t("admin.tokens.scopeHint")} error={view.errors.scope && t("admin.tokens.errors.scopeInvalid")} value={view.scope} />
        <button type="submit" className="primary">
          {t("admin.tokens.introspect")}
        </button>
      </form>
      {view.result && (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{t("admin.tokens.result")}</h2>
          <IntrospectionFacts token={view.result.introspection} t={t} locale={chrome.locale} id="token" />
          {view.result.jwt ? (
            <DecodedJwtView jwt={view.result.jwt} t={t} locale={chrome.locale} id="jwt" />
          ) : (
            <p className="muted">{t("admin.tokens.notJwt")}</p>
          )}
        </section>
      )}
    </AdminShell>
  );
}
