import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const english = leaves(load("en"));

describe.each(locales.filter((l) => l !== "en"))("messages/%s.json", (locale) => {
  const translated = leaves(load(locale));

  it("has every key English has, and no other", () => {
    expect([...english.keys()].filter((key) => !translated.has(key))).toEqual([]);
    expect([...translated.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it("keeps the placeholders of every message", () => {
    for (const [key, text] of english) expect(placeholders(translated.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("translates every message (none is left empty)", () => {
    for (const [key, text] of translated) expect(text.trim(), key).not.toBe("");
  });
});
