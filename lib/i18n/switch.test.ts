import { describe, expect, it } from "vitest";
import { languageSwitchHref, languageSwitchTarget, withLang } from "./switch";

const app = "https://login.example.com";

describe("languageSwitchTarget", () => {
  it("returns to the same flow page with the challenge and the chosen language", () => {
    expect(languageSwitchTarget("/login?login_challenge=abc&lang=en", "de", app)).toEqual({
      locale: "de",
      location: "https://login.example.com/login?login_challenge=abc&lang=de",
    });
  });

  it.each([
    ["an absolute URL", "https://evil.example/login"],
    ["a protocol-relative URL", "//evil.example/login"],
    ["a backslash trick", "/\\evil.example/login"],
    ["a path that is not a flow page", "/lang?locale=de&to=/login"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["nothing", null],
  ])("refuses %s", (_, to) => {
    expect(languageSwitchTarget(to, "de", app)).toBeUndefined();
  });

  it("refuses a language we do not ship", () => {
    expect(languageSwitchTarget("/login?login_challenge=abc", "xx", app)).toBeUndefined();
  });
});

describe("languageSwitchHref", () => {
  it("links through /lang and keeps the page's query", () => {
    const href = languageSwitchHref("/consent?consent_challenge=c1", "ar");
    const url = new URL(href, app);
    expect(url.pathname).toBe("/lang");
    expect(url.searchParams.get("locale")).toBe("ar");
    expect(url.searchParams.get("to")).toBe("/consent?consent_challenge=c1&lang=ar");
  });
});

describe("withLang", () => {
  it("replaces an earlier language", () => {
    expect(withLang("/logout?logout_challenge=x&lang=fr", "es")).toBe("/logout?logout_challenge=x&lang=es");
  });
});
