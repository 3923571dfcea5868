import { translator } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/locales";

export type UpstreamButton = { id: string; name: string; href: string };

/**
 * "Continue with …": plain links carrying the login challenge, so no script is
 * needed and the page's form-action stays as it is (a form post's redirects
 * through the upstream's own pages would all have to be allowed there).
 */
export function UpstreamButtons({ buttons, locale, beforeLocalForm }: { buttons: readonly UpstreamButton[]; locale: Locale; beforeLocalForm: boolean }) {
  if (buttons.length === 0) return null;
  const t = translator(locale);
  return (
    <>
      <nav aria-label={t("login.upstream.choose")}>
        <ul className="upstreams">
          {buttons.map((button) => (
            <li key={button.id}>
              <a id={`upstream-${button.id}`} className="button" href={button.href}>
                {t("login.upstream.continueWith", { provider: button.name })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {beforeLocalForm && <p className="muted">{t("login.upstream.or")}</p>}
    </>
  );
}
