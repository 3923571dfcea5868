import {
  type MessageFormatElement,
  isArgumentElement,
  isLiteralElement,
  isPluralElement,
  isSelectElement,
} from "@formatjs/icu-messageformat-parser";
import { type Formatters, IntlMessageFormat } from "intl-messageformat";
import ar from "@/messages/ar.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { type Locale, defaultLocale, locales } from "@/lib/i18n/locales";

export type Messages = typeof en;
export { defaultLocale };
export type { Locale };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;

/** What a message's arguments may be given: text, a count for `{n, plural, …}`, a date. */
export type MessageValues = Record<string, string | number | Date>;

// Typed against English: a language file missing a key does not compile (and messages.test.ts names the key).
const catalogues: Record<Locale, Messages> = { en, de, fr, es, ar };

/**
 * Messages are ICU MessageFormat. The text is only for React to escape, never
 * markup, so `<` is always literal (`ignoreTag`): a translation that writes
 * "<3" or "a < b" must not turn into a tag that needs a callback.
 */
export const messageFormatOptions = { ignoreTag: true } as const;

/**
 * The Intl objects behind every message of one language, built once. The
 * library's default formatters key their cache on `JSON.stringify` of the
 * arguments at every `#` and every plural choice, which cost more than the
 * choice itself (an Arabic plural message took 3.2 µs with them, 1.8 µs without).
 */
function sharedFormatters(locale: Locale): Formatters {
  const once = <V>(cache: Map<string, V>, key: string, build: () => V): V => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build();
      cache.set(key, value);
    }
    return value;
  };
  const numbers = new Map<string, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  return {
    // Options come only from our own messages (`{n, number, …}`), so the caches stay small.
    getNumberFormat: (_, options) =>
      once(numbers, options ? JSON.stringify(options) : "", () => new Intl.NumberFormat(locale, options as Intl.NumberFormatOptions)),
    getDateTimeFormat: (_, options) => once(dates, options ? JSON.stringify(options) : "", () => new Intl.DateTimeFormat(locale, options)),
    getPluralRules: (_, options) => once(plurals, options?.type ?? "cardinal", () => new Intl.PluralRules(locale, options)),
  };
}

type Compiled =
  | { kind: "text"; text: string }
  | { kind: "icu"; format: IntlMessageFormat; plainArguments: readonly string[] };

type Catalogue = { locale: Locale; messages: Messages; formatters: Formatters; compiled: Map<string, Compiled> };

const catalogueCache = new WeakMap<Messages, Catalogue>();

function catalogueOf(messages: Messages): Catalogue {
  let catalogue = catalogueCache.get(messages);
  if (!catalogue) {
    const locale = locales.find((l) => catalogues[l] === messages) ?? defaultLocale;
    catalogue = { locale, messages, formatters: sharedFormatters(locale), compiled: new Map() };
    catalogueCache.set(messages, catalogue);
  }
  return catalogue;
}

/**
 * The arguments written plainly as `{name}` and never as `{name, plural, …}`
 * or another typed form. intl-messageformat prints a plain argument with
 * `String()`, so 1234 would stay "1234" and a Date would not be text at all;
 * ICU itself formats both for the language, and so does `prepareValues`.
 */
function plainArguments(ast: readonly MessageFormatElement[]): string[] {
  const plain = new Set<string>();
  const typed = new Set<string>();
  const visit = (elements: readonly MessageFormatElement[]) => {
    for (const element of elements) {
      if (isArgumentElement(element)) plain.add(element.value);
      else if (!isLiteralElement(element) && "value" in element) typed.add(element.value);
      if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) visit(option.value);
    }
  };
  visit(ast);
  return [...plain].filter((name) => !typed.has(name));
}

function compile(text: string, catalogue: Catalogue): Compiled {
  const format = new IntlMessageFormat(text, catalogue.locale, undefined, { ...messageFormatOptions, formatters: catalogue.formatters });
  const ast = format.getAst();
  // Most page texts have no argument at all: they cost a map lookup and nothing else.
  if (ast.every(isLiteralElement)) return { kind: "text", text: ast.map((element) => element.value).join("") };
  return { kind: "icu", format, plainArguments: plainArguments(ast) };
}

// Own properties only: the key "constructor.name" must not find Object's name.
const ownProperty = (node: unknown, part: string): unknown =>
  node !== null && typeof node === "object" && Object.hasOwn(node, part) ? (node as Record<string, unknown>)[part] : undefined;

function lookUp(catalogue: Catalogue, key: string): Compiled | undefined {
  const cached = catalogue.compiled.get(key);
  if (cached) return cached;
  const source = key.split(".").reduce<unknown>(ownProperty, catalogue.messages);
  if (typeof source !== "string") return undefined; // not cached: keys may be built from input (problem codes)
  let compiled: Compiled;
  try {
    compiled = compile(source, catalogue);
  } catch {
    // Invalid ICU shows the key rather than failing the page; messages.test.ts keeps shipped files from getting here.
    compiled = { kind: "text", text: key };
  }
  catalogue.compiled.set(key, compiled);
  return compiled;
}

/** Plain arguments as ICU would print them; a missing one stays visible as `{name}`, as it always has. */
function prepareValues(plain: readonly string[], vars: MessageValues, locale: Locale): MessageValues {
  let values = vars;
  for (const name of plain) {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (typeof value === "string") continue;
    if (values === vars) values = { ...vars };
    values[name] =
      value === undefined ? `{${name}}` : typeof value === "number" ? formatNumber(value, locale) : formatDateTime(value, locale);
  }
  return values;
}

function formatCompiled(catalogue: Catalogue, key: string, vars: MessageValues): string {
  const compiled = lookUp(catalogue, key);
  if (!compiled) return key;
  if (compiled.kind === "text") return compiled.text;
  try {
    const text = compiled.format.format(prepareValues(compiled.plainArguments, vars, catalogue.locale));
    return typeof text === "string" ? text : key;
  } catch {
    // A count that was not given, or a value of the wrong kind: the key names the message to fix.
    return key;
  }
}

/**
 * Looks a message up and formats it as ICU MessageFormat in the catalogue's
 * language; a key that does not exist comes back as itself. Each message is
 * compiled once per language. Text only: React escapes it when rendering.
 */
export function translate(messages: Messages, key: MessageKey, vars: MessageValues = {}): string {
  return formatCompiled(catalogueOf(messages), key, vars);
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The built-in title and description of a standard scope, or undefined for scopes we do not know. */
export function builtInScopeText(messages: Messages, scope: string): { title: string; description: string } | undefined {
  return Object.hasOwn(messages.scopes, scope) ? (messages.scopes as Record<string, { title: string; description: string }>)[scope] : undefined;
}

export type Translate = (key: MessageKey, vars?: MessageValues) => string;

const noValues: MessageValues = Object.freeze({});

/** The page's text function for one language. */
export function translator(locale: Locale): Translate {
  const catalogue = catalogueOf(messagesFor(locale));
  return (key, vars = noValues) => formatCompiled(catalogue, key, vars);
}
