import type { Branding } from "@/lib/branding/config";
import { type Locale, localeNames, locales, textDirection } from "@/lib/i18n/locales";
import { languageSwitchHref } from "@/lib/i18n/switch";
import { translator } from "@/lib/i18n";

/**
 * Everything a page shows around its content. `locale` and `dir` are chosen
 * once per request and used by both the document (`<html lang dir>`) and the
 * page's text, so the two cannot disagree.
 */
export type PageChrome = {
  locale: Locale;
  dir: "ltr" | "rtl";
  languagesLabel: string;
  languages: { locale: Locale; name: string; href: string; current: boolean }[];
  productName: string | null;
  logo: { light: string; dark: string | null; width: number; height: number; alt: string } | null;
  links: { href: string; label: string }[];
};

/** The chrome of one page in one language; `pathAndQuery` is where the language switcher returns to (`null`: no switcher). */
export function pageChrome(options: { locale: Locale; pathAndQuery: string | null; branding: Branding }): PageChrome {
  const { locale, pathAndQuery, branding } = options;
  const t = translator(locale);
  return {
    locale,
    dir: textDirection(locale),
    languagesLabel: t("app.languages"),
    languages: pathAndQuery === null ? [] : locales.map((l) => ({ locale: l, name: localeNames[l], href: languageSwitchHref(pathAndQuery, l), current: l === locale })),
    productName: branding.productName ?? null,
    logo: branding.logo
      ? {
          light: branding.logo.light,
          dark: branding.logo.dark ?? null,
          width: branding.logo.width,
          height: branding.logo.height,
          alt: branding.productName ? t("app.logoAlt", { product: branding.productName }) : "",
        }
      : null,
    links: [
      { href: branding.links.support, label: t("app.support") },
      { href: branding.links.privacy, label: t("app.privacy") },
      { href: branding.links.terms, label: t("app.terms") },
    ].filter((link): link is { href: string; label: string } => Boolean(link.href)),
  };
}
