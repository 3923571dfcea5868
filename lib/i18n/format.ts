import type { Locale } from "./locales";

/*
 * Intl formatters cost tens of microseconds to build and nothing to reuse, so
 * each is built once per language (and time zone) and kept: a page that lists
 * twenty grants formats forty dates with the same two objects.
 */
function cachedBy<K, V>(build: (key: K) => V, limit = 100): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = build(key);
      // A time zone may one day come from the reader (a cookie), and Intl accepts any spelling of a zone's name: stay bounded.
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

const numbers = cachedBy((locale: Locale) => new Intl.NumberFormat(locale));
// "always" keeps "1 day ago" from becoming "yesterday" for something 23 hours ago, which may still be today.
const relativeNumeric = cachedBy((locale: Locale) => new Intl.RelativeTimeFormat(locale, { numeric: "always" }));
// Only for the zero case, where "now" reads better than "in 0 seconds".
const relativeWords = cachedBy((locale: Locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
const dateTimes = cachedBy((localeAndZone: string) => {
  const [locale, timeZone] = localeAndZone.split("|");
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
});

/** A number in the language's own digits and grouping ("1,234", "1.234", "1 234"). */
export function formatNumber(value: number, locale: Locale): string {
  return numbers(locale).format(value);
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/*
 * Each unit is used while its rounded count stays below the limit; past it the
 * next unit reads better ("45 minutes" is nearly "1 hour", "11 months" nearly
 * "1 year"). Months and years use their average lengths: the text is a rough
 * age, never a calendar calculation.
 */
const relativeUnits: readonly { unit: Intl.RelativeTimeFormatUnit; length: number; below: number }[] = [
  { unit: "second", length: second, below: 45 },
  { unit: "minute", length: minute, below: 45 },
  { unit: "hour", length: hour, below: 22 },
  { unit: "day", length: day, below: 7 },
  { unit: "week", length: 7 * day, below: 4 },
  { unit: "month", length: (365.2425 / 12) * day, below: 11 },
  { unit: "year", length: 365.2425 * day, below: Infinity },
];

/**
 * How long ago or how far ahead `when` is, seen from `now`: "3 days ago",
 * "in 2 hours", "now". Pass the page's one `now` so every line on it agrees.
 * Throws a RangeError for an invalid Date, as Intl does.
 */
export function formatRelativeTime(when: Date, locale: Locale, now: Date = new Date()): string {
  const elapsed = when.getTime() - now.getTime();
  if (Number.isNaN(elapsed)) throw new RangeError("formatRelativeTime needs valid dates");
  if (Math.abs(elapsed) < second / 2) return relativeWords(locale).format(0, "second");
  const sign = elapsed < 0 ? -1 : 1;
  for (const { unit, length, below } of relativeUnits) {
    const count = Math.round(Math.abs(elapsed) / length);
    if (count < below) return relativeNumeric(locale).format(sign * count, unit);
  }
  throw new RangeError("unreachable: the last unit has no limit");
}

/**
 * A date and time as the language writes it, medium date and short time
 * ("Mar 14, 2025, 3:09 PM", "14.03.2025, 15:09"). The server does not know
 * the reader's time zone, so it is a parameter; UTC by default keeps the text
 * independent of the host's TZ setting. An unknown zone throws a RangeError.
 */
export function formatDateTime(when: Date, locale: Locale, timeZone = "UTC"): string {
  return dateTimes(`${locale}|${timeZone}`).format(when);
}
