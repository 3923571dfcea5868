import { type Locale, isLocale } from "./locales";

export const localeCookieName = "provider-lang";

/** The only pages a language switch may return to: a switch link must not become an open redirect. */
const switchablePaths = new Set(["/", "/login", "/consent", "/logout", "/logged-out", "/error"]);
const problemPath = /^\/problem\/[a-z_]{1,40}$/;

/** A page's own path and query with `?lang=` set, e.g. for the switcher's links and /lang's redirect. */
export function withLang(pathAndQuery: string, locale: Locale): string {
  const url = new URL(pathAndQuery, "http://x");
  url.searchParams.set("lang", locale);
  return `${url.pathname}${url.search}`;
}

/** The switcher's link for one language: /lang remembers it in a cookie, then returns to this page. */
export function languageSwitchHref(pathAndQuery: string, locale: Locale): string {
  return `/lang?${new URLSearchParams({ locale, to: withLang(pathAndQuery, locale) })}`;
}

/**
 * Where /lang sends the browser back to: a relative path to one of our flow
 * pages, on our own origin, or nothing. `//evil.example`, `/\evil.example`,
 * absolute URLs and other paths are refused.
 */
export function languageSwitchTarget(
  to: string | null,
  locale: string | null,
  appUrl: string,
): { locale: Locale; location: string } | undefined {
  if (!isLocale(locale) || !to || to.length > 10_000) return undefined;
  if (!to.startsWith("/") || to.startsWith("//") || to.includes("\\")) return undefined;
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(to, base);
  } catch {
    return undefined;
  }
  if (target.origin !== base.origin || !(switchablePaths.has(target.pathname) || problemPath.test(target.pathname))) {
    return undefined;
  }
  target.searchParams.set("lang", locale);
  return { locale, location: target.toString() };
}
