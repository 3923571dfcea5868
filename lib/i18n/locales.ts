/** The languages the pages ship in. Every one has a complete messages/<locale>.json (see messages.test.ts). */
export const locales = ["en", "de", "fr", "es", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

const rightToLeft: ReadonlySet<Locale> = new Set(["ar"]);

/** Each language named in itself, for the switcher: a reader looks for their own language, not its English name. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ar: "العربية",
};

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return rightToLeft.has(locale) ? "rtl" : "ltr";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A BCP 47 tag to one of ours: exact match first ("fr"), then its primary language ("fr-CA" → "fr"). */
export function supportedLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (isLocale(lower)) return lower;
  const primary = lower.split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

/** Accept-Language (RFC 9110 §12.5.4) ordered by q-value; "*" and q=0 entries are dropped. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 50)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

export type LocaleSignals = {
  /** OIDC `ui_locales` from Hydra's login or consent request, in the client's order of preference. */
  uiLocales?: readonly string[];
  /** `?lang=` of this URL: set by the language switcher. */
  query?: string | string[];
  /** The language cookie, set by the switcher through /lang. */
  cookie?: string;
  acceptLanguage?: string;
};

/**
 * Which language a page is shown in. The switcher's `?lang=` is the person's
 * own choice made on this very page, so it wins; otherwise the client's
 * `ui_locales` (OIDC Core §3.1.2.1) comes first, then the language remembered
 * in the cookie, then the browser's Accept-Language, then English.
 * Anything outside our list is ignored, never echoed.
 */
export function chooseLocale(signals: LocaleSignals): Locale {
  const query = Array.isArray(signals.query) ? undefined : signals.query;
  if (isLocale(query)) return query;
  for (const tag of signals.uiLocales ?? []) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  if (isLocale(signals.cookie)) return signals.cookie;
  for (const tag of acceptedLanguages(signals.acceptLanguage)) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
