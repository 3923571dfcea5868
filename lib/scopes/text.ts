import { type Messages, builtInScopeText } from "@/lib/i18n";
import type { Locale } from "@/lib/i18n/locales";
import type { LocalizedText, ScopeCatalogue } from "./catalogue";

const inLocale = (text: LocalizedText | undefined, locale: Locale) => text?.[locale] ?? text?.en;

/**
 * What a scope is called on the consent page: the deployment's catalogue text
 * in this language (or English), else our built-in text for standard scopes,
 * else nothing, and the page shows the scope by its name.
 */
export function scopeText(
  name: string,
  locale: Locale,
  catalogue: ScopeCatalogue,
  messages: Messages,
): { title?: string; description?: string } {
  const rule = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
  const builtIn = builtInScopeText(messages, name);
  return {
    title: inLocale(rule?.title, locale) ?? builtIn?.title,
    description: inLocale(rule?.description, locale) ?? (rule?.title ? undefined : builtIn?.description),
  };
}

/** An audience (usually a URL) in plain words: its host, or the value itself when it is not a URL. */
export function audienceLabel(audience: string): string {
  try {
    const url = new URL(audience);
    if (url.protocol === "https:" || url.protocol === "http:") return url.host + (url.pathname === "/" ? "" : url.pathname);
  } catch {
    // not a URL: shown as given
  }
  return audience;
}
