import { type Locale, isLocale } from "./locales";

export const localeCookieName = "provider-lang";

/** The only pages a language switch may return to: a switch link must not become an open redirect. */
const switchablePaths = new Set(["/", "/login", "/consent", "/logout", "/logged-out", "/error", "/register", "/verify", "/forgot-password", "/reset-password"]);
const problemPath = /^\/problem\/[a-z_]{1,40}$/;
/** The account page and the console (their pages answering a post have no language links). */
const accountOrConsolePath = /^\/(account|admin)(\/[a-z0-9-]{1,40}){0,3}$/;

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
 * Where a page's language links return to, without its `lang` (each link sets
 * its own): the address the answer names when it names one, else the public
 * path and query the page was asked with (handlers live under /api, where
 * next.config.mjs maps the public paths). An answer to a form post names a
 * page a GET can show, since the post's own URL cannot be opened again;
 * `null` leaves the links out.
 */
export function languageLinksPath(requestUrl: string, named?: string | null): string | null {
  if (named === null) return null;
  const url = named ?? publicUrl(requestUrl);
  const at = url.indexOf("?");
  if (at < 0) return url;
  const query = url.slice(at + 1);
  if (!/(^|&)lang=/.test(query)) return url;
  const params = new URLSearchParams(query);
  params.delete("lang");
  return params.size > 0 ? `${url.slice(0, at)}?${params}` : url.slice(0, at);
}

function publicUrl(handlerUrl: string): string {
  if (handlerUrl === "/api" || handlerUrl.startsWith("/api?")) return `/${handlerUrl.slice(4)}`;
  return handlerUrl.startsWith("/api/") ? handlerUrl.slice(4) : handlerUrl;
}

/**
 * Where /lang sends the browser back to: a relative path to one of our flow,
 * account or console pages, on our own origin, or nothing. `//evil.example`, `/\evil.example`,
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
  const page = target.pathname;
  if (target.origin !== base.origin || !(switchablePaths.has(page) || problemPath.test(page) || accountOrConsolePath.test(page))) {
    return undefined;
  }
  target.searchParams.set("lang", locale);
  // Relative: the console may be served on a host of its own (ADMIN_HOST); the browser goes back to the host it came from.
  return { locale, location: `${target.pathname}${target.search}` };
}
