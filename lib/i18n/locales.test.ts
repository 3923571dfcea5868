import { describe, expect, it } from "vitest";
import { acceptedLanguages, chooseLocale, supportedLocale, textDirection } from "./locales";

describe("chooseLocale", () => {
  it("follows the switcher's ?lang= above everything else", () => {
    expect(chooseLocale({ query: "de", uiLocales: ["fr"], cookie: "es", acceptLanguage: "ar" })).toBe("de");
  });

  it("takes the client's ui_locales before the cookie and the browser", () => {
    expect(chooseLocale({ uiLocales: ["fr-CA", "de"], cookie: "es", acceptLanguage: "ar" })).toBe("fr");
  });

  it("skips ui_locales we do not ship and takes the next one", () => {
    expect(chooseLocale({ uiLocales: ["ja", "es-MX"], cookie: "de" })).toBe("es");
  });

  it("uses the cookie when the client asks for nothing we have", () => {
    expect(chooseLocale({ uiLocales: ["ja"], cookie: "ar", acceptLanguage: "de" })).toBe("ar");
  });

  it("falls back to Accept-Language by q-value", () => {
    expect(chooseLocale({ acceptLanguage: "ja;q=1, fr;q=0.4, es-ES;q=0.8" })).toBe("es");
  });

  it("ignores an unsupported or repeated ?lang= and a forged cookie", () => {
    expect(chooseLocale({ query: "xx", cookie: "<script>", acceptLanguage: "fr" })).toBe("fr");
    expect(chooseLocale({ query: ["de", "fr"] })).toBe("en");
  });

  it("is English when nothing matches", () => {
    expect(chooseLocale({})).toBe("en");
    expect(chooseLocale({ acceptLanguage: "*, ja" })).toBe("en");
  });
});

describe("acceptedLanguages", () => {
  it("orders by weight, keeps header order on ties, drops q=0 and *", () => {
    expect(acceptedLanguages("de;q=0.5, fr, *;q=0.1, es;q=0, ar")).toEqual(["fr", "ar", "de"]);
  });
});

describe("supportedLocale", () => {
  it("maps regional tags to the language", () => {
    expect(supportedLocale("AR-eg")).toBe("ar");
    expect(supportedLocale("pt-BR")).toBeUndefined();
  });
});

describe("textDirection", () => {
  it("is right-to-left for Arabic only", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("de")).toBe("ltr");
  });
});
