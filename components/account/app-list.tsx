import type { Remembered } from "@/lib/account/apps";
import type { Translate } from "@/lib/i18n";
import { formatDateTime, formatRelativeTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";

/** One connected app as the account page shows it; scope texts already in the page's language. */
export type AppView = {
  id: string;
  client: ClientCardInfo;
  scopes: { name: string; title?: string }[];
  audience: string[];
  grantedAt?: Date;
  remembered: Remembered;
};

export function AppList({ apps, now, locale, t }: { apps: AppView[]; now: Date; locale: Locale; t: Translate }) {
  if (apps.length === 0) return <p className="muted">{t("account.apps.none")}</p>;
  return (
    <ul className="apps">
      {apps.map((app) => (
        <li key={app.id} className="app">
          <ClientCard client={app.client} labels={clientCardLabels(t)} />
          <p className="app-line">{t("account.apps.scopes")}</p>
          <ul className="app-scopes">
            {app.scopes.map((scope) => (
              <li key={scope.name}>
                {scope.title ?? scope.name}
                {scope.title && <span className="scope-name"> ({scope.name})</span>}
              </li>
            ))}
          </ul>
          {app.audience.length > 0 && (
            <>
              <p className="app-line">{t("account.apps.audience")}</p>
              <ul className="app-scopes">
                {app.audience.map((audience) => (
                  <li key={audience}>{audience}</li>
                ))}
              </ul>
            </>
          )}
          {app.grantedAt && (
            <p className="muted app-line">
              <time dateTime={app.grantedAt.toISOString()}>{t("account.grantedAgo", { ago: formatRelativeTime(app.grantedAt, locale, now) })}</time>
            </p>
          )}
          <p className="muted app-line">{rememberedText(app.remembered, locale, t)}</p>
          <p className="app-line">
            <a className="button" href={`/account/apps/remove?client=${encodeURIComponent(app.id)}`}>
              {t("account.apps.remove", { client: app.client.name })}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}

function rememberedText(remembered: Remembered, locale: Locale, t: Translate): string {
  switch (remembered.kind) {
    case "no":
      return t("account.apps.notRemembered");
    case "until_removed":
      return t("account.apps.rememberedForever");
    case "until":
      return t("account.rememberedUntil", { date: formatDateTime(remembered.until, locale) });
  }
}
