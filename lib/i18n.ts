import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import { type Locale, defaultLocale } from "@/lib/i18n/locales";

export type Messages = typeof en;
export { defaultLocale };
export type { Locale };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

// Typed against English: a language file missing a key does not compile (and messages.test.ts names the key).
const catalogues: Record<Locale, Messages> = { en, de, fr, es, ar };

/** Looks a message up and fills `{name}` placeholders. Text only: React escapes it when rendering. */
export function translate(messages: Messages, key: MessageKey, vars: Record<string, string> = {}): string {
  const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
  if (typeof template !== "string") return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The built-in title and description of a standard scope, or undefined for scopes we do not know. */
export function builtInScopeText(messages: Messages, scope: string): { title: string; description: string } | undefined {
  return Object.hasOwn(messages.scopes, scope) ? (messages.scopes as Record<string, { title: string; description: string }>)[scope] : undefined;
}

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string;

/** The page's text function for one language. */
export function translator(locale: Locale): Translate {
  const messages = messagesFor(locale);
  return (key, vars) => translate(messages, key, vars);
}
