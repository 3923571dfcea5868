import { type MessageFormatElement, TYPE, isLiteralElement, isPluralElement, isSelectElement, parse } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messageFormatOptions } from "@/lib/i18n";
import { locales } from "./locales";

type Tree = { [key: string]: string | Tree };

const load = (locale: string): Tree =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "messages", `${locale}.json`), "utf8")) as Tree;

/** Every leaf as "path.to.key" → its text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") found.set(prefix + key, value);
    else for (const [path, text] of leaves(value, `${prefix}${key}.`)) found.set(path, text);
  }
  return found;
}

/** The message as ICU reads it, or a failure that names the key and the language. */
function parsed(locale: string, key: string, text: string): MessageFormatElement[] {
  try {
    return parse(text, messageFormatOptions);
  } catch (error) {
    throw new Error(`messages/${locale}.json ${key} is not valid ICU MessageFormat: ${(error as Error).message}`);
  }
}

/** Each argument with how it is used ("client: argument", "count: plural"), inside plural and select branches too. */
function argumentsOf(elements: readonly MessageFormatElement[], found = new Set<string>()): string[] {
  for (const element of elements) {
    if ("value" in element && !isLiteralElement(element)) found.add(`${element.value}: ${TYPE[element.type]}`);
    if (isPluralElement(element) || isSelectElement(element)) for (const option of Object.values(element.options)) argumentsOf(option.value, found);
  }
  return [...found].sort();
}

function pluralsOf(elements: readonly MessageFormatElement[]): { argument: string; categories: string[] }[] {
  return elements.flatMap((element) => {
    if (!isPluralElement(element) && !isSelectElement(element)) return [];
    const nested = Object.values(element.options).flatMap((option) => pluralsOf(option.value));
    if (!isPluralElement(element)) return nested;
    const categories = Object.keys(element.options).filter((selector) => !selector.startsWith("="));
    return [{ argument: element.value, categories: categories.sort() }, ...nested];
  });
}

/**
 * A message whose arguments are all plain, as ICU reads it and as a person reads the
 * source, arguments shown as ⟨name⟩; undefined for messages with plurals.
 */
function readings(locale: string, key: string, text: string): { icu: string; source: string } | undefined {
  const ast = parsed(locale, key, text);
  if (!ast.every((element) => isLiteralElement(element) || element.type === TYPE.argument)) return undefined;
  const names = Object.fromEntries(ast.filter((element) => !isLiteralElement(element)).map((element) => [element.value, `⟨${element.value}⟩`]));
  return { icu: String(new IntlMessageFormat(ast, locale).format(names)), source: text.replace(/\{(\w+)\}/g, "⟨$1⟩") };
}

const english = leaves(load("en"));

describe.each(locales)("messages/%s.json", (locale) => {
  const messages = leaves(load(locale));

  it("has every key English has, and no other", () => {
    expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
    expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("translates every message (none is left empty)", () => {
    for (const [key, text] of messages) expect(text.trim(), `${locale} ${key}`).not.toBe("");
  });

  it("parses every message as ICU MessageFormat", () => {
    for (const [key, text] of messages) parsed(locale, key, text);
  });

  it("keeps the arguments of every message, each used the same way", () => {
    for (const [key, text] of english) {
      const translation = messages.get(key);
      if (translation === undefined) continue; // reported by the key test
      expect(argumentsOf(parsed(locale, key, translation)), `${locale} ${key}`).toEqual(argumentsOf(parsed("en", key, text)));
    }
  });

  it("gives every plural the categories this language has, and only those", () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
    for (const [key, text] of messages) {
      for (const plural of pluralsOf(parsed(locale, key, text))) expect(plural.categories, `${locale} ${key} {${plural.argument}}`).toEqual(categories);
    }
  });

  // ICU gives `'` and `''` a meaning next to braces: a message whose arguments are all plain
  // must read exactly as written, with only the arguments filled in.
  it("reads every plain message as written", () => {
    for (const [key, text] of messages) {
      const reading = readings(locale, key, text);
      if (reading) expect(reading.icu, `${locale} ${key}`).toBe(reading.source);
    }
  });
});

describe("the checks above", () => {
  it("name the key and the language of a message that does not parse", () => {
    expect(() => parsed("fr", "account.appCount", "{count, plural, one {# app}")).toThrow(/messages\/fr\.json account\.appCount/);
  });

  it("see an argument that a translation dropped, renamed or used another way", () => {
    const of = (text: string) => argumentsOf(parsed("en", "test", text));
    expect(of("Hello {name}")).not.toEqual(of("Hello"));
    expect(of("Hello {name}")).not.toEqual(of("Hello {nom}"));
    expect(of("{count, plural, one {# {what}} other {# {what}s}}")).toEqual(["count: plural", "what: argument"]);
    expect(of("{count} apps")).not.toEqual(of("{count, plural, other {# apps}}"));
  });

  it("see an ASCII apostrophe that quotes a brace, and let a typographic one through", () => {
    const ascii = readings("fr", "test", "Accès à l'{client}'");
    expect(ascii?.icu).not.toBe(ascii?.source);
    const typographic = readings("fr", "test", "Accès à l’{client}’");
    expect(typographic?.icu).toBe(typographic?.source);
  });
});
