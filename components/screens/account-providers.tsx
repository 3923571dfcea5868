import { type Translate, translator } from "@/lib/i18n";
import { formatRelativeTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { PageChrome } from "@/lib/page-chrome";
import type { LinkListed } from "@/lib/server/account/upstream-links";
import type { LinkNotice } from "@/lib/validations/account-input";
import { ConfirmForm } from "../account/confirm-form";
import { PageShell } from "../page-shell";

/** GET /account/providers. */
export type ProvidersView = { links: LinkListed[]; now: Date; notice: LinkNotice | null };

/** GET /account/providers/remove: the confirmation, or why the link cannot go (also a refused post, 422). */
export type RemoveLinkView = { csrf: string; link: LinkListed; refused: boolean };

const removeHref = (link: LinkListed) => `/account/providers/remove?provider=${encodeURIComponent(link.provider)}&subject=${encodeURIComponent(link.subject)}`;

/** Each linked provider by name, when it was linked and last used, and a link to unlink it. */
export function providersScreen(chrome: PageChrome, view: ProvidersView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.providers.title")} wide>
      {view.notice && (
        <p className="notice" role="status">
          {t(`account.providers.done.${view.notice}`)}
        </p>
      )}
      <p className="muted">{t("account.providers.intro")}</p>
      {view.links.length === 0 ? (
        <p>{t("account.providers.none")}</p>
      ) : (
        <ul className="apps">
          {view.links.map((link) => (
            <LinkItem key={`${link.provider} ${link.subject}`} link={link} now={view.now} locale={chrome.locale} t={t} />
          ))}
        </ul>
      )}
      <div className="actions">
        <a className="button" href="/account">
          {t("account.back")}
        </a>
      </div>
    </PageShell>
  );
}

function LinkItem({ link, now, locale, t }: { link: LinkListed; now: Date; locale: Locale; t: Translate }) {
  return (
    <li className="app">
      <h2>{link.name}</h2>
      {!link.configured && <p className="app-line">{t("account.providers.notOffered")}</p>}
      <p className="muted app-line">
        <time dateTime={link.createdAt.toISOString()}>{t("account.providers.linked", { ago: formatRelativeTime(link.createdAt, locale, now) })}</time>
      </p>
      <p className="muted app-line">
        {link.lastUsedAt ? (
          <time dateTime={link.lastUsedAt.toISOString()}>{t("account.providers.lastUsed", { ago: formatRelativeTime(link.lastUsedAt, locale, now) })}</time>
        ) : (
          t("account.providers.neverUsed")
        )}
      </p>
      <p>
        <a className="button" href={removeHref(link)}>
          {t("account.providers.remove", { name: link.name })}
        </a>
      </p>
    </li>
  );
}

export function removeLinkScreen(chrome: PageChrome, view: RemoveLinkView) {
  const t = translator(chrome.locale);
  const { link } = view;
  if (view.refused) {
    return (
      <PageShell chrome={chrome} title={t("account.providers.lastWayIn.title")}>
        <p className="alert" role="alert" id="last-way-in">
          {t("account.providers.lastWayIn.body", { name: link.name })}
        </p>
        <div className="actions">
          <a className="button primary" href="/account/password">
            {t("account.providers.lastWayIn.setPassword")}
          </a>
          <a className="button" href="/account/providers">
            {t("account.cancel")}
          </a>
        </div>
      </PageShell>
    );
  }
  return (
    <PageShell chrome={chrome} title={t("account.providers.removeConfirm.title")}>
      <p>{t("account.providers.removeConfirm.body", { name: link.name })}</p>
      <ConfirmForm
        action="/account/providers/remove"
        csrf={view.csrf}
        fields={{ provider: link.provider, subject: link.subject }}
        confirm={t("account.providers.removeConfirm.confirm")}
        cancel={t("account.cancel")}
        danger
      />
    </PageShell>
  );
}
