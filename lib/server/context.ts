import "server-only";
import { cookies, headers } from "next/headers";
import { branding } from "@/lib/branding/config";
import { type MessageKey, type Messages, messagesFor, translate } from "@/lib/i18n";
import { type Locale, chooseLocale, localeNames, locales, textDirection } from "@/lib/i18n/locales";
import { languageSwitchHref, localeCookieName } from "@/lib/i18n/switch";
import { type CsrfPurpose, csrfToken, verifyCsrfToken } from "@/lib/security/csrf";
import { type FlowSession, csrfKey, flowCookieName, unsealFlowSession } from "@/lib/security/flow-session";
import { config } from "@/lib/config";
import type { PageChrome } from "@/components/page-shell";

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

export function translator(locale: Locale): { messages: Messages; t: Translate } {
  const messages = messagesFor(locale);
  return { messages, t: (key, vars) => translate(messages, key, vars) };
}

type Query = Record<string, string | string[] | undefined>;

/** The page's language: the switcher's ?lang=, the client's ui_locales, the cookie, Accept-Language (lib/i18n/locales.ts). */
export async function requestLocale(query: Query = {}, uiLocales: readonly string[] = []): Promise<Locale> {
  return chooseLocale({
    query: query.lang,
    uiLocales,
    cookie: (await cookies()).get(localeCookieName)?.value,
    acceptLanguage: (await headers()).get("accept-language") ?? undefined,
  });
}

/**
 * Everything a page needs around its content: its language (for `lang`/`dir`
 * and the translator), the language switcher's links back to this very page
 * (challenge kept), and the deployment's branding.
 */
export async function pageContext(options: { path: string; query?: Query; uiLocales?: readonly string[] }) {
  const locale = await requestLocale(options.query, options.uiLocales);
  const { t, messages } = translator(locale);
  const here = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (name !== "lang" && typeof value === "string") here.set(name, value);
  }
  const pathAndQuery = here.size ? `${options.path}?${here}` : options.path;
  const brand = branding();
  const chrome: PageChrome = {
    locale,
    dir: textDirection(locale),
    languagesLabel: t("app.languages"),
    languages: locales.map((l) => ({ locale: l, name: localeNames[l], href: languageSwitchHref(pathAndQuery, l), current: l === locale })),
    productName: brand.productName,
    logo: brand.logo && { ...brand.logo, alt: brand.productName ? t("app.logoAlt", { product: brand.productName }) : "" },
    links: [
      { href: brand.links.support, label: t("app.support") },
      { href: brand.links.privacy, label: t("app.privacy") },
      { href: brand.links.terms, label: t("app.terms") },
    ].filter((link): link is { href: string; label: string } => Boolean(link.href)),
  };
  return { locale, t, messages, chrome };
}

/** The flow session proxy.ts guarantees on every page request; undefined only for a forged or expired cookie. */
export async function currentFlowSession(): Promise<FlowSession | undefined> {
  return unsealFlowSession((await cookies()).get(flowCookieName())?.value);
}

export function formToken(session: FlowSession | undefined, purpose: CsrfPurpose, challenge: string): string {
  return session ? csrfToken(csrfKey(), session.id, purpose, challenge) : "";
}

/** Tokens made with any configured secret stay valid while secrets rotate. */
export function formTokenIsValid(
  session: FlowSession | undefined,
  purpose: CsrfPurpose,
  challenge: string,
  token: string,
): boolean {
  if (!session) return false;
  return Object.values(config().sessionSecrets).some((key) => verifyCsrfToken(key, session.id, purpose, challenge, token));
}

export function clientLabels(t: Translate) {
  return { policy: t("consent.policy"), terms: t("consent.terms"), clientSite: t("consent.clientSite") };
}

export function loginPolicy() {
  const { rememberLoginFor, extendSessionOnSkip } = config();
  return { rememberFor: rememberLoginFor, extendSessionOnSkip };
}

export function trustedClients() {
  return { firstPartyClients: config().firstPartyClients };
}
