import { type DecodedJwt, prettyJson } from "@/lib/admin/jwt-view";
import type { IntrospectedToken } from "@/lib/hydra/tokens";
import type { Translate } from "@/lib/i18n";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

const dash = "–";
const when = (seconds: number | null | undefined, locale: Locale) => (typeof seconds === "number" ? formatDateTime(new Date(seconds * 1000), locale) : dash);

/** What Hydra's introspection says of a token; an inactive token says nothing more. */
export function IntrospectionFacts({ token, t, locale, id }: { token: IntrospectedToken; t: Translate; locale: Locale; id: string }) {
  const ext = token.ext && Object.keys(token.ext).length > 0 ? token.ext : undefined;
  return (
    <>
      <p className={token.active ? "notice" : "alert"} id={`${id}-active`}>
        {token.active ? t("admin.tokens.active") : t("admin.tokens.inactive")}
      </p>
      {token.active && (
        <dl className="facts">
          <dt>{t("admin.tokens.fields.client")}</dt>
          <dd>
            <code>{token.client_id ?? dash}</code>
          </dd>
          <dt>{t("admin.tokens.fields.subject")}</dt>
          <dd>
            <code>{token.sub ?? dash}</code>
          </dd>
          {token.obfuscated_subject && (
            <>
              <dt>{t("admin.tokens.fields.obfuscatedSubject")}</dt>
              <dd>
                <code>{token.obfuscated_subject}</code>
              </dd>
            </>
          )}
          <dt>{t("admin.tokens.fields.scopes")}</dt>
          <dd>{token.scope || dash}</dd>
          <dt>{t("admin.tokens.fields.type")}</dt>
          <dd>{[token.token_type, token.token_use].filter(Boolean).join(" · ") || dash}</dd>
          <dt>{t("admin.tokens.fields.issuedAt")}</dt>
          <dd>{when(token.iat, locale)}</dd>
          <dt>{t("admin.tokens.fields.expiresAt")}</dt>
          <dd>{when(token.exp, locale)}</dd>
          <dt>{t("admin.tokens.fields.notBefore")}</dt>
          <dd>{when(token.nbf, locale)}</dd>
          <dt>{t("admin.tokens.fields.audience")}</dt>
          <dd>{token.aud?.length ? token.aud.join(" ") : dash}</dd>
          <dt>{t("admin.tokens.fields.issuer")}</dt>
          <dd>{token.iss ?? dash}</dd>
          {token.username && (
            <>
              <dt>{t("admin.tokens.fields.username")}</dt>
              <dd>{token.username}</dd>
            </>
          )}
          <dt>{t("admin.tokens.fields.ext")}</dt>
          <dd>
            {ext ? (
              <pre className="code-block" tabIndex={0}>
                <code>{prettyJson(ext)}</code>
              </pre>
            ) : (
              dash
            )}
          </dd>
        </dl>
      )}
    </>
  );
}

/** A JWT's header and payload as they read, with its times as dates: decoded, never verified. */
export function DecodedJwtView({ jwt, t, locale, id }: { jwt: DecodedJwt; t: Translate; locale: Locale; id: string }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("admin.tokens.decoded")}</h3>
      <p className="muted">{t("admin.tokens.notVerified")}</p>
      {jwt.times.length > 0 && (
        <dl className="facts">
          {jwt.times.map((time) => (
            <div key={time.claim}>
              <dt>
                <code>{time.claim}</code>
              </dt>
              <dd>{formatDateTime(time.at, locale)}</dd>
            </div>
          ))}
        </dl>
      )}
      <h4>{t("admin.tokens.header")}</h4>
      <pre className="code-block" id={`${id}-header`} tabIndex={0}>
        <code>{prettyJson(jwt.header)}</code>
      </pre>
      <h4>{t("admin.tokens.payload")}</h4>
      <pre className="code-block" id={`${id}-payload`} tabIndex={0}>
        <code>{prettyJson(jwt.payload)}</code>
      </pre>
    </section>
  );
}
