import { describe, expect, it } from "vitest";
import { pageChrome } from "./page-chrome";

const branding = { colors: { light: {}, dark: {} }, links: {} };

describe("pageChrome", () => {
  it("links every language back to the page it is given", () => {
    const chrome = pageChrome({ locale: "de", pathAndQuery: "/verify?login_challenge=c1", branding });
    expect(chrome.languages.map((l) => l.locale)).toEqual(["en", "de", "fr", "es", "ar"]);
    expect(chrome.languages.find((l) => l.current)?.locale).toBe("de");
    const to = new URL(chrome.languages[0]!.href, "https://login.example.com").searchParams.get("to");
    expect(to).toBe("/verify?login_challenge=c1&lang=en");
  });

  it("has no language links for a page no address can show again", () => {
    const chrome = pageChrome({ locale: "ar", pathAndQuery: null, branding });
    expect(chrome.languages).toEqual([]);
    expect(chrome.dir).toBe("rtl");
  });
});
