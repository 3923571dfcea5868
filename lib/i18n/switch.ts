import { type Locale, isLocale } from "./locales";

export const localeCookieName = "provider-lang";

/** The only pages a language switch may return to: a switch link must not become an open redirect. */
const switchablePaths = new Set(["/", "/login", "/consent", "/logout", "/logged-out", "/error"]);
const problemPath = /^\/problem\/[a-z_]{1,40}$/;

/**
 * The switcher's link for one language: /lang remembers it in a cookie, then
 * returns to this page. `pathAndQuery` carries no `lang` yet (every page drops
 * it first), so plain string work does: a challenge makes the query kilobytes
 * long, and each page has a link per language.
 */
export function languageSwitchHref(pathAndQuery: string, locale: Locale): string {
  const to = `${pathAndQuery}${pathAndQuery.includes("?") ? "&" : "?"}lang=${locale}`;
  return `/lang?locale=${locale}&to=${encodeURIComponent(to)}`;
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
