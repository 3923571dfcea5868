import { describe, expect, it, vi } from "vitest";
import { type MessageKey, messagesFor, translate, translator } from "@/lib/i18n";
import { formatDateTime, formatNumber, formatRelativeTime } from "./format";
import { type Locale, locales } from "./locales";

// Counts how often a message is compiled, to prove the cache holds.
const compiled = vi.hoisted(() => ({ count: 0 }));
vi.mock("intl-messageformat", async (importOriginal) => {
  const original = await importOriginal<typeof import("intl-messageformat")>();
  class CountingMessageFormat extends original.IntlMessageFormat {
    constructor(...args: ConstructorParameters<typeof original.IntlMessageFormat>) {
      super(...args);
      compiled.count += 1;
    }
  }
  return { ...original, IntlMessageFormat: CountingMessageFormat, default: CountingMessageFormat };
});

const apps = (locale: Locale, count: number) => translator(locale)("account.appCount", { count });

describe("translator", () => {
  it("fills plain placeholders as before", () => {
    expect(translator("en")("login.intro", { client: "Acme" })).toBe("Sign in to continue to Acme.");
    expect(translator("de")("login.expectedAccount", { client: "Acme", email: "a@b.example" })).toBe(
      "Acme erwartet, dass Sie sich als a@b.example anmelden. Eine Anmeldung mit einem anderen Konto beendet diese Anfrage.",
    );
    expect(translator("fr")("logout.intro", { subject: "" })).toBe("Voulez-vous vous déconnecter ?");
  });

  it("returns a message without arguments as written", () => {
    expect(translator("fr")("problem.oauth.code")).toBe("Code d’erreur");
  });

  it("answers a key that does not exist with the key", () => {
    expect(translator("en")("login.nothing" as MessageKey)).toBe("login.nothing");
    expect(translator("en")("login" as MessageKey)).toBe("login");
    expect(translate(messagesFor("en"), "constructor.name" as MessageKey)).toBe("constructor.name");
  });

  it("leaves a placeholder that was not given in view, as before", () => {
    expect(translator("en")("login.intro")).toBe("Sign in to continue to {client}.");
  });

  it("answers a plural without its count with the key instead of failing the page", () => {
    expect(translator("en")("account.appCount")).toBe("account.appCount");
  });

  it("writes numbers and dates given to a plain placeholder the way the language does", () => {
    const when = new Date("2025-03-14T15:09:26Z");
    expect(translator("de")("login.intro", { client: 1234 })).toBe(`Melden Sie sich an, um mit ${formatNumber(1234, "de")} fortzufahren.`);
    expect(translator("de")("login.intro", { client: 1234 })).toContain("1.234");
    for (const locale of locales) {
      expect(translator(locale)("account.rememberedUntil", { date: when })).toContain(formatDateTime(when, locale));
    }
  });

  it("takes the formatted relative time", () => {
    const now = new Date("2025-03-14T15:09:26Z");
    const threeDaysAgo = new Date(now.getTime() - 3 * 24 * 3600 * 1000);
    const granted = (locale: Locale) => translator(locale)("account.grantedAgo", { ago: formatRelativeTime(threeDaysAgo, locale, now) });
    expect(granted("en")).toBe("Access granted 3 days ago");
    expect(granted("de")).toBe("Zugriff vor 3 Tagen erteilt");
    expect(granted("es")).toBe("Acceso concedido hace 3 días");
  });

  it("compiles a message once per language", () => {
    const t = translator("es");
    t("consent.intro", { client: "A", subject: "x" });
    const before = compiled.count;
    for (let i = 0; i < 5; i += 1) t("consent.intro", { client: `A${i}`, subject: "x" });
    translate(messagesFor("es"), "consent.intro", { client: "B", subject: "y" });
    expect(compiled.count).toBe(before);
    translator("ar")("consent.intro", { client: "A", subject: "x" });
    expect(compiled.count).toBe(before + 1);
  });
});

describe("account.appCount", () => {
  it("has zero, one and many in English", () => {
    expect([0, 1, 2].map((n) => apps("en", n))).toEqual(["No apps", "1 app", "2 apps"]);
    expect(apps("en", 1000)).toBe("1,000 apps");
  });

  it("has six forms in Arabic: zero, one, two, few, many, other", () => {
    const n = (value: number) => formatNumber(value, "ar");
    const forms = [0, 1, 2, 3, 11, 100].map((count) => apps("ar", count));
    expect(new Set(forms).size).toBe(6);
    expect(forms).toEqual(["لا توجد تطبيقات", "تطبيق واحد", "تطبيقان", `${n(3)} تطبيقات`, `${n(11)} تطبيقًا`, `${n(100)} تطبيق`]);
    expect(apps("ar", 10)).toBe(`${n(10)} تطبيقات`);
    expect(apps("ar", 99)).toBe(`${n(99)} تطبيقًا`);
    expect(apps("ar", 102)).toBe(`${n(102)} تطبيق`);
  });

  it("uses one for 0 and 1 in French, with the zero said in words", () => {
    expect(new Intl.PluralRules("fr").select(0)).toBe("one");
    expect([0, 1, 2].map((n) => apps("fr", n))).toEqual(["Aucune application", "1 application", "2 applications"]);
    expect(apps("fr", 1_000_000)).toBe(`${formatNumber(1_000_000, "fr")} d’applications`);
  });

  it("has one and other in German and Spanish, and many for Spanish millions", () => {
    expect([0, 1, 2].map((n) => apps("de", n))).toEqual(["Keine Apps", "1 App", "2 Apps"]);
    expect([0, 1, 2].map((n) => apps("es", n))).toEqual(["Ninguna aplicación", "1 aplicación", "2 aplicaciones"]);
    expect(apps("es", 1_000_000)).toBe("1.000.000 de aplicaciones");
  });
});
