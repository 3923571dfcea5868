import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber, formatRelativeTime } from "./format";
import type { Locale } from "./locales";

const now = new Date("2025-03-14T15:09:26Z");
const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const at = (offset: number) => new Date(now.getTime() + offset);
const ago = (offset: number, locale: Locale = "en") => formatRelativeTime(at(-offset), locale, now);

/** Intl uses U+202F or U+00A0 in some languages and ICU versions; the words are what is tested here. */
const spaced = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
/** Arabic may be written with Arabic-Indic digits or Latin ones, depending on the ICU in use: ask it. */
const digits = (value: number, locale: Locale) => new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
const arabicScript = /[\u0600-\u06ff]/;

describe("formatRelativeTime", () => {
  it("says now for the same instant", () => {
    expect(ago(0)).toBe("now");
    expect(ago(400)).toBe("now");
    expect(formatRelativeTime(at(400), "en", now)).toBe("now");
  });

  it.each([
    [30 * second, "30 seconds ago"],
    [44 * second, "44 seconds ago"],
    [45 * second, "1 minute ago"],
    [10 * minute, "10 minutes ago"],
    [44 * minute, "44 minutes ago"],
    [45 * minute, "1 hour ago"],
    [21 * hour, "21 hours ago"],
    [22 * hour, "1 day ago"],
    [3 * day, "3 days ago"],
    [6 * day, "6 days ago"],
    [7 * day, "1 week ago"],
    [20 * day, "3 weeks ago"],
    [26 * day, "1 month ago"],
    [200 * day, "7 months ago"],
    [300 * day, "10 months ago"],
    [320 * day, "1 year ago"],
    [3 * 365 * day, "3 years ago"],
  ])("picks the unit that reads best: %i ms ago is %s", (offset, text) => {
    expect(ago(offset)).toBe(text);
  });

  it("writes the future as well as the past", () => {
    expect(formatRelativeTime(at(2 * hour), "en", now)).toBe("in 2 hours");
    expect(formatRelativeTime(at(30 * day), "en", now)).toBe("in 1 month");
  });

  it("counts a day rather than naming it, since 22 hours ago may still be today", () => {
    expect(ago(22 * hour)).not.toBe("yesterday");
    expect(ago(22 * hour, "de")).toBe("vor 1 Tag");
  });

  it.each<[Locale, string, string, string]>([
    ["en", "3 days ago", "in 2 hours", "now"],
    ["de", "vor 3 Tagen", "in 2 Stunden", "jetzt"],
    ["fr", "il y a 3 jours", "dans 2 heures", "maintenant"],
    ["es", "hace 3 días", "dentro de 2 horas", "ahora"],
    ["ar", `قبل ${digits(3, "ar")} أيام`, "خلال ساعتين", "الآن"],
  ])("speaks %s", (locale, threeDaysAgo, inTwoHours, rightNow) => {
    expect(spaced(ago(3 * day, locale))).toBe(threeDaysAgo);
    expect(spaced(formatRelativeTime(at(2 * hour), locale, now))).toBe(inTwoHours);
    expect(ago(0, locale)).toBe(rightNow);
  });

  it("writes Arabic in Arabic, with the plural form the count needs", () => {
    expect(ago(3 * day, "ar")).toMatch(arabicScript);
    expect(ago(11 * day, "ar")).not.toBe(ago(3 * day, "ar").replace(digits(3, "ar"), digits(11, "ar")));
  });

  it("refuses an invalid date rather than printing NaN", () => {
    expect(() => formatRelativeTime(new Date("not a date"), "en", now)).toThrow(RangeError);
  });
});

describe("formatDateTime", () => {
  it.each<[Locale, string[]]>([
    ["en", ["Mar 14, 2025", "3:09 PM"]],
    ["de", ["14.03.2025", "15:09"]],
    ["fr", ["14 mars 2025", "15:09"]],
    ["es", ["14 mar 2025", "15:09"]],
  ])("writes a medium date and a short time in %s", (locale, parts) => {
    const text = spaced(formatDateTime(now, locale));
    for (const part of parts) expect(text).toContain(part);
  });

  it("writes Arabic in Arabic script and the digits ICU chooses for it", () => {
    const text = formatDateTime(now, "ar");
    expect(text).toMatch(arabicScript);
    expect(text).toContain(digits(2025, "ar"));
    expect(text).toContain("م"); // مساءً: afternoon
  });

  it("is UTC unless told otherwise, whatever the host's zone", () => {
    expect(formatDateTime(now, "de")).toContain("15:09");
    expect(formatDateTime(now, "de", "Europe/Berlin")).toContain("16:09");
    expect(formatDateTime(now, "de", "America/New_York")).toContain("11:09");
  });

  it("refuses a time zone that does not exist", () => {
    expect(() => formatDateTime(now, "en", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("formatNumber", () => {
  it("groups digits the way each language does", () => {
    expect(formatNumber(1234, "en")).toBe("1,234");
    expect(formatNumber(1234, "de")).toBe("1.234");
    expect(formatNumber(1234, "ar")).toBe(new Intl.NumberFormat("ar").format(1234));
  });
});
